"""The entry form (public and paper), the review and scoring forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from lienhiep.core.formatting import format_count
from lienhiep.directory.forms import RegistryForm

from .enums import DossierItem, FileKind
from .models import PrizeTier, Score
from .services import AuthorData, EntryData
from .validators import validate_entry_file, validate_photo

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MAX_PHOTOS = 5


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


class EntryForm(forms.Form):
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

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        if len(photos) > MAX_PHOTOS:
            raise ValidationError(_("Send at most %(n)s photos.") % {"n": MAX_PHOTOS})
        for photo in photos:
            validate_photo(photo)
        return photos

    def is_spam(self):
        return bool(self.data.get("website"))


class AuthorForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    birth_date = forms.DateField(
        label=_("Birth date (dd/mm/yyyy)"), required=False, input_formats=DATE_FORMATS
    )
    workplace = forms.CharField(label=_("School or workplace"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


def author_formset(data=None, *, extra=3):
    formset_class = formset_factory(
        AuthorForm, extra=extra, min_num=1, max_num=10, validate_min=True, validate_max=True
    )
    return formset_class(data, prefix="authors")


def entry_data(form, formset):
    """The entry described by a valid form and formset (the first author is the main one)."""
    data = form.cleaned_data
    authors = [
        AuthorData(
            name=row["name"],
            birth_date=row.get("birth_date"),
            workplace=row.get("workplace", ""),
            phone=row.get("phone", ""),
            is_main=False,
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
    )


class ReviewForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("eligible")), ("no", _("not eligible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    dossier = forms.MultipleChoiceField(
        label=_("Dossier"),
        choices=DossierItem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class RoundForm(RegistryForm):
    """A round's settings. A field with entries or a prize already awarded cannot be taken away,
    and once judges have scored, the criteria and their maximum points stay as they are."""

    def is_valid(self):
        valid = super().is_valid()
        for formset in self.formsets.values():
            formset.full_clean()  # ClusterForm stops at the first invalid formset: clean them all
        problems = [*self._removed_fields(), *self._changed_criteria(), *self._reduced_prizes()]
        for message in problems:
            self.add_error(None, message)
        return valid and not problems

    def _saved_children(self, relation):
        """(form, being deleted) for each child that already exists."""
        formset = self.formsets.get(relation)
        if formset is None:  # the short add form has no children
            return
        for form in formset.forms:
            if form.instance.pk is not None:
                yield form, formset.can_delete and formset._should_delete_form(form)

    def _removed_fields(self):
        for form, deleted in self._saved_children("fields"):
            count = form.instance.entries.count() if deleted else 0
            if count:
                yield _("The field “%(name)s” cannot be removed: %(count)s entries are in it.") % {
                    "name": form.instance.name,
                    "count": format_count(count),
                }

    def _changed_criteria(self):
        """Once judges have scored, the scale is fixed: no criterion is added or removed and no
        maximum changes, or the scores already given would count on another scale."""
        formset = self.formsets.get("criteria")
        if formset is None or self.instance.pk is None:
            return
        scored = Score.objects.filter(criterion__round=self.instance).count()
        if not scored:
            return
        changed = []
        for form in formset.forms:
            deleted = formset.can_delete and formset._should_delete_form(form)
            name = (form.cleaned_data.get("name") if form.is_valid() else "") or form.instance.name
            if form.instance.pk is None:
                if not deleted and form.has_changed():
                    changed.append(name)
            elif deleted or "max_points" in form.changed_data:
                changed.append(form.initial.get("name") or name)
        if changed:
            yield _(
                "Judges have already given %(count)s scores in this round: criteria can no "
                "longer be added, removed or given other maximum points (%(names)s)."
            ) % {"count": format_count(scored), "names": ", ".join(f"“{n}”" for n in changed)}

    def _reduced_prizes(self):
        awarded = dict(
            self.instance.entries.exclude(prize="")
            .values_list("prize")
            .annotate(n=Count("pk"))
            .order_by()
            if self.instance.pk
            else ()
        )
        for form, deleted in self._saved_children("prizes"):
            tier = PrizeTier.objects.get(pk=form.instance.pk)  # as saved, before this form
            given = awarded.get(tier.level, 0)
            data = form.cleaned_data if form.is_valid() else {}
            kept = 0 if deleted else data.get("count", tier.count)
            moved = not deleted and data.get("level", tier.level) != tier.level
            if given and (moved or kept < given):
                yield _(
                    "%(count)s entries have already won the %(level)s: the prize structure "
                    "must keep them."
                ) % {
                    "count": format_count(given),
                    "level": tier.get_level_display(),
                }
