"""Entering a project's beneficiary figures for a year, each with its source."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lienhiep.plans import services as plan_services
from lienhiep.plans.enums import Method
from lienhiep.plans.models import Indicator, ReportedValue

from ..models import BENEFICIARY_PREFIX
from ..viewsets import projects_for


class FigureForm(forms.Form):
    value = forms.DecimalField(required=False, min_value=0, decimal_places=0)
    source = forms.CharField(required=False, max_length=300)


def figures_view(request, pk):
    project = get_object_or_404(projects_for(request.user), pk=pk)
    year = int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year)
    indicators = list(
        Indicator.objects.filter(method=Method.REPORTED, code__startswith=BENEFICIARY_PREFIX)
    )
    current = {
        v.indicator_id: v
        for v in ReportedValue.objects.filter(
            subject=project.subject, year=year, indicator__in=indicators
        )
    }
    rows = []
    for indicator in indicators:
        value = current.get(indicator.pk)
        initial = {"value": value.value if value else None, "source": value.source if value else ""}
        rows.append(
            (
                indicator,
                FigureForm(request.POST or None, prefix=indicator.code, initial=initial),
                value,
            )
        )
    if request.method == "POST":
        try:
            for indicator, form, _value in rows:
                if form.is_valid() and form.cleaned_data["value"] is not None:
                    plan_services.report_value(
                        indicator=indicator,
                        organisation=project.centre,
                        year=year,
                        user=request.user,
                        value=form.cleaned_data["value"],
                        source=form.cleaned_data["source"],
                        subject=project.subject,
                    )
        except ValidationError as error:
            messages.error(request, f"{indicator.name}: " + " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{request.path}?year={year}")
    return TemplateResponse(
        request, "community/project_figures.html", {"project": project, "year": year, "rows": rows}
    )
