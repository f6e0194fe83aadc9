"""Figures from member organisations' yearly returns."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .enums import RECEIVED_STATES
from .models import YearlyReturn


def received_returns(year):
    return YearlyReturn.objects.filter(year=year, state__in=RECEIVED_STATES)


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
        code="plans.research_projects",
        name=_("Research projects of member organisations"),
        unit=pgettext_lazy("unit", "projects"),
        records=received_returns,
        organisation_field="organisation",
        aggregate=lambda: Sum("research_projects"),
        order=310,
    )
)
register(
    Measure(
        code="plans.technology_transfers",
        name=_("Technology transfers of member organisations"),
        unit=pgettext_lazy("unit", "transfers"),
        records=received_returns,
        organisation_field="organisation",
        aggregate=lambda: Sum("technology_transfers"),
        order=320,
    )
)
