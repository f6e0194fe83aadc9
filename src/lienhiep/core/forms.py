"""Forms shared by every app's admin screens."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formatting import format_date, parse_date
from .text import InvisibleOnly, visible_text
from .versioning import current_version, is_versioned, stale_message

MAX_WORKBOOK_BYTES = 10 * 1024 * 1024


class VisibleTextMixin:
    """Strips control, zero-width and bidirectional characters from every text field, and refuses
    a field that held nothing else (``core.text``). Put it before the form class."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and isinstance(cleaned.get(name), str):
                self._keep_visible(name, field, cleaned[name])
        return cleaned

    def _keep_visible(self, name, field, value):
        try:
            text = visible_text(value)
        except InvisibleOnly as refusal:
            self.add_error(name, str(refusal))
            return
        self.cleaned_data[name] = text.strip() if field.strip else text


class VersionCheckMixin:
    """A model form of a ``Versioned`` record carries the version it was opened at (a hidden
    field) and refuses to save over a newer one. Put it before the form class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if is_versioned(self.instance) and self.instance.pk:
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=self.instance.version, required=False
            )

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("version")
        if opened_at is not None and opened_at != current_version(self.instance):
            raise forms.ValidationError(stale_message(self.instance), code="stale")
        return cleaned


class ImportForm(forms.Form):
    """One Excel workbook (.xlsx) of at most 10 MB, for the all-or-nothing imports."""

    workbook = forms.FileField(
        label=_("Excel workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Choose a file ending in .xlsx."))
        if upload.size > MAX_WORKBOOK_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class DayField(forms.CharField):
    """A date written dd/mm/yyyy, read by ``core.formatting.parse_date`` (one parser, one message)."""

    def to_python(self, value):
        written = super().to_python(value)
        return parse_date(written) if written else None


class StepForm(forms.Form):
    """The date a workflow step was taken (``on``): prefilled with today, left empty means today."""

    on = DayField(label=_("Date of the step"), required=False, help_text=_("dd/mm/yyyy"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = format_date(timezone.localdate())


def step_on(data):
    """The step date posted in ``data`` (None for today), or the ``ValidationError`` of the form."""
    form = StepForm(data)
    if not form.is_valid():
        raise forms.ValidationError(form.errors["on"])
    return form.cleaned_data["on"]
