"""The activities' files: the workbook to fill in for an import."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import XLSX, Exporter, Rendered, register

from . import importing


@register
class ImportTemplate(Exporter):
    identifier = "activities.import_template"
    verbose_name = _("Activities import workbook")

    def render(self, user=None):
        """The kinds listed are those ``user`` records (every kind without a user)."""
        return Rendered("mau-nhap-hoat-dong.xlsx", XLSX, importing.template_workbook(user))
