"""Assemble a report's content from the section registry, the plans and the staff's text.

``build(organisation, year, kind, narrative)`` returns the content as plain data (it is stored,
locked, with each run): the subject, the parts (each with its ``code``: ``results``,
``shortcomings``, ``directions``, ``proposals``) with their numbered sections (each with the
``code`` of its registered section) and blocks, next
year's tasks and solutions, and the annex table. Every figure comes from the indicator registry
(``plans.figures``), every list from the domain apps' records; the query count does not grow
with the number of records.
"""

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
from .enums import ReportKind


class Context:
    """What a section reads: the organisation, the period and the figures of its indicators."""

    def __init__(self, organisation, year, kind=ReportKind.ANNUAL, indicators=None):
        self.organisation = organisation
        self.year = year
        self.kind = kind
        self.months = 6 if kind == ReportKind.HALF_YEAR else 12
        self.indicators = indicators if indicators is not None else list(Indicator.objects.all())
        self.figures = {
            f.indicator.code: f
            for f in plan_figures.figures(organisation, year, self.indicators, months=self.months)
        }

    def figure(self, code):
        return self.figures.get(code)

    def records(self, code):
        """The records behind a figure (for the lists a section gives beside it)."""
        figure = self.figure(code)
        if figure is None:
            return None
        return plan_figures.records(figure.indicator, self.organisation, self.year, self.months)

    def values_by_organisation(self, code, ids):
        """``{organisation id: value}`` of each organisation's own records in the report's months."""
        figure = self.figure(code)
        if figure is None:
            return {}
        return plan_figures.values_by_organisation(figure.indicator, ids, self.year, self.months)

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
        """``cuối năm 2024`` or, for a six-month report, ``ngày 30/6/2024``."""
        if self.kind == ReportKind.HALF_YEAR:
            return _("30 June %(year)s") % {"year": self.year}
        return _("the end of %(year)s") % {"year": self.year}

    @property
    def period_label(self):
        if self.kind == ReportKind.HALF_YEAR:
            return _("the first six months of %(year)s") % {"year": self.year}
        return _("%(year)s") % {"year": self.year}


def subject(kind, year):
    if kind == ReportKind.HALF_YEAR:
        return _(
            "Results of the first six months of %(year)s and the tasks for the last six months"
        ) % {"year": year}
    return _("The organisation and work of %(year)s, and the directions and tasks for %(next)s") % {
        "year": year,
        "next": year + 1,
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


def directions(organisation, year, kind):
    """Next period's tasks and solutions from next year's plan (or this year's for a sơ kết)."""
    plan_year = year if kind == ReportKind.HALF_YEAR else year + 1
    items = list(
        PlanItem.objects.filter(plan__organisation=organisation, plan__year=plan_year).order_by(
            "kind", "sort_order", "pk"
        )
    )
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


def build(organisation, year, kind=ReportKind.ANNUAL, narrative=None):
    """The report's content as data, in Vietnamese."""
    narrative = narrative or {}
    with translation.override("vi"):
        context = Context(organisation, year, kind)
        sections = []
        for section in registry.sections():
            blocks = [b for b in section.build(context) if b] + bound_blocks(context, section.code)
            if blocks:
                sections.append(
                    {"code": section.code, "heading": str(section.title), "blocks": blocks}
                )
        tasks, solutions = directions(organisation, year, kind)
        next_label = (
            _("the last six months of %(year)s") % {"year": year}
            if kind == ReportKind.HALF_YEAR
            else _("%(year)s") % {"year": year + 1}
        )
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
                % {"period": next_label.upper()},
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
        previous = Context(organisation, year - 1, kind, context.indicators)
        return {
            "organisation": organisation.name,
            "year": year,
            "kind": str(kind),
            "subject": subject(kind, year),
            "opening": (narrative.get("opening") or "").strip(),
            "parts": _numbered(parts),
            "tasks": tasks,
            "solutions": solutions,
            "annex": {
                "title": _("THE INDICATORS OF %(period)s")
                % {"period": context.period_label.upper()},
                "year": year,
                "previous_year": year - 1,
                "rows": annex_rows(context, previous),
            },
            "charts": report_charts.build(context),
        }
