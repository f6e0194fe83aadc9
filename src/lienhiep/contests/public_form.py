"""The public entry form as a visitor meets it: 1 to 5 authors, errors listed and marked."""

from dataclasses import dataclass

from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .forms import PublicAuthorForm

MAX_AUTHORS = 5


def public_authors(data=None):
    """The authors of a public entry: one to start with, up to ``MAX_AUTHORS``."""
    formset_class = formset_factory(
        PublicAuthorForm,
        extra=0,
        min_num=1,
        max_num=MAX_AUTHORS,
        validate_min=True,
        validate_max=True,
    )
    messages = {
        "too_few_forms": _("Give at least one author."),
        "too_many_forms": ngettext_lazy(
            "Give at most %(num)d author.", "Give at most %(num)d authors.", "num"
        ),
    }
    return formset_class(data, prefix="authors", error_messages=messages)


@dataclass
class Problem:
    label: str
    message: str
    anchor: str


def error_summary(form, formset):
    """Every error of the form and its authors, each linked to its field, which is marked too."""
    problems = [Problem("", message, "entry-form") for message in form.non_field_errors()]
    problems += field_problems(form, "")
    problems += [Problem("", m, "authors") for m in formset.non_form_errors()]
    for number, author in enumerate(formset, start=1):
        problems += field_problems(author, author_label(number))
    return problems


def author_label(number):
    return _("Main author") if number == 1 else _("Author %(n)s") % {"n": number}


def field_problems(form, prefix):
    problems = []
    for bound in form:
        if bound.errors:
            mark(bound)
            label = f"{prefix}: {bound.label}" if prefix else str(bound.label)
            problems += [Problem(label, e, bound.id_for_label) for e in bound.errors]
    return problems


def mark(bound):
    attrs = bound.field.widget.attrs
    attrs["aria-invalid"] = "true"
    attrs["aria-describedby"] = f"{bound.id_for_label}-error"
