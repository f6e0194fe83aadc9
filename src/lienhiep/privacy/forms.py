"""The requests screen's forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.rules import organisations_for

from .enums import RequestKind

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class RequestForm(forms.Form):
    union = forms.ModelChoiceField(label=_("Union"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Request"), choices=RequestKind.choices)
    name = forms.CharField(label=_("Person's full name"), max_length=200)
    birth_date = forms.DateField(
        label=_("Birth date (dd/mm/yyyy)"), required=False, input_formats=DATE_FORMATS
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    details = forms.CharField(label=_("What is asked"), widget=forms.Textarea, required=False)
    received_on = forms.DateField(
        label=_("Received on (dd/mm/yyyy)"),
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Write the date as dd/mm/yyyy.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = organisations_for(user).filter(kind=OrganisationKind.UNION)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer given to the person"), widget=forms.Textarea)
