"""Reusable plan queries: returns completeness, upcoming deadlines."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q

from lienhiep.core.formatting import format_figure
from lienhiep.core.indicators import FAMILIES
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Term
from lienhiep.directory.queries import active_on, due_for_congress, year_end
from lienhiep.directory.rules import subtree_ids

from .enums import RECEIVED_STATES, Method
from .models import YearlyReturn


@dataclass
class Completeness:
    received: int
    expected: int
    missing: list = field(default_factory=list)

    def __str__(self):
        return f"{format_figure(self.received)}/{format_figure(self.expected)}"


def expected_filers(union, year, kind=OrganisationKind.MEMBER_ASSOCIATION):
    return active_on(Organisation.objects.filter(parent=union, kind=kind), year_end(year))


def completeness(union, year, kind=OrganisationKind.MEMBER_ASSOCIATION) -> Completeness:
    """How many of the union's member associations filed their return for ``year``: one query,
    each expected filer marked whether a received return of the year is theirs."""
    filed = YearlyReturn.objects.filter(
        organisation=OuterRef("pk"), year=year, state__in=RECEIVED_STATES
    )
    expected = list(
        expected_filers(union, year, kind).annotate(filed=Exists(filed)).order_by("sort_key")
    )
    missing = [o for o in expected if not o.filed]
    return Completeness(len(expected) - len(missing), len(expected), missing)


def upcoming_deadlines(union, today: date, days: int = 30):
    """Return deadlines and term ends falling in the next ``days`` days."""
    until = today + timedelta(days=days)
    returns = (
        YearlyReturn.objects.filter(
            organisation__parent=union, deadline__gte=today, deadline__lte=until
        )
        .exclude(state__in=RECEIVED_STATES)
        .select_related("organisation")
    )
    terms = Term.objects.filter(
        organisation__parent=union, planned_end__gte=today, planned_end__lte=until
    )
    return list(returns), list(terms.select_related("organisation"))


def congresses_due(union, today: date):
    """The union's organisations whose term ends within six months (overdue ones are a figure:
    ``directory.overdue_congresses``)."""
    return list(due_for_congress(Organisation.objects.filter(parent=union), today))


def staff_defined():
    """The indicators of the kinds staff defined and those staff bound to the report (a
    ``Q``): the dashboard and the national table show them beside their fixed figures."""
    kinds = Q(pk__in=[])
    for prefix in FAMILIES:
        kinds |= Q(code__startswith=prefix)
    return kinds | ~Q(report_section="")


def _owner(indicator):
    measure = indicator.measure if indicator.method == Method.COMPUTED else None
    return measure.union_id if measure is not None else None


def shown_to(indicators, organisation):
    """``indicators`` without the figures of kinds another union keeps as its own."""
    owners = {_owner(i) for i in indicators} - {None}
    mine = {union for union in owners if organisation.pk in subtree_ids(union)}
    return [i for i in indicators if _owner(i) is None or _owner(i) in mine]
