"""The honours' files: the workbook of a commendation decision's recipients to fill in."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import XLSX, Exporter, Rendered, register

from . import importing


@register
class RecipientsTemplate(Exporter):
    identifier = "honours.recipients_template"
    verbose_name = _("Commendation recipients import workbook")

    def render(self):
        return Rendered("mau-nguoi-nhan-khen-thuong.xlsx", XLSX, importing.template_workbook())
