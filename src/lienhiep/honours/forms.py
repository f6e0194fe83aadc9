from django import forms
from django.utils.translation import gettext_lazy as _

from lienhiep.directory.choosers import person_chooser
from lienhiep.directory.rules import people_for


class CouncilSeatForm(forms.Form):
    """A person for the round's council, chosen with the one people chooser."""

    person = forms.ModelChoiceField(
        label=_("Council member"), queryset=None, widget=person_chooser.widget_class()
    )
    chair = forms.BooleanField(label=_("chair of the council"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_for(user)
