"""Figures of consultancy, critique and social assessment."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .enums import OPEN_STATES, SENT_STATES
from .models import Case, CaseStep


def critiqued(year):
    """Cases whose report was sent in the year."""
    sent = CaseStep.objects.filter(step="report_sent", done_on__year=year).values("case")
    return Case.objects.filter(state__in=SENT_STATES, pk__in=sent)


def open_cases(year):
    return Case.objects.filter(state__in=OPEN_STATES, request_date__year__lte=year)


def overdue_cases(year):
    late = CaseStep.objects.filter(done_on__isnull=True, due_on__lt=timezone.localdate()).values(
        "case"
    )
    return open_cases(year).filter(pk__in=late)


register(
    Measure(
        code="consulting.schemes_critiqued",
        name=_("Schemes given consultancy, critique or assessment"),
        unit=pgettext_lazy("unit", "schemes"),
        records=critiqued,
        organisation_field="union",
        order=200,
        date_field="report_date",
    )
)
register(
    Measure(
        code="consulting.open_cases",
        name=_("Critique cases open"),
        unit=pgettext_lazy("unit", "cases"),
        records=open_cases,
        organisation_field="union",
        order=270,
    )
)
register(
    Measure(
        code="consulting.overdue_cases",
        name=_("Critique cases overdue"),
        unit=pgettext_lazy("unit", "cases"),
        records=overdue_cases,
        organisation_field="union",
        order=280,
    )
)
