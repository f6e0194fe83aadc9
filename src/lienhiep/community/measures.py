from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .models import Project


def started(year):
    return Project.objects.filter(start_date__year=year)


register(
    Measure(
        code="community.funding",
        name=_("Funding of community projects"),
        unit="đồng",
        records=started,
        organisation_field="centre",
        aggregate=lambda: Sum("amount"),
        order=700,
        date_field="start_date",
    )
)
register(
    Measure(
        code="community.projects",
        name=_("Community projects started"),
        unit=pgettext_lazy("unit", "community projects"),
        records=started,
        organisation_field="centre",
        order=690,
        date_field="start_date",
    )
)
