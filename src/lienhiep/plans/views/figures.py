"""The records behind a figure, and the federation's national table."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from lienhiep.core.exporters import exporter, response
from lienhiep.directory import demo
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.rules import organisations_for, sees_everything

from .. import figures, maps, national
from ..models import Indicator
from .years import asked_year, year_choice


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
    """The federation's national view: who has sent, the national table and the map."""
    if not sees_everything(request.user):
        raise PermissionDenied
    year = asked_year(request)
    result = national.national(year)
    shown = next(
        (i for i in result.indicators if i.code == request.GET.get("indicator")),
        result.indicators[0] if result.indicators else None,
    )
    return TemplateResponse(
        request,
        "plans/national_table.html",
        {
            "year": year,
            "year_choice": year_choice(request, year, indicator=request.GET.get("indicator")),
            "national": result,
            "indicators": result.indicators,
            "table": result.placed,
            "unplaced": result.unplaced,
            "demo_union": demo.UNION_SLUG,
            # the hint to set a province links to the organisation screen only for who may edit
            "may_edit_organisations": request.user.has_perm("directory.change_organisation"),
            "totals": result.totals(),
            "shown": shown,
            "map": maps.choropleth(shown, year, result.by_province(shown)) if shown else "",
        },
    )


def national_union_view(request, pk):
    """One union's figures of the year, as the national table counts them."""
    if not sees_everything(request.user):
        raise PermissionDenied
    union = get_object_or_404(
        organisations_for(request.user).filter(kind=OrganisationKind.UNION), pk=pk
    )
    year = asked_year(request)
    sent = {pk for _year, pk in figures.packaged(union, [year])}
    rows = figures.figures(union, year, national.national_indicators())
    return TemplateResponse(
        request,
        "plans/national_union.html",
        {
            "union": union,
            "year": year,
            "year_choice": year_choice(request, year),
            "rows": [(figure, figure.indicator.pk in sent) for figure in rows],
            "packaged": bool(sent),
        },
    )


def national_export_view(request):
    """The national table as an Excel workbook, through the exporter registry."""
    if not sees_everything(request.user):
        raise PermissionDenied
    return response(exporter("plans.national_table").render(year=asked_year(request)))
