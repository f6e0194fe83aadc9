"""The entry form (public and paper), the review and scoring forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from lienhiep.core.forms import StepForm, VisibleTextMixin
from lienhiep.directory.choosers import person_chooser
from lienhiep.directory.forms import RegistryForm
from lienhiep.directory.rules import people_for
from lienhiep.privacy.consent import ConsentData

from . import services
from .enums import DossierItem, FileKind, PrizeLevel
from .models import Assignment
from .services import AuthorData, EntryData
from .validators import validate_entry_file, validate_photo

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MAX_PHOTOS = 5
PAPER_CONSENT_FIELDS = (
    "paper_consent",
    "paper_publish_consent",
    "paper_consent_on",
    "paper_consent_form",
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class EntryForm(VisibleTextMixin, forms.Form):
    title = forms.CharField(label=_("Title of the entry"), max_length=300)
    field = forms.ModelChoiceField(label=_("Field"), queryset=None, empty_label=None)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the work is, what is new in it and what it is good for."),
    )
    entering_unit = forms.CharField(
        label=_("Entering organisation (school, company, body)"), max_length=300, required=False
    )
    applied_since = forms.IntegerField(
        label=_("Applied since (year)"), min_value=1900, max_value=2100, required=False
    )
    email = forms.EmailField(label=_("Contact e-mail"))
    phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    resides = forms.BooleanField(required=False)
    registration = forms.FileField(
        label=_("Registration form"), required=False, validators=[validate_entry_file]
    )
    note = forms.FileField(
        label=_("Explanatory note"), required=False, validators=[validate_entry_file]
    )
    photos = MultipleFileField(
        label=_("Photos (JPEG or PNG, up to 5)"), required=False, validators=[]
    )
    paper_consent = forms.BooleanField(
        label=_("The authors' consent forms, signed on paper, were received."), required=False
    )
    paper_publish_consent = forms.BooleanField(
        label=_("The forms consent to publishing the names, photos and schools."), required=False
    )
    paper_consent_on = forms.DateField(
        label=_("Forms signed on (dd/mm/yyyy)"), required=False, input_formats=DATE_FORMATS
    )
    paper_consent_form = forms.FileField(
        label=_("Scanned consent forms"), required=False, validators=[validate_entry_file]
    )
    # A field people never see: robots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, round, paper=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.fields["field"].queryset = round.fields.all()
        if round.applied_since:
            self.fields["applied_since"].required = True
            self.fields["applied_since"].help_text = _(
                "The round accepts solutions applied since %(year)s."
            ) % {"year": round.applied_since}
        else:
            del self.fields["applied_since"]
        if round.residence:
            self.fields["resides"].label = _("The authors live, work or study in %(place)s.") % {
                "place": round.residence
            }
        else:
            del self.fields["resides"]
        if paper:
            self.fields["email"].required = False
            del self.fields["website"]
        else:
            for name in PAPER_CONSENT_FIELDS:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if data.get("paper_consent") and not data.get("paper_consent_on"):
            self.add_error("paper_consent_on", _("Give the date the consent forms were signed."))
        return data

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        if len(photos) > MAX_PHOTOS:
            raise ValidationError(_("Send at most %(n)s photos.") % {"n": MAX_PHOTOS})
        for photo in photos:
            validate_photo(photo)
        return photos

    def is_spam(self):
        return bool(self.data.get("website"))


class AuthorForm(VisibleTextMixin, forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    birth_date = forms.DateField(
        label=_("Birth date (dd/mm/yyyy)"), required=False, input_formats=DATE_FORMATS
    )
    workplace = forms.CharField(label=_("School or workplace"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


class PublicAuthorForm(AuthorForm):
    """An author on the public form, with the consents the law asks (none ticked beforehand)."""

    consent = forms.BooleanField(
        label=_(
            "I consent to the processing of this author's personal data for the contest, as "
            "the privacy notice says."
        ),
        required=False,
    )
    publish_consent = forms.BooleanField(
        label=_("I consent to publishing this author's name, photo and school if the entry wins."),
        required=False,
    )
    representative_name = forms.CharField(
        label=_("Legal representative (for an author under 16)"), max_length=200, required=False
    )
    representative_relation = forms.CharField(
        label=_("Relation to the author (father, mother, guardian)"),
        max_length=100,
        required=False,
    )
    representative_contact = forms.CharField(
        label=_("Representative's phone or e-mail"), max_length=200, required=False
    )
    representative_consent = forms.BooleanField(
        label=_("As the legal representative, I give these consents on the child's behalf."),
        required=False,
    )
    child_consent = forms.BooleanField(
        label=_("The child (7 years old or more) consents too."), required=False
    )


def author_consent(row):
    """The consent given for an author on the public form."""
    return ConsentData(
        processing=row.get("consent", False),
        publishing=row.get("publish_consent", False),
        representative_name=row.get("representative_name", ""),
        representative_relation=row.get("representative_relation", ""),
        representative_contact=row.get("representative_contact", ""),
        representative_consent=row.get("representative_consent", False),
        child_consent=row.get("child_consent", False),
    )


def paper_consent(data):
    """The consent staff record from the signed paper forms (the same for every author)."""
    if not data.get("paper_consent"):
        return ConsentData()
    return ConsentData(
        processing=True,
        publishing=data.get("paper_publish_consent", False),
        paper_on=data.get("paper_consent_on"),
        paper_form=data.get("paper_consent_form"),
    )


def author_formset(data=None, *, extra=3):
    formset_class = formset_factory(
        AuthorForm, extra=extra, min_num=1, max_num=10, validate_min=True, validate_max=True
    )
    return formset_class(data, prefix="authors")


def entry_data(form, formset, notice=None):
    """The entry described by a valid form and formset (the first author is the main one)."""
    data = form.cleaned_data
    paper = paper_consent(data)
    authors = [
        AuthorData(
            name=row["name"],
            birth_date=row.get("birth_date"),
            workplace=row.get("workplace", ""),
            phone=row.get("phone", ""),
            is_main=False,
            consent=author_consent(row) if notice is not None else paper,
        )
        for row in formset.cleaned_data
        if row and row.get("name")
    ]
    if authors:
        authors[0].is_main = True
    files = [(FileKind.PHOTO, photo) for photo in data.get("photos", [])]
    if data.get("registration"):
        files.append((FileKind.REGISTRATION, data["registration"]))
    if data.get("note"):
        files.append((FileKind.NOTE, data["note"]))
    return EntryData(
        title=data["title"],
        field=data["field"],
        description=data["description"],
        authors=authors,
        entering_unit=data.get("entering_unit", ""),
        applied_since=data.get("applied_since"),
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        resides=data.get("resides", True),
        files=files,
        notice=notice,
    )


class ReviewForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("eligible")), ("no", _("not eligible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose eligible or not eligible."),
            "invalid_choice": _("Choose eligible or not eligible."),
        },
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    dossier = forms.MultipleChoiceField(
        label=_("Dossier"),
        choices=DossierItem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class RoundForm(RegistryForm):
    """A round's settings; what the edit would do to fields, criteria and prizes is checked by
    ``services.settings_problems`` before anything is saved."""

    def is_valid(self):
        valid = super().is_valid()
        if self.instance.pk is None:  # the short add form has no children
            return valid
        for formset in self.formsets.values():
            formset.full_clean()  # ClusterForm stops at the first invalid formset: clean them all
        problems = services.settings_problems(self.instance, self._change())
        for message in problems:
            self.add_error(None, message)
        return valid and not problems

    def _children(self, relation):
        """(form, cleaned data or {}, being deleted) for each child form of ``relation``."""
        formset = self.formsets[relation]
        for form in formset.forms:
            data = form.cleaned_data if form.is_valid() else {}
            yield form, data, formset.can_delete and formset._should_delete_form(form)

    def _change(self):
        change = services.SettingsChange()
        for form, _data, deleted in self._children("fields"):
            if deleted and form.instance.pk is not None:
                change.removed_fields.append(form.instance)
        for form, data, deleted in self._children("criteria"):
            if form.instance.pk is None:
                if not deleted and form.has_changed():
                    change.criteria.append(data.get("name") or form.instance.name)
            elif deleted or "max_points" in form.changed_data:
                change.criteria.append(form.initial.get("name") or form.instance.name)
        for form, data, deleted in self._children("prizes"):
            if form.instance.pk is not None:
                before = form.initial["level"]  # the instance already holds the edited values
                after = None if deleted else data.get("level", before)
                count = 0 if deleted else data.get("count", form.initial["count"])
                change.prizes.append((before, after, count))
        return change


# ---------------------------------------------------------------------------------------------
# The buttons of the round screens: one form per action, bound to the round being worked on.


def _date_field(label, message=None):
    message = message or _("Write the dates as dd/mm/yyyy.")
    return forms.DateField(
        label=label,
        input_formats=["%d/%m/%Y"],
        error_messages={"invalid": message, "required": message},
    )


class WholeNumberField(forms.IntegerField):
    """A whole number typed by staff; a wrong one is named in the message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            message = _("“%(value)s” is not a whole number") % {"value": value}
            raise ValidationError(message, code="invalid") from None


