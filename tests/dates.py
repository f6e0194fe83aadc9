"""The step dates of the workflows: tomorrow, and the refusals a misdated step gets.

The refusals are read through the catalogue (``gettext`` in Vietnamese), so a test compares the
words a person sees whether or not the new messages are translated yet.
"""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext

from lienhiep.core.formatting import format_date


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def future_message():
    with translation.override("vi"):
        message = gettext(
            "The date %(day)s is in the future: a step is dated today (%(today)s) or earlier."
        )
    return message % {"day": format_date(tomorrow()), "today": format_date(timezone.localdate())}


def before_message(day, previous):
    with translation.override("vi"):
        message = gettext("The date %(day)s is before the previous step's date, %(previous)s.")
    return message % {"day": format_date(day), "previous": format_date(previous)}


def in_vietnamese(msgid):
    """A message as a person reads it (the English msgid until the catalogue has it)."""
    with translation.override("vi"):
        return gettext(msgid)
