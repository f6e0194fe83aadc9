from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.directory.enums import MEMBER_KINDS, OrganisationKind
from lienhiep.directory.forms import RegistryForm

from .models import ReportedValue


class ReportedValueForm(RegistryForm):
    class Meta:
        model = ReportedValue
        exclude = []

    def save(self, commit=True):
        self.instance.entered_by = self.for_user
        return super().save(commit)


class AnnualPlanForm(RegistryForm):
    """A plan is the union's or a member association's, starting at the user's own."""

    organisation_kinds = {"organisation": (OrganisationKind.UNION, *MEMBER_KINDS)}
    starts_at_own_union = ("organisation",)


class YearlyReturnForm(RegistryForm):
    """A yearly return is a member association's."""

    organisation_kinds = {"organisation": MEMBER_KINDS}
    starts_at_own_union = ("organisation",)


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
        self.fields["org"].empty_label = None


class SubjectFigureForm(forms.Form):
    """One figure of a record (a project's beneficiaries): a value needs its source."""

    value = forms.DecimalField(label=_("value"), required=False, min_value=0, decimal_places=0)
    source = forms.CharField(label=_("source"), required=False, max_length=300)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("value") is not None and not (cleaned.get("source") or "").strip():
            self.add_error("source", _("Say where this value comes from (document or person)."))
        return cleaned
