from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.core.forms import StepForm
from lienhiep.directory.choosers import person_chooser
from lienhiep.directory.enums import PARTNER_KINDS
from lienhiep.directory.forms import RegistryForm

from .enums import PanelRole
from .models import Case, ConsultingRecord, CouncilSeat


class CaseForm(RegistryForm):
    """A case's requester is a partner body (People's Committee, a department …)."""

    organisation_kinds = {"requester": PARTNER_KINDS}

    class Meta:
        model = Case
        exclude = []


class PanelMemberForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Expert"), queryset=None, widget=person_chooser.widget_class()
    )
    role = forms.ChoiceField(label=_("Role"), choices=PanelRole.choices, initial=PanelRole.MEMBER)
    conflict_reason = forms.CharField(
        label=_("Reason to keep despite a conflict of interest"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class MeetingForm(StepForm):
    """The meeting's date is the step's date."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].label = _("Meeting date")


class ReportForm(StepForm):
    number = forms.CharField(
        label=_("Number and symbol"),
        max_length=60,
        required=False,
        help_text=_(
            "Leave empty: the report takes the next number of the register of outgoing "
            "documents. Write one (e.g. 12/BC-LHH) only for a report already sent."
        ),
    )
    sent_to = forms.CharField(label=_("Sent to"), max_length=300)
    file = forms.FileField(label=_("Report file"), required=False)

    field_order = ["number", "on", "sent_to", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].label = _("Report date")


class OpinionForm(forms.Form):
    text = forms.CharField(label=_("Your opinion"), widget=forms.Textarea(attrs={"rows": 10}))
    file = forms.FileField(label=_("File"), required=False)


class ConsultingRecordForm(RegistryForm):
    class Meta:
        model = ConsultingRecord
        exclude = []


class CouncilSeatForm(RegistryForm):
    class Meta:
        model = CouncilSeat
        exclude = []
