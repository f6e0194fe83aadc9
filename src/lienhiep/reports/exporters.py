"""The report runs' files (Word, PDF, Markdown), as generated and kept with the run."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lienhiep.core.documents import stored_file
from lienhiep.core.exporters import Exporter, register

from .models import ReportRun

#: format → the run's file field
FIELDS = {"docx": "docx", "pdf": "pdf", "md": "markdown"}


def run_file(run, format):
    """The run's stored file in that format, or None (not generated yet, or no such format)."""
    return (getattr(run, FIELDS[format]) or None) if format in FIELDS else None


@register
class RunFile(Exporter):
    identifier = "reports.run_file"
    verbose_name = _("File of a report run")
    options = {
        "run": forms.ModelChoiceField(ReportRun.objects.all(), label=ReportRun._meta.verbose_name),
        "format": forms.ChoiceField(choices=[(name, name) for name in FIELDS]),
    }

    def render(self, *, run, format):
        field = run_file(run, format)
        if field is None:
            raise ValidationError(_("This report has no such file yet."))
        return stored_file(field)
