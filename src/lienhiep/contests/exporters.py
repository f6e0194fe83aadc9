"""The contests' files: the entries workbook to fill in, the yearbook and the certificates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import DOCX, PDF, XLSX, Exporter, Rendered, register

from . import documents, importing
from .enums import RESULT_STATES
from .models import ContestRound, Entry


def _round_option():
    return forms.ModelChoiceField(
        ContestRound.objects.all(), to_field_name="slug", label=_("round")
    )


@register
class EntriesTemplate(Exporter):
    identifier = "contests.entries_template"
    verbose_name = _("Contest entries import workbook")
    options = {"round": _round_option()}

    def render(self, *, round):
        return Rendered("mau-bai-du-thi.xlsx", XLSX, importing.template_workbook(round))


@register
class Yearbook(Exporter):
    identifier = "contests.yearbook"
    verbose_name = _("Yearbook of a round")
    options = {
        "round": _round_option(),
        "format": forms.ChoiceField(choices=[("docx", "Word (DOCX)"), ("pdf", "PDF")]),
    }

    def render(self, *, round, format):
        content = getattr(documents, f"yearbook_{format}")(round)
        return Rendered(
            f"ky-yeu-{round.slug}.{format}", {"docx": DOCX, "pdf": PDF}[format], content
        )


@register
class Certificate(Exporter):
    identifier = "contests.certificate"
    verbose_name = _("Certificate of a prize-winning entry")
    options = {
        "entry": forms.ModelChoiceField(
            Entry.objects.exclude(prize="").filter(round__state__in=RESULT_STATES),
            label=Entry._meta.verbose_name,
        ),
        "public": forms.BooleanField(
            label=_("as shown on the public site (names as the authors consented)"),
            required=False,
        ),
    }

    def render(self, *, entry, public=False):
        content = documents.certificate_pdf(entry, public=public)
        return Rendered(f"giay-chung-nhan-{entry.code}.pdf", PDF, content)
