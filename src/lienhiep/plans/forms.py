import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lienhiep.directory.enums import MEMBER_KINDS, OrganisationKind
from lienhiep.directory.forms import RegistryForm

from .models import Indicator, ReportedValue

NAME = re.compile(r"^[\w-]+$")


class BreakdownsField(forms.CharField):
    """An indicator's breakdowns written as names separated by commas ("sex, commune"), kept as
    the list the model stores; nobody types JSON."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        names = [name.strip() for name in (value or "").split(",") if name.strip()]
        wrong = [name for name in names if not NAME.match(name)]
        if wrong:
            raise ValidationError(
                _("“%(name)s” is not a name: use letters, digits, “_” or “-”, without spaces.")
                % {"name": wrong[0]}
            )
        return list(dict.fromkeys(names))


class BreakdownField(forms.CharField):
    """A reported value's part of the total written "name = value", one a line; kept as the
    mapping the model stores (empty for the total)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return "\n".join(f"{name} = {part}" for name, part in value.items())
        return value

    def to_python(self, value):
        parts = {}
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, equals, part = line.partition("=")
            if not equals or not NAME.match(name.strip()) or not part.strip():
                raise ValidationError(
                    _("Line %(number)s: write “name = value”, for example sex = female.")
                    % {"number": number}
                )
            parts[name.strip()] = part.strip()
        return parts


def _with_model_text(field, model, name):
    meta = model._meta.get_field(name)
    return field(label=meta.verbose_name, help_text=meta.help_text, required=False)


class IndicatorForm(WagtailAdminModelForm):
    breakdowns = _with_model_text(BreakdownsField, Indicator, "breakdowns")


class ReportedValueForm(RegistryForm):
    breakdown = _with_model_text(BreakdownField, ReportedValue, "breakdown")

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


class TermPlanForm(RegistryForm):
    """A term plan is for one of the terms the user sees (``RegistryForm`` limits them)."""


class YearlyReturnForm(RegistryForm):
    """A yearly return is a member association's."""

    organisation_kinds = {"organisation": MEMBER_KINDS}
    starts_at_own_union = ("organisation",)


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for sending back"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DashboardChoiceForm(forms.Form):
    """The organisation and year the dashboard shows. ``organisations`` is read once (a list):
    the choices drawn and the one chosen come from it, not from a query each."""

    org = forms.TypedChoiceField(label=_("Organisation"), required=False, coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        self.fields["org"].choices = [(pk, str(o)) for pk, o in self.organisations.items()]

    def clean_org(self):
        pk = self.cleaned_data["org"]
        return self.organisations[pk] if pk not in ("", None) else None


class SubjectFigureForm(forms.Form):
    """One figure of a record (a project's beneficiaries): a value needs its source."""

    value = forms.DecimalField(label=_("value"), required=False, min_value=0, decimal_places=0)
    source = forms.CharField(label=_("source"), required=False, max_length=300)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("value") is not None and not (cleaned.get("source") or "").strip():
            self.add_error("source", _("Say where this value comes from (document or person)."))
        return cleaned
