"""A record's reported figures for a year (a community project's beneficiaries), each with its
source: every row is checked first, then all are saved in one step or none is."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienhiep.core.indicators import SUBJECTS

from .. import services
from ..enums import Method
from ..forms import SubjectFigureForm
from ..models import Indicator, ReportedValue
from .years import asked_year, year_choice


def _whole(value):
    """A stored ``Decimal("12.00")`` is shown as ``12``, so that it is saved again unchanged."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _rows(request, kind, record, year, may_save):
    indicators = Indicator.objects.filter(method=Method.REPORTED, code__startswith=kind.prefix)
    current = ReportedValue.objects.filter(subject=kind.key(record), year=year)
    current = {v.indicator_id: v for v in current}
    rows = []
    for indicator in indicators:
        value = current.get(indicator.pk)
        initial = {"value": _whole(value.value), "source": value.source} if value else {}
        form = SubjectFigureForm(request.POST or None, prefix=indicator.code, initial=initial)
        for field in form.fields.values():
            field.disabled = not may_save
        rows.append((indicator, form, value))
    return rows


def _save(request, kind, record, year, rows):
    values = [
        (indicator, form.cleaned_data["value"], form.cleaned_data["source"].strip())
        for indicator, form, _value in rows
        if form.cleaned_data["value"] is not None
    ]
    services.report_values(kind=kind, record=record, year=year, values=values, user=request.user)


def figures_view(request, pk, kind):
    kind = SUBJECTS[kind]
    record = get_object_or_404(kind.visible(request.user), pk=pk)
    year, may_save = asked_year(request), kind.may_report(request.user)
    rows = _rows(request, kind, record, year, may_save)
    if request.method == "POST":
        if not may_save:
            raise PermissionDenied
        if all([form.is_valid() for _indicator, form, _value in rows]):
            try:
                _save(request, kind, record, year, rows)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Saved."))
                return redirect(f"{request.path}?year={year}")
        else:
            messages.error(request, _("Nothing was saved: correct the figures marked below."))
    context = {
        "record": record,
        "description": kind.describe(record),
        "year": year,
        "year_choice": year_choice(request, year),
        "rows": rows,
        "may_save": may_save,
    }
    return TemplateResponse(request, "plans/subject_figures.html", context)
