"""The records behind a figure, and the federation's national table."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from lienhiep.directory.rules import organisations_for, sees_everything

from .. import figures, queries
from ..models import Indicator
from .years import asked_year, year_choice

NATIONAL_CODES = [
    "directory.member_organisations",
    "directory.subordinate_units",
    "directory.members",
    "directory.club_members",
    "plans.returns_received",
]


def records_view(request, code):
    indicator = get_object_or_404(Indicator, code=code)
    organisation = get_object_or_404(
        organisations_for(request.user), pk=request.GET.get("org") or 0
    )
    year = asked_year(request)
    records = figures.records(indicator, organisation, year)
    figure = figures.Figure(
        indicator, organisation, year, figures.value(indicator, organisation, year)
    )
    rows = []
    if records is not None:
        for record in records[:500]:
            rows.append({"label": str(record), "url": _admin_url(record)})
    return TemplateResponse(
        request,
        "plans/figure_records.html",
        {
            "indicator": indicator,
            "organisation": organisation,
            "year": year,
            "figure": figure,
            "year_choice": year_choice(request, year, org=organisation.pk),
            "rows": rows,
            "total": records.count() if records is not None else 0,
        },
    )


def _admin_url(record):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return AdminURLFinder().get_edit_url(record)


def national_view(request):
    if not sees_everything(request.user):
        raise PermissionDenied
    year = asked_year(request)
    chosen = Q(code__in=NATIONAL_CODES) | queries.staff_defined()
    indicators = list(Indicator.objects.filter(chosen))
    table = figures.national_table(year, indicators)
    totals = {
        i.code: sum(v.get(i.code, 0) for _, unions in table for _, v in unions) for i in indicators
    }
    return TemplateResponse(
        request,
        "plans/national_table.html",
        {
            "year": year,
            "year_choice": year_choice(request, year),
            "indicators": indicators,
            "table": table,
            "totals": totals,
        },
    )
