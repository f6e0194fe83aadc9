"""Figures of indicators for an organisation and year: actual, target and achievement.

One query per indicator, whatever the size of the tree; the national table adds one query per
indicator for every union at once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from lienhiep.core.formatting import (
    achievement,
    format_count,
    format_figure,
    format_money_short,
    format_number,
)
from lienhiep.core.indicators import YEAR, Rollup, yearly_values
from lienhiep.core.indicators import values_by_year as measure_values_by_year
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Province
from lienhiep.directory.rules import subtree_ids

from .enums import PACKAGE_SUBJECT, Method, Standing
from .models import Indicator, ReportedValue, Target, TermTarget


@dataclass
class Figure:
    indicator: Indicator
    organisation: Organisation
    year: int
    value: Decimal | int | None
    target: Target | None = None
    #: Whether any record (or reported value) stands behind the figure: a computed count of none
    #: is 0, which a report must not print as a real zero for a year nobody recorded.
    recorded: bool = True

    @property
    def target_value(self):
        return self.target.value if self.target else None

    @property
    def achievement(self):
        if self.value is None or not self.target_value:
            return None
        return achievement(self.value, self.target_value)

    @property
    def standing(self):
        percent = self.achievement
        if percent is None:
            return None
        return (
            Standing.BELOW if percent < 100 else Standing.AT if percent == 100 else Standing.ABOVE
        )

    @property
    def is_money(self):
        return self.indicator.unit == "đồng"

    @property
    def display(self):
        if self.value is None:
            return "—"
        return format_money_short(self.value) if self.is_money else display_number(self.value)

    @property
    def display_target(self):
        return "" if self.target_value is None else display_number(self.target_value)

    @property
    def display_count(self):
        """As a report writes it: ``05 đề án``."""
        if self.value is None:
            return "—"
        if self.is_money:
            return format_money_short(self.value)
        value = self.value
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        return (
            format_count(value, self.indicator.unit)
            if isinstance(value, int)
            else format_number(value)
        )

    @property
    def records_url(self):
        url = reverse("plans_figure_records", args=[self.indicator.code])
        return f"{url}?org={self.organisation.pk}&year={self.year}"


def display_number(value):
    """A figure as screens write it (``core.formatting.format_figure``)."""
    return format_figure(value)


def organisation_ids(indicator, organisation):
    """Whose records count for ``organisation``: its subtree, or itself for rule ``none``."""
    return {organisation.pk} if indicator.rollup == Rollup.NONE else subtree_ids(organisation.pk)


def reported_values(indicator, ids, year):
    values = ReportedValue.objects.filter(indicator=indicator, year=year, breakdown={})
    return values if ids is None else values.filter(organisation__in=ids)


def records(indicator, organisation, year, months=YEAR):
    """The records behind the figure."""
    ids = organisation_ids(indicator, organisation)
    if indicator.method == Method.REPORTED:
        return reported_values(indicator, ids, year).select_related("organisation")
    measure = indicator.measure
    return measure.queryset(ids, year, months) if measure else None


@dataclass(frozen=True)
class Row:
    """An organisation's own value: one reported value (``entered`` orders them), or a measure's."""

    organisation: int
    value: Decimal | int
    entered: tuple = ()


def own_values(indicator, year, ids=None, months=YEAR):
    """The own values of these organisations (``None``: every organisation), in one query."""
    if indicator.method == Method.REPORTED:
        values = reported_values(indicator, ids, year)
        fields = values.order_by().values_list("organisation", "value", "entered_at", "pk")
        return [Row(pk, amount, (at, row)) for pk, amount, at, row in fields]
    measure = indicator.measure
    values = measure.values_by_organisation(ids, year, months) if measure else {}
    return [Row(pk, amount) for pk, amount in values.items()]


def _total(rows):
    return sum(row.value for row in rows)


def _maximum(rows):
    return max(row.value for row in rows)


def _latest(rows):
    return max(rows, key=lambda row: row.entered).value


#: How the values of a tree make one figure: one aggregation per roll-up rule, used by a single
#: figure and by the national table alike (rule ``none`` is given the organisation's own rows).
AGGREGATIONS = {
    Rollup.SUM: _total,
    Rollup.NONE: _total,
    Rollup.MAXIMUM: _maximum,
    Rollup.LATEST: _latest,
}


def aggregate(indicator, rows):
    """The figure the rows make by the indicator's rule; ``None`` without any row."""
    return AGGREGATIONS[indicator.rollup](rows) if rows else None


def grouped(indicator, rows, owner):
    """``{owner: figure}``: the rows grouped by ``owner(organisation id)``, each group aggregated."""
    groups = {}
    for row in rows:
        key = owner(row.organisation)
        if key is not None:
            groups.setdefault(key, []).append(row)
    return {key: aggregate(indicator, group) for key, group in groups.items()}


