"""Consulting's files: the workbook to fill in for an import of records."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import XLSX, Exporter, Rendered, register

from . import importing


@register
class RecordsImportTemplate(Exporter):
    identifier = "consulting.records_import_template"
    verbose_name = _("Consulting records import workbook")

    def render(self):
        return Rendered("mau-nhap-van-ban-den.xlsx", XLSX, importing.template_workbook())
