"""Figures of indicators for an organisation and year: actual, target and achievement.

One query per indicator, whatever the size of the tree; the national table adds one query per
indicator for every union at once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Sum
from django.urls import reverse

from lienhiep.core.formatting import achievement, format_count, format_money_short, format_number
from lienhiep.core.indicators import Rollup
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Province
from lienhiep.directory.rules import subtree_ids

from .enums import Method, Standing
from .models import Indicator, ReportedValue, Target


@dataclass
class Figure:
    indicator: Indicator
    organisation: Organisation
    year: int
    value: Decimal | int | None
    target: Target | None = None

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
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return format_number(value)


def organisation_ids(indicator, organisation):
    """Whose records count for ``organisation``: its subtree, or itself for rule ``none``."""
    return {organisation.pk} if indicator.rollup == Rollup.NONE else subtree_ids(organisation.pk)


def reported_values(indicator, ids, year):
    return ReportedValue.objects.filter(
        indicator=indicator, year=year, organisation__in=ids, breakdown={}
    )


def records(indicator, organisation, year, months=12):
    """The records behind the figure."""
    ids = organisation_ids(indicator, organisation)
    if indicator.method == Method.REPORTED:
        return reported_values(indicator, ids, year).select_related("organisation")
    measure = indicator.measure
    return measure.queryset(ids, year, months) if measure else None


def value(indicator, organisation, year, ids=None, months=12):
    ids = ids if ids is not None else organisation_ids(indicator, organisation)
    if indicator.method == Method.REPORTED:
        values = reported_values(indicator, ids, year)
        if indicator.rollup == Rollup.LATEST:
            latest = values.order_by("-entered_at").first()
            return latest.value if latest else None
        aggregate = Max("value") if indicator.rollup == Rollup.MAXIMUM else Sum("value")
        return values.aggregate(v=aggregate)["v"]
    measure = indicator.measure
    return measure.value(ids, year, months) if measure else None


def figures(organisation, year, indicators=None, months=12):
    """Every indicator's figure for the organisation and year, with the plan's target."""
    targets = {
        t.indicator_id: t
        for t in Target.objects.filter(
            plan__organisation=organisation, plan__year=year
        ).select_related("assigned_by")
    }
    if indicators is None:
        indicators = Indicator.objects.all()
    tree = subtree_ids(organisation.pk)
    result = []
    for indicator in indicators:
        ids = {organisation.pk} if indicator.rollup == Rollup.NONE else tree
        result.append(
            Figure(
                indicator,
                organisation,
                year,
                value(indicator, organisation, year, ids, months),
                targets.get(indicator.pk),
            )
        )
    return result


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


def national_table(year, indicators):
    """Rows by province (34 units): each union's figures, pre-merger unions under their unit.

    Returns ``[(province, [(union, {code: value})])]``; one query per indicator.
    """
    unions = {
        u.pk: u
        for u in Organisation.objects.filter(kind=OrganisationKind.UNION).select_related(
            "province", "former_province__province"
        )
    }
    owner = union_map()
    by_union = {pk: {} for pk in unions}
    for indicator in indicators:
        own = _own_values(indicator, year)
        for pk, amount in own.items():
            union = owner.get(pk)
            if union is not None and amount is not None:
                by_union[union][indicator.code] = by_union[union].get(indicator.code, 0) + amount
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


def _own_values(indicator, year):
    if indicator.method == Method.REPORTED:
        rows = (
            ReportedValue.objects.filter(indicator=indicator, year=year, breakdown={})
            .order_by()
            .values("organisation")
            .annotate(v=Sum("value"))
        )
        return {row["organisation"]: row["v"] for row in rows}
    measure = indicator.measure
    return measure.values_by_organisation(None, year) if measure else {}