def values_by_organisation(indicator, ids, year, months=YEAR):
    """``{organisation id: value}`` of each organisation's own records, one query."""
    return grouped(indicator, own_values(indicator, year, ids, months), lambda pk: pk)


def value(indicator, organisation, year, ids=None, months=YEAR):
    ids = ids if ids is not None else organisation_ids(indicator, organisation)
    return _value(indicator, own_values(indicator, year, ids, months))


def values_by_year(indicator, organisation, years):
    """``{year: value()}`` of the indicator for the organisation in each of ``years``: a computed
    total (rules ``sum`` and ``none``) in one query for all the years
    (``core.indicators.values_by_year``), any other figure one query a year."""
    ids = organisation_ids(indicator, organisation)
    if adds_up(indicator):
        return measure_values_by_year(indicator.measure, ids, years)
    return {year: value(indicator, organisation, year, ids) for year in years}


def _value(indicator, rows):
    result = aggregate(indicator, rows)
    if result is None and indicator.method == Method.COMPUTED and indicator.measure:
        return 0  # a computed figure without records is a count of none
    return result


def figures(organisation, year, indicators=None, months=YEAR):
    """Every indicator's figure for the organisation and year, with the plan's target."""
    if indicators is None:
        indicators = Indicator.objects.all()
    return figures_of_years(organisation, {year: indicators}, months)[year]


def figures_of_years(organisation, asked, months=YEAR):
    """``{year: [figure]}``: the figures of the indicators asked for each year (``{year:
    indicators}``), each with its year's target, read together: the targets, the signed year
    packages and the computed totals in one query each for all the years."""
    return figures_and_series(organisation, asked, months=months)[0]


def figures_and_series(organisation, asked, series=None, years=(), months=YEAR):
    """``figures_of_years()`` and ``values_by_year(series, organisation, years)`` together
    (``({year: [figure]}, {year: value})``): a series that adds its records up joins the
    figures' computed totals, in the same query."""
    asked = {year: list(indicators) for year, indicators in asked.items()}
    targets = {}
    for target in Target.objects.filter(
        plan__organisation=organisation, plan__year__in=list(asked)
    ).select_related("assigned_by", "plan"):
        targets[target.plan.year, target.indicator_id] = target
    tree = subtree_ids(organisation.pk)
    sent = packaged(organisation, list(asked))
    totalled = {
        year: [i for i in found if (year, i.pk) not in sent] for year, found in asked.items()
    }
    joins = series is not None and adds_up(series)
    if joins:  # the series' years, whatever the packages say (as ``values_by_year``)
        for year in years:
            found = totalled.setdefault(year, [])
            if series not in found:
                found.append(series)
    totals = computed_totals(totalled, organisation, tree, months)
    result = {}
    for year, indicators in asked.items():
        result[year] = []
        for indicator in indicators:
            ids = {organisation.pk} if indicator.rollup == Rollup.NONE else tree
            if (year, indicator.pk) in sent:
                amount, recorded = sent[year, indicator.pk], True
            elif (year, indicator.code) in totals:
                # a computed total counts records: none counted is none recorded
                amount = totals[year, indicator.code]
                recorded = bool(amount)
            else:
                rows = own_values(indicator, year, ids, months)
                amount, recorded = _value(indicator, rows), bool(rows)
            target = targets.get((year, indicator.pk))
            result[year].append(Figure(indicator, organisation, year, amount, target, recorded))
    if series is None:
        return result, {}
    if joins:
        return result, {year: totals[year, series.code] for year in years}
    return result, values_by_year(series, organisation, years)


def adds_up(indicator):
    """Whether the registry adds the indicator's records up (computed, rules ``sum`` and
    ``none``): its figures of several years and indicators come in one query."""
    return (
        indicator.method == Method.COMPUTED
        and indicator.rollup in (Rollup.SUM, Rollup.NONE)
        and indicator.measure is not None
    )


def at_end(indicator):
    """Whether the figure is what stands on a day (members, member organisations), so that over
    several years it is the last year's; a count of what happened adds the years up."""
    if indicator.method == Method.COMPUTED:
        measure = indicator.measure
        return bool(measure and measure.at_end)
    return indicator.rollup in (Rollup.LATEST, Rollup.MAXIMUM)


def over_years(indicator, amounts):
    """One figure of several years (a term) from each year's, in order: the last year's for
    what stands on a day, else the sum; ``None`` when no year has one."""
    known = [amount for amount in amounts if amount is not None]
    if not known:
        return None
    return amounts[-1] if at_end(indicator) else sum(known)


