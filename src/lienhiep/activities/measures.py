"""Figures of activities: held activities by kind, counted in the year they started."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.formatting import format_date
from lienhiep.core.indicators import Family, Measure, register, register_family
from lienhiep.directory.enums import MEMBER_KINDS, OrganisationKind

from . import enums
from .models import Activity, ActivityKind


def held(kind=None, **filters):
    def records(year):
        activities = Activity.objects.filter(
            state=enums.ActivityState.HELD, start_date__year=year, **filters
        )
        return activities.filter(kind__slug=kind) if kind else activities

    return records


register(
    Measure(
        code="activities.workshops",
        name=_("Scientific workshops"),
        unit=pgettext_lazy("unit", "workshops"),
        records=held(enums.WORKSHOP),
        organisation_field="organiser",
        order=210,
        date_field="start_date",
    )
)
register(
    Measure(
        code="activities.training_courses",
        name=_("Training courses"),
        unit=pgettext_lazy("unit", "courses"),
        records=held(enums.TRAINING),
        organisation_field="organiser",
        order=220,
        date_field="start_date",
    )
)
register(
    Measure(
        code="activities.training_participants",
        name=_("Participants in training courses"),
        unit=pgettext_lazy("unit", "participants"),
        records=held(enums.TRAINING),
        organisation_field="organiser",
        aggregate=lambda: Sum("participants_count"),
        order=230,
        date_field="start_date",
    )
)
register(
    Measure(
        code="activities.club_sessions",
        name=_("Thematic sessions of the intellectuals' club"),
        unit=pgettext_lazy("unit", "sessions"),
        records=held(enums.THEMATIC_SESSION, organiser__kind=OrganisationKind.CLUB),
        organisation_field="organiser",
        order=240,
        date_field="start_date",
    )
)
register(
    Measure(
        code="activities.federation_events",
        name=_("National federation events attended"),
        unit=pgettext_lazy("unit", "events"),
        records=held(enums.FEDERATION_EVENT),
        organisation_field="organiser",
        order=250,
        date_field="start_date",
    )
)
register(
    Measure(
        code="activities.member_activities",
        name=_("Activities of member organisations"),
        unit=pgettext_lazy("unit", "activities"),
        records=held(organiser__kind__in=MEMBER_KINDS),
        organisation_field="organiser",
        order=260,
        date_field="start_date",
    )
)


#: The figure of a kind staff define: its held activities, counted like the built-in kinds.
KIND_PREFIX = "activities.kind-"


BUILT_IN = [slug for slug, _name in enums.DEFAULT_KINDS]


def staff_kinds():
    return ActivityKind.objects.exclude(slug__in=BUILT_IN)


def describe(activity):
    return _("%(title)s (%(day)s)") % {
        "title": activity.title,
        "day": format_date(activity.start_date),
    }


def kind_measures(kind):
    """A kind staff added has its figure; the built-in kinds are counted by the measures above."""
    if kind.slug in BUILT_IN:
        return []
    return [
        Measure(
            code=f"{KIND_PREFIX}{kind.slug.lower()}",
            name=kind.name,
            unit=kind.unit,
            records=held(kind.slug),
            organisation_field="organiser",
            order=300 + kind.order,
            date_field="start_date",
            binding=kind.binding(describe=describe),
            union_id=kind.union_id,
        )
    ]


register_family(
    Family(
        prefix=KIND_PREFIX,
        model=ActivityKind,
        records=staff_kinds,
        measures=kind_measures,
        counts=(Activity,),
    )
)
