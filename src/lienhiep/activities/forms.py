"""The activity form: organisers are the union and its own bodies, starting at the union."""

from lienhiep.directory.enums import PARTNER_KINDS, UNION_FAMILY_KINDS
from lienhiep.directory.forms import RegistryForm


class ActivityForm(RegistryForm):
    organisation_kinds = {
        "organiser": UNION_FAMILY_KINDS,
        "co_organisers": UNION_FAMILY_KINDS + PARTNER_KINDS,
    }
    starts_at_own_union = ("organiser",)
