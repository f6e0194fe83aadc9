"""The honours forms: who nominates, and which activity is a round's ceremony."""

from lienhiep.activities.enums import CEREMONY, CONFERENCE
from lienhiep.directory.enums import UNION_FAMILY_KINDS
from lienhiep.directory.forms import RegistryForm

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
