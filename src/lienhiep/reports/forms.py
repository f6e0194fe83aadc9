from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.core.forms import DayField


class GenerateForm(forms.Form):
    """Generating takes nothing but the run."""


class IssueForm(forms.Form):
    day = DayField(
        label=_("Date (dd/mm/yyyy)"),
        error_messages={"required": _("Write the date as dd/mm/yyyy.")},
    )
