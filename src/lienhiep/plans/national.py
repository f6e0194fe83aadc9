"""The federation's national view: the national table, who has sent the year's figures, and
each province's figure for the map.

Every figure comes from ``figures.national_table``: unions hosted on this installation count
from their records, unions on their own installations from the year package they sent.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from lienhiep.core.indicators import Rollup

from . import figures, queries
from .models import Indicator

NATIONAL_CODES = [
    "directory.member_organisations",
    "directory.subordinate_units",
    "directory.members",
    "directory.club_members",
    "plans.returns_received",
]


def national_indicators():
    """The national table's columns: the fixed figures and those staff defined."""
    return list(Indicator.objects.filter(Q(code__in=NATIONAL_CODES) | queries.staff_defined()))


@dataclass
class National:
    year: int
    indicators: list
    #: ``[(province, [(union, {code: value})])]``, the 34 units (and ``None`` for unions
    #: without a province)
    table: list
    sent: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    @property
    def provinces(self):
        return len(self.sent) + len(self.missing)

    @property
    def placed(self):
        """The table's rows of the 34 units, without the unions that gave no province."""
        return [(province, unions) for province, unions in self.table if province is not None]

    @property
    def unplaced(self):
        """``[(union, {code: value})]`` of the unions with no province given: listed by their
        own names in a group of their own, neither on the map nor counted as a province."""
        return next((unions for province, unions in self.table if province is None), [])

    def totals(self):
        return {
            i.code: province_figure(i, [v.get(i.code) for _, u in self.table for _, v in u])
            for i in self.indicators
        }

    def by_province(self, indicator):
        """``{province slug: figure}`` of one indicator, for the map (``None``: not sent)."""
        return {
            province.slug: province_figure(indicator, [v.get(indicator.code) for _, v in unions])
            for province, unions in self.table
            if province is not None
        }


def national(year, indicators=None):
    indicators = national_indicators() if indicators is None else indicators
    table = figures.national_table(year, indicators)
    result = National(year, indicators, table)
    for province, unions in table:
        if province is None:
            continue
        has_sent = any(values for _, values in unions)
        (result.sent if has_sent else result.missing).append(province)
    return result


def province_figure(indicator, values):
    """A province's figure from its unions' (before the merger a unit had several): the
    largest for rule ``maximum``, else the sum; ``None`` when none of them has a figure."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return max(values) if indicator.rollup == Rollup.MAXIMUM else sum(values)
