"""The federation's files: the national table as an Excel workbook."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.exporters import Exporter, register, tables

from . import national


@register
class NationalTable(Exporter):
    identifier = "plans.national_table"
    verbose_name = gettext_lazy("National table of the provincial unions")
    options = {"year": forms.IntegerField(min_value=2000, max_value=2100)}

    def render(self, *, year, format="xlsx"):
        result = national.national(year)
        codes = [i.code for i in result.indicators]
        rows = []
        for province, unions in result.table:
            place = province.name if province else _("No province given (not on the map)")
            if not unions:
                rows.append([place, "", *([None] * len(codes))])
            for union, values in unions:
                rows.append([place, union.name, *(values.get(code) for code in codes)])
        totals = result.totals()
        rows.append([_("Whole country"), "", *(totals[code] for code in codes)])
        table = tables.Table(
            title=_("National table %(year)s") % {"year": year},
            headings=[_("Province"), _("Union"), *(i.name for i in result.indicators)],
            rows=rows,
        )
        return tables.render(table, format=format, filename=f"bang-toan-quoc-{year}")
