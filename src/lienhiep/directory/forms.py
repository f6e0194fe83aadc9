from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lienhiep.core.forms import VersionCheckMixin, VisibleTextMixin

from . import rules
from .enums import OrganisationKind
from .models import MemberCount, Organisation, Person
from .rules import own_organisation


class RegistryForm(VisibleTextMixin, VersionCheckMixin, WagtailAdminModelForm):
    """Limits every choice of organisation or person to what the user may see; strips invisible
    characters from text (``core.forms.VisibleTextMixin``); refuses to save a ``Versioned``
    record over a newer version (``core.forms.VersionCheckMixin``).

    ``organisation_kinds`` names the organisation fields that offer only some kinds
    (``{"requester": PARTNER_KINDS}``); a field named ``union`` offers only unions. On a new
    record, the fields of ``starts_at_own_union`` (and ``union``) start at the user's own
    organisation (``rules.own_organisation``: the default union for a login without a scope)
    when it is one they offer.
    """

    organisation_kinds: dict = {}
    starts_at_own_union: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model in rules.VISIBLE:
                field.queryset = rules.objects_for(self.for_user, model)
        self._offer_fitting_kinds()
        if not self.instance.pk:
            self._start_at_own_union()

    def _kinds(self):
        union = {"union": (OrganisationKind.UNION,)} if "union" in self.fields else {}
        return {**union, **self.organisation_kinds}

    def _offer_fitting_kinds(self):
        for name, kinds in self._kinds().items():
            if name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(kind__in=kinds)

    def _start_at_own_union(self):
        own = own_organisation(self.for_user)
        names = {"union", *self.starts_at_own_union} & set(self.fields)
        for name in names:
            offered = own is not None and self.fields[name].queryset.filter(pk=own.pk).exists()
            if offered and not self.initial.get(name):
                self.initial[name] = own.pk


class OrganisationForm(RegistryForm):
    class Meta:
        model = Organisation
        exclude = []

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent and self.instance.pk and parent.pk in rules.subtree_ids(self.instance.pk):
            raise forms.ValidationError(
                _("An organisation cannot be placed under itself or its own sub-organisations.")
            )
        return parent


class PersonForm(RegistryForm):
    class Meta:
        model = Person
        exclude = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.for_user is not None and "home" in self.fields:
            self.fields["home"].initial = own_organisation(self.for_user)


class EnteredByForm(RegistryForm):
    """Records who saved the record in its ``entered_by``."""

    def save(self, commit=True):
        self.instance.entered_by = self.for_user
        return super().save(commit)


class MemberCountForm(EnteredByForm):
    class Meta:
        model = MemberCount
        exclude = []