def _level_field(label):
    return forms.ChoiceField(label=label, choices=[("", "—"), *PrizeLevel.choices], required=False)


class RoundActionForm(forms.Form):
    """An action on ``round`` by ``user``; the base form asks nothing more."""

    def __init__(self, *args, round, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.round, self.user = round, user


class StepActionForm(RoundActionForm, StepForm):
    """An action that is a dated step (``on``: today unless another day is written)."""


class EntryActionForm(RoundActionForm):
    entry = forms.ModelChoiceField(label=_("Entry"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = self.round.entries.all()


class EntryReviewForm(EntryActionForm, ReviewForm, StepForm):
    pass


class BulkReviewForm(RoundActionForm):
    """The decision for the entries ticked on the entries screen."""

    entries = forms.ModelMultipleChoiceField(
        label=_("Entries"),
        queryset=None,
        error_messages={"required": _("Select at least one entry.")},
    )
    eligible = ReviewForm.base_fields["eligible"]
    reason = ReviewForm.base_fields["reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = self.round.entries.all()


class ForwardForm(EntryActionForm, StepForm):
    forwarded = forms.TypedChoiceField(
        choices=[("yes", _("Forward")), ("no", _("Withdraw"))], coerce=lambda value: value == "yes"
    )


class NationalResultForm(EntryActionForm):
    level = _level_field(_("National result"))


class PrizeForm(EntryActionForm):
    level = _level_field(_("Prize"))


class LaunchNextForm(RoundActionForm):
    number = WholeNumberField(label=_("Number"), min_value=1, required=False)
    period = forms.CharField(label=_("Period"), max_length=20, required=False)
    launch = _date_field(_("Launch date (dd/mm/yyyy)"))
    deadline = _date_field(_("Entry deadline (dd/mm/yyyy)"))

    def clean_number(self):
        return self.cleaned_data.get("number") or self.round.number + 1


class AddJudgeForm(RoundActionForm):
    person = forms.ModelChoiceField(
        label=_("Judge"), queryset=None, widget=person_chooser.widget_class()
    )
    field = forms.ModelChoiceField(label=_("Field"), queryset=None)
    chair = forms.BooleanField(label=_("chair"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_for(self.user)
        self.fields["field"].queryset = self.round.fields.all()


class AssignForm(EntryActionForm):
    judge = forms.ModelChoiceField(label=_("Judge"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = self.round.judges.all()


class UnassignForm(RoundActionForm):
    assignment = forms.ModelChoiceField(label=_("Judge"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = Assignment.objects.filter(entry__round=self.round)


class FinalistsForm(RoundActionForm):
    per_field = WholeNumberField(label=_("Finalists per field"))


class ApproveForm(StepActionForm):
    number = forms.CharField(label=_("Committee decision no."), max_length=100, required=False)


class PublishForm(StepActionForm):
    pass
