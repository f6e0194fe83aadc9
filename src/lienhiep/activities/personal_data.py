"""The personal data the activities hold (``privacy.holders``): the people from the registry
named as participants. On erasure the person leaves the list; the count of participants stays."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.directory.rules import subtree_ids
from lienhiep.privacy.holders import Holder, Outcome, field_values
from lienhiep.privacy.people import people_named

from .models import Activity


def find(request):
    named = {p.pk: p for p in people_named(request)}
    activities = Activity.objects.filter(
        participants__in=list(named), organiser__in=subtree_ids(request.union_id)
    ).distinct()
    return [
        (activity, person)
        for activity in activities.order_by("pk")
        for person in activity.participants.filter(pk__in=list(named))
    ]


def describe(found):
    activity, person = found
    return [
        (_("Participant"), person.full_name),
        *field_values(activity, ("title", "kind", "start_date", "place", "organiser")),
    ]


def erase(found, user):
    activity, person = found
    activity.participants.remove(person)
    activity.save()  # a parental many-to-many is written when its activity is saved
    log(activity, "privacy.record.removed", user=user, data={"person": person.pk})
    return Outcome(
        _("Participant in %(activity)s") % {"activity": activity},
        "removed",
        _("The person left the list of participants; their number stays."),
    )


PARTICIPANTS = Holder(
    label=gettext_lazy("Activity participants"),
    find=find,
    describe=describe,
    erase=erase,
)
