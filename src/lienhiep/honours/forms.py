"""The honours forms: who nominates, and which activity is a round's ceremony."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.activities.enums import CEREMONY, CONFERENCE
from lienhiep.directory.choosers import person_chooser
from lienhiep.directory.enums import UNION_FAMILY_KINDS
from lienhiep.directory.forms import RegistryForm
from lienhiep.directory.rules import people_for

#: the activity kinds a ceremony can be held as
CEREMONY_KINDS = (CEREMONY, CONFERENCE)


class HonourRoundForm(RegistryForm):
    """The ceremony is an activity of kind ceremony or conference, of the round's year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "ceremony" in self.fields:
            activities = self.fields["ceremony"].queryset.filter(kind__slug__in=CEREMONY_KINDS)
            if self.instance.year:
                activities = activities.filter(start_date__year=self.instance.year)
            self.fields["ceremony"].queryset = activities


class NominationForm(RegistryForm):
    organisation_kinds = {"nominating_unit": UNION_FAMILY_KINDS}
    starts_at_own_union = ("nominating_unit",)


class CouncilSeatForm(forms.Form):
    """A person for the round's council, chosen with the one people chooser."""

    person = forms.ModelChoiceField(
        label=_("Council member"), queryset=None, widget=person_chooser.widget_class()
    )
    chair = forms.BooleanField(label=_("chair of the council"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_for(user)