def term_figures(organisation, years, indicators, term=None):
    """``({year: {code: figure}}, [figure over the years])``: each year's figures (read
    together, ``figures_of_years``) and the term's, with the congress resolution's target of
    ``term`` (its ``TermPlan``) when it set one."""
    years = list(years)
    by_year = {
        year: {f.indicator.code: f for f in found}
        for year, found in figures_of_years(organisation, {y: indicators for y in years}).items()
    }
    targets = {}
    if term is not None:
        targets = {t.indicator_id: t for t in TermTarget.objects.filter(plan__term=term)}
    last = years[-1]
    whole = []
    for indicator in indicators:
        each = [by_year[year][indicator.code] for year in years]
        amount = over_years(indicator, [f.value for f in each])
        recorded = any(f.recorded for f in each)
        target = targets.get(indicator.pk)
        whole.append(Figure(indicator, organisation, last, amount, target, recorded))
    return by_year, whole


def computed_totals(asked, organisation, tree, months=YEAR):
    """``{(year, code): figure}`` of the computed indicators asked for each year (``{year:
    indicators}``) that add their records up (rules ``sum`` and ``none``): the registry's totals
    over the subtree, and over the organisation alone, in one query each for all the years
    (``core.indicators.yearly_values``) where ``value()`` would ask one per indicator and year."""
    totals = {}
    for rollup, ids in ((Rollup.SUM, tree), (Rollup.NONE, {organisation.pk})):
        measures = {
            year: [
                i.measure
                for i in indicators
                if i.method == Method.COMPUTED and i.rollup == rollup and i.measure is not None
            ]
            for year, indicators in asked.items()
        }
        if any(measures.values()):
            for year, found in yearly_values(measures, ids, months).items():
                totals |= {(year, code): amount for code, amount in found.items()}
    return totals


def packaged(organisation, years):
    """``{(year, indicator id): value}`` of the figures signed year packages gave the
    organisation in ``years``, in one query."""
    rows = ReportedValue.objects.filter(
        organisation=organisation, year__in=years, subject=PACKAGE_SUBJECT, breakdown={}
    )
    return {
        (year, pk): whole(amount)
        for year, pk, amount in rows.values_list("year", "indicator", "value")
    }


def packaged_by_union(year, indicators):
    """``(organisation id, indicator code, value)`` of every year package's figures, one query."""
    rows = ReportedValue.objects.filter(
        year=year, subject=PACKAGE_SUBJECT, breakdown={}, indicator__in=indicators
    ).values_list("organisation", "indicator__code", "value")
    return [(pk, code, whole(amount)) for pk, code, amount in rows]


def whole(amount):
    """A stored decimal as the figure it was: an integer when it has no fraction."""
    return int(amount) if amount == amount.to_integral_value() else amount


def union_map():
    """``{organisation id: union id}`` for every organisation under a union, in one query."""
    rows = list(Organisation.objects.values_list("pk", "parent_id", "kind"))
    parent = {pk: parent_id for pk, parent_id, _ in rows}
    kind = {pk: k for pk, _, k in rows}
    result = {}
    for pk in parent:
        node = pk
        while node is not None and kind[node] != OrganisationKind.UNION:
            node = parent[node]
        if node is not None:
            result[pk] = node
    return result


def _owner(indicator, unions, owners):
    """Whose figure an organisation's value counts in: its union's, or (rule ``none``) only its own."""
    if indicator.rollup == Rollup.NONE:
        return lambda pk: pk if pk in unions else None
    return owners.get


def national_table(year, indicators):
    """Rows by province (34 units): each union's figures, pre-merger unions under their unit.

    A union hosted here counts from its records; a union that sent a year package counts from
    the package's figures (``packaged``), as its own screens do.
    Returns ``[(province, [(union, {code: value})])]``; one query per indicator and one for
    the packages.
    """
    unions = {
        u.pk: u
        for u in Organisation.objects.filter(kind=OrganisationKind.UNION).select_related(
            "province", "former_province__province"
        )
    }
    owners = union_map()
    by_union = {pk: {} for pk in unions}
    for indicator in indicators:
        owner = _owner(indicator, unions, owners)
        for pk, amount in grouped(indicator, own_values(indicator, year), owner).items():
            by_union[pk][indicator.code] = amount
    # A union that sent a year package: its figures are the package's, as in ``figures``.
    for pk, code, amount in packaged_by_union(year, indicators):
        if pk in by_union:
            by_union[pk][code] = amount
    rows = {}
    for pk, union in unions.items():
        province = union.province or (
            union.former_province.province if union.former_province else None
        )
        rows.setdefault(province.pk if province else None, []).append((union, by_union[pk]))
    provinces = [*Province.objects.all(), None] if None in rows else list(Province.objects.all())
    return [
        (p, sorted(rows.get(p.pk if p else None, []), key=lambda r: r[0].sort_key))
        for p in provinces
    ]
