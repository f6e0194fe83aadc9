"""Figures from member organisations' yearly returns: how many were received, and what the
accepted ones report (research topics applied, transfers, charity)."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .enums import RECEIVED_STATES, ReturnState
from .models import YearlyReturn


def received_returns(year):
    return YearlyReturn.objects.filter(year=year, state__in=RECEIVED_STATES)


def accepted_returns(year):
    return YearlyReturn.objects.filter(year=year, state=ReturnState.ACCEPTED)


register(
    Measure(
        code="plans.returns_received",
        name=_("Yearly returns received"),
        unit=pgettext_lazy("unit", "returns"),
        records=received_returns,
        organisation_field="organisation",
        order=300,
    )
)
register(
    Measure(
        code="plans.returns_accepted",
        name=_("Yearly returns accepted"),
        unit=pgettext_lazy("unit", "returns"),
        records=accepted_returns,
        organisation_field="organisation",
        order=305,
    )
)
for code, name, unit, field, order in [
    (
        "plans.research_projects",
        _("Research topics applied by member organisations"),
        pgettext_lazy("unit", "projects"),
        "research_projects",
        310,
    ),
    (
        "plans.technology_transfers",
        _("Technology transfers of member organisations"),
        pgettext_lazy("unit", "transfers"),
        "technology_transfers",
        320,
    ),
    (
        "plans.charity",
        _("Charity of member organisations"),
        # a figure in đồng is written as money (``plans.figures``)
        "đồng",
        "charity",
        325,
    ),
]:
    register(
        Measure(
            code=code,
            name=name,
            unit=unit,
            records=accepted_returns,
            organisation_field="organisation",
            aggregate=lambda field=field: Sum(field),
            order=order,
        )
    )
