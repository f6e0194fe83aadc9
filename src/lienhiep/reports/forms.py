from django import forms
from django.utils.translation import gettext_lazy as _


class GenerateForm(forms.Form):
    """Generating takes nothing but the run."""


class IssueForm(forms.Form):
    day = forms.DateField(
        label=_("Date (dd/mm/yyyy)"),
        input_formats=["%d/%m/%Y"],
        error_messages={
            "required": _("Write the date as dd/mm/yyyy."),
            "invalid": _("Write the date as dd/mm/yyyy."),
        },
    )
