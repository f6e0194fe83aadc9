"""One way to move a record from one state to the next.

Every workflow (critique cases, contest rounds, honouring rounds, yearly returns, report runs)
changes state through ``advance``: it checks that the record stands in a state the step may start
from, sets the new state and the step's fields, saves, and writes the log entry — in one
transaction, so a refused or failed step leaves nothing behind. State groups live beside their
enums; ``following`` reads a linear sequence of steps::

    advance(round, RoundState.JUDGING, allowed_from=following(ROUND_STEPS, RoundState.JUDGING),
            user=user, action="contests.round.judging")
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .formatting import format_date


def following(steps, state) -> tuple:
    """The state a linear sequence of ``steps`` reaches ``state`` from (empty for the first)."""
    index = list(steps).index(state)
    return (steps[index - 1],) if index else ()


def step_day(on=None, *, after=None):
    """The date a step is recorded on: ``on`` or today, never in the future, never before ``after``.

    ``after`` is the date of the step before (None when it has none); a refusal names both dates.
    """
    today = timezone.localdate()
    day = on or today
    if day > today:
        raise ValidationError(
            _("The date %(day)s is in the future: a step is dated today (%(today)s) or earlier.")
            % {"day": format_date(day), "today": format_date(today)}
        )
    if after and day < after:
        raise ValidationError(
            _("The date %(day)s is before the previous step's date, %(previous)s.")
            % {"day": format_date(day), "previous": format_date(after)}
        )
    return day


def step_moment(on=None, *, after=None):
    """``step_day`` for a record that keeps its steps as moments: now when dated today, else noon
    of the day written. ``after`` is the previous step's moment (or None)."""
    day = step_day(on, after=timezone.localdate(after) if after else None)
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


def latest(*days):
    """The latest of the dates given that are set (None if none is)."""
    known = [day for day in days if day]
    return max(known) if known else None


def state_label(obj, state) -> str:
    return str(dict(obj._meta.get_field("state").flatchoices).get(state, state))


def advance(obj, to, *, allowed_from, user, action, data=None, **fields):
    """Move ``obj`` to state ``to`` from one of ``allowed_from``, or refuse in Vietnamese."""
    with transaction.atomic():
        if obj.state not in allowed_from:
            raise ValidationError(
                _("“%(current)s” cannot go to “%(next)s”.")
                % {"current": state_label(obj, obj.state), "next": state_label(obj, to)}
            )
        obj.state = to
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        log(obj, action, user=user, data=data)
    return obj
