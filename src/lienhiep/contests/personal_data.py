"""The personal data the contests hold: the authors of entries (``privacy.holders``).

An author of an entry that won a prize (here or in the national round) is kept: the organising
committee's decision and the list of winners are legal records. Any other author is anonymised
on an erasure request, and by the retention rule once the round has closed, its appeal period
has passed and the union's retention period after it."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.formatting import fold, format_date
from lienhiep.privacy.holders import Holder, Outcome
from lienhiep.privacy.services import settings_of

from .enums import FileKind
from .models import Author, ContestRound, Entry


def find(request):
    authors = Author.objects.filter(
        entry__round__contest__union=request.union, anonymised_at__isnull=True
    ).select_related("entry__round__contest")
    if request.birth_date:
        authors = authors.filter(birth_date=request.birth_date)
    wanted = " ".join(fold(request.name).split())
    return [a for a in authors if " ".join(fold(a.name).split()) == wanted]


def describe(author):
    entry = author.entry
    fields = [
        (_("Entry"), f"{entry.code} – {entry.title}"),
        (_("Round"), f"{entry.round.contest.name} {entry.round.label}"),
        (_("Prize"), entry.get_prize_display()),
    ]
    for name in (
        "name",
        "birth_date",
        "workplace",
        "email",
        "phone",
        "representative_name",
        "representative_relation",
        "representative_contact",
        "consent_by",
        "consented_at",
        "publish_consent",
        "publish_withdrawn_at",
        "paper_consent_on",
    ):
        field = Author._meta.get_field(name)
        value = getattr(author, name)
        if field.choices:
            value = getattr(author, f"get_{name}_display")()
        elif hasattr(value, "strftime"):
            value = format_date(value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        fields.append((str(field.verbose_name).capitalize(), value or ""))
    if author.consent_notice_id:
        fields.append((_("Privacy notice version"), author.consent_notice.number))
    return fields


def files(author):
    found = [f.file for f in author.entry.files.all()]
    return found + ([author.paper_consent_form] if author.paper_consent_form else [])


def label(author):
    return _("Author of the entry %(code)s") % {"code": author.entry.code}


def erase(author, user):
    entry = author.entry
    if entry.prize or entry.national_prize:
        return Outcome(
            label(author),
            "kept",
            _(
                "The entry won a prize: the organising committee's decision and the list of "
                "winners are legal records."
            ),
        )
    anonymise(author, user)
    return Outcome(
        label(author), "anonymised", _("The entry won no prize; no law requires to keep it.")
    )


def anonymise(author, user):
    """Remove what identifies ``author``; the entry keeps its code, title and description."""
    author.name = _("Anonymised author")
    author.birth_date = None
    author.workplace = author.email = author.phone = ""
    author.representative_name = author.representative_relation = ""
    author.representative_contact = ""
    if author.paper_consent_form:
        author.paper_consent_form.delete(save=False)
    author.anonymised_at = timezone.now()
    author.save()
    entry = author.entry
    if all(a.anonymised_at for a in entry.authors.all()):
        for kept in entry.files.filter(kind=FileKind.PHOTO):
            kept.file.delete(save=False)
            kept.delete()
        entry.email = entry.phone = ""
        entry.save(update_fields=["email", "phone"])
    log(entry, "privacy.person.anonymised", user=user, data={"author": author.pk})


def expired(today):
    """Authors of entries without a prize whose round closed, with its appeal period and the
    retention period after it, before ``today``."""
    found = []
    rounds = ContestRound.objects.filter(closed_on__isnull=False).select_related("contest")
    for round in rounds:
        kept = settings_of(round.contest.union)
        until = round.closed_on + timedelta(
            days=kept.appeal_days + 30 * kept.entry_retention_months
        )
        if until < today:
            found += Author.objects.filter(
                entry__round=round,
                entry__prize="",
                entry__national_prize="",
                anonymised_at__isnull=True,
            ).select_related("entry")
    return found


HOLDER = Holder(
    label=gettext_lazy("Contest authors"),
    find=find,
    describe=describe,
    erase=erase,
    files=files,
    expired=expired,
    logged={Entry: "round__contest__union", Author: "entry__round__contest__union"},
)
