"""Assemble a report's content from the section registry, the plans and the staff's text.

``build(organisation, year, kind, narrative)`` returns the content as plain data (it is stored,
locked, with each run): the subject, the parts (each with its ``code``: ``results``,
``shortcomings``, ``directions``, ``proposals``) with their numbered sections (each with the
``code`` of its registered section) and blocks, next
year's tasks and solutions, and the annex table. Every figure comes from the indicator registry
(``plans.figures``), every list from the domain apps' records; the query count does not grow
with the number of records.
"""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from lienhiep.core import sections as registry
from lienhiep.core.formatting import (
    format_count,
    format_money_short,
    format_number,
    format_percent,
    roman,
)
from lienhiep.plans import figures as plan_figures
from lienhiep.plans.enums import ItemKind, Method
from lienhiep.plans.models import Indicator, PlanItem

from . import charts as report_charts
from .enums import PART_OF_YEAR, ReportKind
from .periods import Period


def as_period(year, kind=ReportKind.ANNUAL):
    """The period asked for: a ``Period``, or a year of ``kind`` (a year or its first half)."""
    return year if isinstance(year, Period) else Period(kind, year)


class Context:
    """What a section reads: the organisation, the period and the figures of its indicators.

    Over a year, a half or a quarter the figures are the registry's over the period's months;
    over a term they are each year's, added up (or, for what stands on a day, the last year's),
    with the congress resolution's targets.
    """

    def __init__(self, organisation, period, kind=ReportKind.ANNUAL, indicators=None):
        self.period = as_period(period, kind)
        self.organisation = organisation
        self.year = self.period.year
        self.kind = self.period.kind
        self.months = self.period.months
        self.indicators = indicators if indicators is not None else list(Indicator.objects.all())
        self.by_year = None
        if self.period.is_term:
            self.by_year, found = plan_figures.term_figures(
                organisation, self.period.years, self.indicators, self.period.term_id
            )
        else:
            found = plan_figures.figures(
                organisation, self.year, self.indicators, months=self.months
            )
        self.figures = {f.indicator.code: f for f in found}

    def figure(self, code):
        return self.figures.get(code)

    def _years(self, indicator):
        """The years whose records make the figure: the last for what stands on a day."""
        if self.by_year is None or plan_figures.at_end(indicator):
            return [self.year]
        return self.period.years

    def records(self, code):
        """The records behind a figure (for the lists a section gives beside it)."""
        figure = self.figure(code)
        if figure is None:
            return None
        indicator = figure.indicator
        found = [
            plan_figures.records(indicator, self.organisation, year, self.months)
            for year in self._years(indicator)
        ]
        if len(found) == 1 or found[0] is None:
            return found[0]
        each = Q()
        for records in found:
            each |= Q(pk__in=records.values("pk"))
        return found[0].model.objects.filter(each)

    def values_by_organisation(self, code, ids):
        """``{organisation id: value}`` of each organisation's own records in the period."""
        figure = self.figure(code)
        if figure is None:
            return {}
        result = {}
        for year in self._years(figure.indicator):
            found = plan_figures.values_by_organisation(figure.indicator, ids, year, self.months)
            for pk, amount in found.items():
                result[pk] = result.get(pk, 0) + (amount or 0)
        return result

    def value(self, code):
        figure = self.figure(code)
        return (figure.value or 0) if figure else 0

    def count(self, code):
        """``06 đề án``: the figure with its unit, as reports write it."""
        figure = self.figure(code)
        if figure is None:
            return format_count(0)
        return (
            figure.display_count
            if figure.value is not None
            else format_count(0, figure.indicator.unit)
        )

    def number(self, code):
        """``06``: the figure without its unit."""
        return format_count(int(self.value(code)))

    def achievement(self, code):
        """``đạt 120% kế hoạch`` when the plan has a target, else an empty string."""
        figure = self.figure(code)
        if figure is None or not figure.target_value:
            return ""
        return _("%(percent)s of the plan") % {
            "percent": format_percent(figure.value or 0, figure.target_value)
        }

    def target(self, code):
        """``05 đề án``: the plan's target with its unit, or an empty string."""
        figure = self.figure(code)
        if figure is None or not figure.target_value:
            return ""
        target = figure.target_value
        if figure.is_money:
            return format_money_short(target)
        if target == int(target):
            return format_count(int(target), figure.indicator.unit)
        return f"{format_number(target)} {figure.indicator.unit}"

    @property
    def period_end(self):
        """``cuối năm 2024`` or, for part of a year, its last day: ``ngày 30/6/2024``."""
        return self.period.end_label

    @property
    def period_label(self):
        return self.period.label


def subject(kind, year=None):
    """The report's subject under "BÁO CÁO": of a ``Period`` (or of a year of ``kind``)."""
    period = as_period(year, kind) if year is not None else kind
    if period.kind == ReportKind.HALF_YEAR:
        return _(
            "Results of the first six months of %(year)s and the tasks for the last six months"
        ) % {"year": period.year}
    if period.kind == ReportKind.QUARTER:
        return _("Results of %(period)s and the tasks for %(next)s") % {
            "period": period.label,
            "next": period.following.label,
        }
    if period.is_term:
        return _(
            "Summary of the term %(years)s, and the directions and tasks for the next term"
        ) % {"years": period.span}
    return _("The organisation and work of %(year)s, and the directions and tasks for %(next)s") % {
        "year": period.year,
        "next": period.year + 1,
    }


