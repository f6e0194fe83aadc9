"""The activity form: organisers are the union and its own bodies, starting at the union; the
kinds are those the user's union uses. The kind form: a union's staff keep their union's kinds."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.directory.enums import PARTNER_KINDS, UNION_FAMILY_KINDS
from lienhiep.directory.forms import RegistryForm
from lienhiep.directory.rules import sees_everything

from . import rules


class ActivityForm(RegistryForm):
    organisation_kinds = {
        "organiser": UNION_FAMILY_KINDS,
        "co_organisers": UNION_FAMILY_KINDS + PARTNER_KINDS,
    }
    starts_at_own_union = ("organiser",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "kind" in self.fields:
            self.fields["kind"].queryset = rules.kinds_for(self.for_user)


class ActivityKindForm(RegistryForm):
    """The union field offers only the user's union; blank (shared) is the federation's."""

    def clean_union(self):
        union = self.cleaned_data.get("union")
        if union is None and not sees_everything(self.for_user):
            raise forms.ValidationError(
                _("Choose your union: only the federation's staff keep the kinds every union uses.")
            )
        return union
