"""The public entry form as a visitor meets it: 1 to 5 authors, errors listed and marked."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.forms import formset_factory
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from .forms import PublicAuthorForm

MAX_AUTHORS = 5
#: What draws the form (its fields, their labels, its templates): part of the fragment's key,
#: so a change to any of them draws the form again.
DRAWN_BY = hashlib.sha256(
    b"".join(
        path.read_bytes()
        for path in [
            Path(__file__).parent / "forms.py",
            Path(__file__),
            *sorted((Path(__file__).parent / "templates/contests/public").glob("*.html")),
        ]
    )
).hexdigest()[:16]


def fragment_key(round, fields):
    """The shared cache's key of the empty entry form of ``round`` (its fields and authors, the
    slowest part of the call page: one template per widget), or ``""`` for a form sent back with
    errors. It is a digest of all that changes the form — the round's fields (``fields``, read
    for the page anyway), its year and place conditions, the language and ``DRAWN_BY`` — so a
    change gives another key and nothing needs emptying."""
    data = [
        round.pk,
        [(field.pk, str(field.name)) for field in fields],
        round.applied_since,
        str(round.residence or ""),
        MAX_AUTHORS,
        get_language(),
        DRAWN_BY,
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


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
