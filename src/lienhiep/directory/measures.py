"""The registry's figures, registered in the indicator registry.

Every registry figure a screen or command shows is one of these measures over the union's whole
subtree (``registry(subtree_ids(union.pk), year)``), so the dashboard, ``manage.py registry``, ``manage.py indicators`` and
the report cannot differ.
"""

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import MEASURES, Measure, Rollup, register
from lienhiep.core.indicators import values as measure_values

from .enums import MEMBER_KINDS, OrganisationKind, Role
from .models import MemberCount, Membership, Organisation, Term
from .queries import active_on, months_end, overdue_for_congress, year_end


def organisations_of_kind(*kinds):
    def records(year):
        return active_on(Organisation.objects.filter(kind__in=kinds), year_end(year))

    return records


def organisations_of_kind_at(*kinds):
    """The organisations of ``kinds`` on the last day of a month (a stock of part of a year)."""

    def stock(year, month):
        return active_on(Organisation.objects.filter(kind__in=kinds), months_end(year, month))

    return stock


def member_counts(year, counted_apart=False):
    """The year's member counts of the member organisations counted in the union's total (or,
    ``counted_apart``, of those whose members the report states apart)."""
    members = active_on(
        Organisation.objects.filter(kind__in=MEMBER_KINDS, counted_apart=counted_apart),
        year_end(year),
    )
    return MemberCount.objects.filter(year=year, organisation__in=members.values("pk"))


def members_counted_apart(year):
    return member_counts(year, counted_apart=True)


def club_members(year):
    return club_members_on(year_end(year))


def club_members_at(year, month):
    return club_members_on(months_end(year, month))


def club_members_on(day):
    return Membership.objects.filter(
        organisation__kind=OrganisationKind.CLUB, role=Role.MEMBER, start_date__lte=day
    ).filter(Q(end_date__isnull=True) | Q(end_date__gt=day))


def new_club_members(year):
    return club_members(year).filter(start_date__year=year)


def admitted(year):
    return Organisation.objects.filter(kind__in=MEMBER_KINDS, admission_decision_date__year=year)


def congresses(year):
    return Term.objects.filter(organisation__kind__in=MEMBER_KINDS, congress_date__year=year)


def overdue_congresses(year):
    """Member organisations whose latest term (or its extension) ended before the end of
    ``year``, or before today while the year runs."""
    day = min(year_end(year), timezone.localdate())
    members = active_on(Organisation.objects.filter(kind__in=MEMBER_KINDS), day)
    return overdue_for_congress(members, day)


ORDER = 10
for code, name, unit, records, field, extra in [
    (
        "directory.member_organisations",
        _("Member organisations"),
        pgettext_lazy("unit", "organisations"),
        organisations_of_kind(*MEMBER_KINDS),
        "pk",
        {"at_end": True, "stock": organisations_of_kind_at(*MEMBER_KINDS)},
    ),
    (
        "directory.member_associations",
        _("Member associations"),
        pgettext_lazy("unit", "associations"),
        organisations_of_kind(OrganisationKind.MEMBER_ASSOCIATION),
        "pk",
        {"at_end": True, "stock": organisations_of_kind_at(OrganisationKind.MEMBER_ASSOCIATION)},
    ),
    (
        "directory.collective_members",
        _("Collective members"),
        pgettext_lazy("unit", "collective members"),
        organisations_of_kind(OrganisationKind.COLLECTIVE_MEMBER),
        "pk",
        {"at_end": True, "stock": organisations_of_kind_at(OrganisationKind.COLLECTIVE_MEMBER)},
    ),
    (
        "directory.subordinate_units",
        _("Subordinate units"),
        pgettext_lazy("unit", "units"),
        organisations_of_kind(OrganisationKind.SUBORDINATE_UNIT),
        "pk",
        {"at_end": True, "stock": organisations_of_kind_at(OrganisationKind.SUBORDINATE_UNIT)},
    ),
    (
        "directory.members",
        _("Individual members"),
        pgettext_lazy("unit", "members"),
        member_counts,
        "organisation",
        {"at_end": True, "aggregate": lambda: Sum("members")},
    ),
    (
        "directory.members_counted_apart",
        _("Members of organisations counted apart"),
        pgettext_lazy("unit", "members"),
        members_counted_apart,
        "organisation",
        {"at_end": True, "aggregate": lambda: Sum("members")},
    ),
    (
        "directory.club_members",
        _("Intellectuals' club members"),
        pgettext_lazy("unit", "members"),
        club_members,
        "organisation",
        {"at_end": True, "stock": club_members_at},
    ),
    (
        "directory.new_club_members",
        _("New club members"),
        pgettext_lazy("unit", "members"),
        new_club_members,
        "organisation",
        {"date_field": "start_date"},
    ),
    (
        "directory.admitted",
        _("Organisations admitted"),
        pgettext_lazy("unit", "organisations"),
        admitted,
        "pk",
        {"date_field": "admission_decision_date"},
    ),
    (
        "directory.congresses",
        _("Congresses held"),
        pgettext_lazy("unit", "congresses"),
        congresses,
        "organisation",
        {"date_field": "congress_date"},
    ),
    (
        "directory.overdue_congresses",
        _("Organisations overdue for a congress"),
        pgettext_lazy("unit", "organisations"),
        overdue_congresses,
        "pk",
        {"at_end": True},
    ),
]:
    register(
        Measure(
            code=code,
            name=name,
            unit=unit,
            records=records,
            organisation_field=field,
            rollup=Rollup.SUM,
            order=ORDER,
            **extra,
        )
    )
    ORDER += 1

#: The registry's figures, in the order the dashboard and ``manage.py registry`` show them.
REGISTRY = [
    "directory.member_organisations",
    "directory.member_associations",
    "directory.collective_members",
    "directory.subordinate_units",
    "directory.members",
    "directory.members_counted_apart",
    "directory.club_members",
    "directory.new_club_members",
    "directory.admitted",
    "directory.congresses",
    "directory.overdue_congresses",
]


def registry(ids, year):
    """The registry's figures of these organisations (a subtree) in ``year``, in one query:
    ``{"members": 12436, …}``, keyed by the measure's code without ``directory.``."""
    found = measure_values([MEASURES[code] for code in REGISTRY], ids, year)
    return {code.removeprefix("directory."): found[code] for code in REGISTRY}
