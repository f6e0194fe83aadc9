"""The forms of the logins screen: invite a person, change a login's roles, scope and person."""

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from . import roles, rules
from .accounts import grantable_roles, roles_of
from .choosers import person_chooser
from .enums import PARTNER_KINDS
from .models import Person


class AccountForm(forms.Form):
    wanted_roles = forms.MultipleChoiceField(
        label=_("Roles"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    organisation = forms.ModelChoiceField(
        label=_("Works for"),
        queryset=None,
        help_text=_("The login sees this organisation and the organisations below it."),
    )
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        required=False,
        widget=person_chooser.widget_class(),
        help_text=_("Judges, experts and council members act as their person record."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted_roles"].choices = [
            (role, roles.ROLE_LABELS[role]) for role in grantable_roles(user)
        ]
        visible = rules.organisations_for(user).exclude(kind__in=PARTNER_KINDS)
        self.fields["organisation"].queryset = visible
        self.fields["organisation"].initial = rules.own_organisation(user)
        self.fields["person"].queryset = rules.people_for(user)


class InviteForm(AccountForm):
    username = forms.CharField(
        label=_("Login name"), max_length=150, validators=[UnicodeUsernameValidator()]
    )
    email = forms.EmailField(label=_("E-mail"), help_text=_("The invitation is sent here."))
    family_name = forms.CharField(label=_("Family name"), max_length=50, required=False)
    middle_name = forms.CharField(label=_("Middle name"), max_length=80, required=False)
    given_name = forms.CharField(label=_("Given name"), max_length=50, required=False)

    field_order = ["username", "email", "wanted_roles", "organisation", "person"]

    def clean(self):
        data = super().clean()
        names = [data.get(n) for n in ("family_name", "middle_name", "given_name")]
        if data.get("person") and any(names):
            raise forms.ValidationError(_("Choose a person or enter a new one, not both."))
        if any(names) and not (data.get("family_name") and data.get("given_name")):
            raise forms.ValidationError(_("A new person needs a family name and a given name."))
        return data


class ChangeForm(AccountForm):
    is_active = forms.BooleanField(
        label=_("Active"), required=False, help_text=_("An inactive login cannot sign in.")
    )

    def __init__(self, *args, account, **kwargs):
        person = Person.objects.filter(account=account).first()
        scope = getattr(account, "scope", None)
        kwargs.setdefault(
            "initial",
            {
                "wanted_roles": roles_of(account),
                "organisation": scope.organisation if scope else None,
                "person": person,
                "is_active": account.is_active,
            },
        )
        super().__init__(*args, **kwargs)
