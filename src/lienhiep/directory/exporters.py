"""The registry's files: the workbook to fill in for an import."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import XLSX, Exporter, Rendered, register

from . import importing


@register
class ImportTemplate(Exporter):
    identifier = "directory.import_template"
    verbose_name = _("Registry import workbook")

    def render(self):
        return Rendered("mau-nhap-danh-ba.xlsx", XLSX, importing.template_workbook())
