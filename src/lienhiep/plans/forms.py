from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.directory.forms import RegistryForm

from .models import ReportedValue


class ReportedValueForm(RegistryForm):
    class Meta:
        model = ReportedValue
        exclude = []

    def save(self, commit=True):
        self.instance.entered_by = self.for_user
        return super().save(commit)


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for sending back"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DashboardChoiceForm(forms.Form):
    org = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = organisations
