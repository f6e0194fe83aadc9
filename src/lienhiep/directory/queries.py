"""Reusable registry queries: lists of records as of a date.

Figures are the indicator registry's (``measures.py``); this module keeps the lists.
"""

import calendar
from datetime import date, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .enums import ENDED_STATUSES, MEMBER_KINDS
from .models import Organisation, Term

#: A congress is "due" when the term ends within this many days.
CONGRESS_DUE_WINDOW = timedelta(days=180)


def year_end(year: int) -> date:
    return date(year, 12, 31)


def months_end(year: int, month: int) -> date:
    """The last day of the year's ``month`` (30/6 for a six-month report, 30/9 for the third
    quarter)."""
    return date(year, month, calendar.monthrange(year, month)[1])


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