def _narrative_part(code, heading, texts):
    blocks = [registry.paragraph(p) for text in texts for p in registry.paragraphs(text)]
    return {"code": code, "heading": heading, "sections": [], "blocks": blocks}


def _numbered(parts):
    """Keep the parts that have something to say, numbered I., II., … in that order."""
    kept = []
    for part in parts:
        part["sections"] = [s for s in part["sections"] if any(s["blocks"])]
        for number, section in enumerate(part["sections"], start=1):
            section["heading"] = f"{number}. {section['heading']}"
            section["blocks"] = [b for b in section["blocks"] if b]
        if part["sections"] or part["blocks"]:
            part["heading"] = f"{roman(len(kept) + 1)}. {part['heading']}"
            kept.append(part)
    return kept


def directions(organisation, year, kind=ReportKind.ANNUAL):
    """Next period's tasks and solutions: for part of a year (a sơ kết), the year plan's tasks
    still open at the period's end (not done by then) and its solutions; else next year's plan."""
    period = as_period(year, kind)
    part = period.kind in PART_OF_YEAR
    items = PlanItem.objects.filter(
        plan__organisation=organisation, plan__year=period.year if part else period.year + 1
    )
    if part:
        items = items.exclude(kind=ItemKind.TASK, done_on__lte=period.end)
    items = list(items.order_by("kind", "sort_order", "pk"))
    return (
        [i.text for i in items if i.kind == ItemKind.TASK],
        [i.text for i in items if i.kind == ItemKind.SOLUTION],
    )


def annex_value(figure, value):
    """A value of the annex as the text writes it: counts padded (``05``), money short."""
    if value is None:
        return ""
    if figure.is_money:
        return format_money_short(value)
    if value == int(value):
        return format_count(int(value))
    return format_number(value)


def annex_rows(context, previous):
    """Indicators with a target or a figure: target, this year, achievement, last year ("chưa
    có số liệu" when no record stands behind last year's figure, never a zero that reads as real)."""
    rows = []
    for indicator in context.indicators:
        if indicator.code.count(".") > 1:
            continue  # breakdowns (prizes by level) stay in the text
        now, before = context.figure(indicator.code), previous.figure(indicator.code)
        if not (now.target_value or now.value or (before and before.value)):
            continue
        recorded = before is not None and before.recorded and before.value is not None
        rows.append(
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "target": annex_value(now, now.target_value),
                "actual": annex_value(now, now.value),
                "percent": f"{now.achievement}%" if now.achievement is not None else "",
                "previous": annex_value(before, before.value) if recorded else _("no data yet"),
            }
        )
    return rows


def bound_blocks(context, section_code):
    """The sentences (and lists) of the staff-defined figures bound to a section."""
    blocks = []
    for indicator in context.indicators:
        binding = indicator.report_binding
        if binding is None or binding.section != section_code:
            continue
        figure = context.figure(indicator.code)
        if not (figure.value or figure.target_value):
            continue
        blocks.append(registry.paragraph(bound_sentence(context, indicator, binding)))
        if binding.lists_records and binding.describe:
            records = _in_order(indicator, context.records(indicator.code))
            blocks.append(registry.bullets(binding.describe(r) for r in records))
    return [b for b in blocks if b]


def _in_order(indicator, records):
    """A figure's records in the order they happened (when its measure dates them)."""
    measure = indicator.measure if indicator.method == Method.COMPUTED else None
    field = measure.date_field if measure else None
    return records.order_by(field, "pk") if field else records


def bound_sentence(context, indicator, binding):
    """The binding's sentence, its placeholders filled in report style (``05``, ``120%``)."""
    code = indicator.code
    figure = context.figure(code)
    target = figure.target_value
    values = {
        "số": figure.display_count.removesuffix(f" {indicator.unit}"),
        "đơn vị": indicator.unit,
        "kế hoạch": context.target(code).removesuffix(f" {indicator.unit}") if target else "",
        "tỷ lệ": format_percent(figure.value or 0, target) if target else "",
        "kỳ": context.period_label,
    }
    for name, other in binding.extra:
        values[name] = context.number(other) if context.figure(other) else format_count(0)
    return registry.fill_sentence(binding.sentence, values, bool(target))


def next_label(period):
    """Whom the directions are for: the year's last six months, the next quarter, the next
    term, the next year."""
    if period.kind == ReportKind.HALF_YEAR:
        return _("the last six months of %(year)s") % {"year": period.year}
    if period.is_term:
        return _("the next term")
    return period.following.label


