"""Reusable registry queries: every total is counted from records as of a date, never stored."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from .enums import ENDED_STATUSES, MEMBER_KINDS, OrganisationKind, Role
from .models import MemberCount, Membership, Organisation, Term

#: A congress is "due" when the term ends within this many days.
CONGRESS_DUE_WINDOW = timedelta(days=180)


def year_end(year: int) -> date:
    return date(year, 12, 31)


def active_on(queryset, day: date):
    """Organisations admitted (or founded) on or before ``day`` and not ended by then."""
    admitted = Coalesce("admission_decision_date", "founding_decision_date")
    return queryset.annotate(_admitted=admitted).filter(
        Q(_admitted__isnull=True) | Q(_admitted__lte=day),
        Q(ended_on__isnull=True, status__in=["active", "suspended"]) | Q(ended_on__gt=day),
    )


def member_organisations(union, day: date):
    """The union's member associations and collective members on ``day``."""
    children = Organisation.objects.filter(parent=union, kind__in=MEMBER_KINDS)
    return active_on(children, day)


def subordinate_units(union, day: date):
    units = Organisation.objects.filter(parent=union, kind=OrganisationKind.SUBORDINATE_UNIT)
    return active_on(units, day)


def club_of(union):
    return Organisation.objects.filter(parent=union, kind=OrganisationKind.CLUB).first()


def members_on(organisation, day: date):
    """Memberships (role member) of ``organisation`` running on ``day``."""
    return Membership.objects.filter(
        organisation=organisation, role=Role.MEMBER, start_date__lte=day
    ).filter(Q(end_date__isnull=True) | Q(end_date__gt=day))


def member_counts(union, year: int):
    """The member-count snapshots of the union's member organisations for ``year``."""
    organisations = member_organisations(union, year_end(year))
    return MemberCount.objects.filter(organisation__in=organisations.values("pk"), year=year)


def total_members(union, year: int) -> int:
    return member_counts(union, year).aggregate(total=Sum("members"))["total"] or 0


def admitted_in(union, year: int):
    return Organisation.objects.filter(
        parent=union, kind__in=MEMBER_KINDS, admission_decision_date__year=year
    )


def congresses_in(union, year: int):
    """Terms opened by a congress in ``year`` in the union's member organisations."""
    return Term.objects.filter(
        organisation__parent=union, organisation__kind__in=MEMBER_KINDS, congress_date__year=year
    ).select_related("organisation")


def with_congress_deadline(queryset):
    """Annotate ``congress_deadline``: the end (or extension) of the organisation's latest term."""
    latest = Term.objects.filter(organisation=OuterRef("pk")).order_by("-congress_date")
    return queryset.annotate(
        congress_deadline=Subquery(
            latest.annotate(end=Coalesce("extended_until", "planned_end")).values("end")[:1]
        )
    )


def overdue_for_congress(queryset, day: date):
    """Organisations whose latest term (with any extension) ended before ``day``."""
    current = queryset.exclude(status__in=ENDED_STATUSES)
    return with_congress_deadline(current).filter(congress_deadline__lt=day)


def due_for_congress(queryset, day: date):
    current = queryset.exclude(status__in=ENDED_STATUSES)
    return with_congress_deadline(current).filter(
        congress_deadline__gte=day, congress_deadline__lte=day + CONGRESS_DUE_WINDOW
    )


@dataclass
class RegistryFigures:
    """The registry of a union at the end of a year, each figure counted from its records."""

    union: Organisation
    year: int
    by_kind: dict = field(default_factory=dict)
    subordinate_units: int = 0
    members: int = 0
    club_members: int = 0
    club_new_members: int = 0
    admitted: list = field(default_factory=list)
    congresses: list = field(default_factory=list)
    overdue: list = field(default_factory=list)

    @property
    def member_organisations(self) -> int:
        return sum(self.by_kind.values())


def registry_figures(union, year: int) -> RegistryFigures:
    day = year_end(year)
    kinds = member_organisations(union, day).values("kind").annotate(n=Count("pk"))
    figures = RegistryFigures(union=union, year=year)
    figures.by_kind = {kind: 0 for kind in MEMBER_KINDS} | {row["kind"]: row["n"] for row in kinds}
    figures.subordinate_units = subordinate_units(union, day).count()
    figures.members = total_members(union, year)
    club = club_of(union)
    if club:
        figures.club_members = members_on(club, day).count()
        figures.club_new_members = members_on(club, day).filter(start_date__year=year).count()
    figures.admitted = list(admitted_in(union, year))
    figures.congresses = list(congresses_in(union, year))
    figures.overdue = list(
        overdue_for_congress(member_organisations(union, day), day).order_by(F("sort_key"))
    )
    return figures
