"""State changes of activities: each checks who acts and what state the activity is in."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_date
from lienhiep.core.transitions import advance

from . import rules
from .enums import ActivityState


def _holding_problem(user, activity, visible):
    if not rules.can_record(user) or activity.pk not in visible:
        return _("you cannot change it")
    if activity.state != ActivityState.PLANNED:
        return _("it is not planned")
    return None


@transaction.atomic
def mark_held(*, activities, user):
    """Mark a selection of planned activities held, all or none: the refusal names every
    activity that cannot be marked. Returns how many were marked."""
    activities = list(activities)
    visible = set(
        rules.activities_for(user)
        .filter(pk__in=[a.pk for a in activities])
        .values_list("pk", flat=True)
    )
    problems = [(a, _holding_problem(user, a, visible)) for a in activities]
    bad = [
        f"{a.title} ({format_date(a.start_date)}): {problem}" for a, problem in problems if problem
    ]
    if bad:
        raise ValidationError(
            _("Nothing was changed. These activities cannot be marked held: %(activities)s")
            % {"activities": "; ".join(bad)}
        )
    for activity in activities:
        advance(
            activity,
            ActivityState.HELD,
            allowed_from=(ActivityState.PLANNED,),
            user=user,
            action="activities.activity.held",
        )
    return len(activities)