def build(organisation, year, kind=ReportKind.ANNUAL, narrative=None):
    """The report's content as data, in Vietnamese, over ``year`` (a ``Period``, or a year of
    ``kind``)."""
    narrative = narrative or {}
    period = as_period(year, kind)
    with translation.override("vi"):
        context = Context(organisation, period)
        sections = term_sections(context)
        for section in registry.sections():
            blocks = [b for b in section.build(context) if b] + bound_blocks(context, section.code)
            if blocks:
                sections.append(
                    {"code": section.code, "heading": str(section.title), "blocks": blocks}
                )
        tasks, solutions = directions(organisation, period)
        parts = [
            {
                "code": "results",
                "heading": _("RESULTS OF %(period)s") % {"period": context.period_label.upper()},
                "sections": sections,
                "blocks": [],
            },
            _narrative_part(
                "shortcomings",
                _("SHORTCOMINGS, LIMITATIONS AND THEIR CAUSES"),
                [narrative.get("shortcomings"), narrative.get("causes")],
            ),
            {
                "code": "directions",
                "heading": _("DIRECTIONS AND TASKS FOR %(period)s")
                % {"period": next_label(period).upper()},
                "sections": [
                    {
                        "code": "tasks",
                        "heading": pgettext("report", "Tasks"),
                        "blocks": [registry.bullets(tasks)],
                    },
                    {
                        "code": "solutions",
                        "heading": pgettext("report", "Solutions"),
                        "blocks": [registry.bullets(solutions)],
                    },
                ],
                "blocks": [],
            },
            _narrative_part(
                "proposals", _("PROPOSALS AND RECOMMENDATIONS"), [narrative.get("proposals")]
            ),
        ]
        return {
            "organisation": organisation.name,
            "year": period.year,
            "kind": str(period.kind),
            "period": period.label,
            "title": period.title,
            "subject": subject(period),
            "opening": (narrative.get("opening") or "").strip(),
            "parts": _numbered(parts),
            "tasks": tasks,
            "solutions": solutions,
            "annex": annex(context),
            "charts": report_charts.build(context),
        }


def annex(context):
    """The annex table: the period beside the same period a year earlier, or over a term one
    column a year with the term's total and its target."""
    period = context.period
    result = {
        "title": _("THE INDICATORS OF %(period)s") % {"period": context.period_label.upper()},
        "year": period.year,
        "previous_year": period.year - 1,
        "rows": [],
        "years": [],
        "by_year": [],
    }
    if period.is_term:
        result["years"] = period.years
        result["by_year"] = term_annex_rows(context)
    else:
        previous = Context(context.organisation, period.previous, indicators=context.indicators)
        result["rows"] = annex_rows(context, previous)
    return result


def term_annex_rows(context):
    """Each indicator with a figure or a target over the term: its value each year ("chưa có
    số liệu" for a year without records), the term's total, the target and the achievement."""
    rows = []
    for indicator in context.indicators:
        if indicator.code.count(".") > 1:
            continue
        whole = context.figure(indicator.code)
        each = [context.by_year[year][indicator.code] for year in context.period.years]
        if not (whole.target_value or whole.value):
            continue
        rows.append(
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "values": [
                    annex_value(f, f.value)
                    if f.recorded and f.value is not None
                    else _("no data yet")
                    for f in each
                ],
                "total": annex_value(whole, whole.value),
                "target": annex_value(whole, whole.target_value),
                "percent": f"{whole.achievement}%" if whole.achievement is not None else "",
            }
        )
    return rows


#: The figures a term report states year by year: admissions, congresses, contests, honours.
TERM_FIGURES = [
    "directory.admitted",
    "directory.congresses",
    "contests.technical_entries",
    "contests.youth_entries",
    "honours.nominations",
    "honours.honoured",
]


def term_sections(context):
    """A term report's first section: the term's main figures in total and year by year, and
    the congress resolution's targets against achievement (or that it set none)."""
    if not context.period.is_term:
        return []
    lines = []
    for code in TERM_FIGURES:
        figure = context.figure(code)
        if figure is None:
            continue
        years = "; ".join(
            f"{year}: {format_count(int(context.by_year[year][code].value or 0))}"
            for year in context.period.years
        )
        lines.append(
            _("%(name)s: %(count)s (%(years)s)")
            % {"name": figure.indicator.name, "count": context.count(code), "years": years}
        )
    targeted = [f for f in context.figures.values() if f.target_value]
    if targeted:
        plan = [
            _("%(name)s: %(actual)s against the target of %(target)s (%(achievement)s)")
            % {
                "name": f.indicator.name,
                "actual": context.count(f.indicator.code),
                "target": context.target(f.indicator.code),
                "achievement": context.achievement(f.indicator.code),
            }
            for f in targeted
        ]
        targets = [
            registry.paragraph(_("The targets of the congress resolution for the term:")),
            registry.bullets(plan),
        ]
    else:
        targets = [registry.paragraph(_("No targets for the term yet."))]
    return [
        {
            "code": "term",
            "heading": _("The term's results year by year"),
            "blocks": [
                registry.paragraph(
                    _("Over the term %(years)s (%(count)s years):")
                    % {
                        "years": context.period.span,
                        "count": format_count(len(context.period.years)),
                    }
                ),
                registry.bullets(lines),
                *targets,
            ],
        }
    ]
