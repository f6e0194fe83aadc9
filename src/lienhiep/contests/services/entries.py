"""Entries: the checks an entry must pass, sending one online, recording one, reviewing it."""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import fold, format_date
from lienhiep.core.generation import records_changed
from lienhiep.core.transitions import step_day
from lienhiep.privacy.consent import ConsentData, consent_fields, consent_problems

from ..enums import REVIEWING, DossierItem, EntrySource
from ..models import Assignment, Author, ContestField, ContestRound, Entry, EntryFile
from .base import require_round_staff

logger = logging.getLogger(__name__)


@dataclass
class AuthorData:
    name: str
    birth_date: date | None = None
    workplace: str = ""
    is_main: bool = False
    email: str = ""
    phone: str = ""
    consent: ConsentData = field(default_factory=ConsentData)


@dataclass
class EntryData:
    title: str
    field: ContestField
    description: str
    authors: list[AuthorData]
    entering_unit: str = ""
    applied_since: int | None = None
    email: str = ""
    phone: str = ""
    resides: bool = True
    files: list = field(default_factory=list)  # [(FileKind, uploaded file)]
    notice: object = None  # the privacy notice version the visitor read (online entries)


def age_problem(round, author):
    """Why an author is outside the round's age range, or None."""
    if round.min_age is None and round.max_age is None:
        return None
    if author.birth_date is None:
        return _("Give the birth date of %(name)s: the contest has an age range.") % {
            "name": author.name
        }
    low, high = round.min_age or 0, round.max_age or 200
    age = Author(birth_date=author.birth_date).age_on(round.age_on)
    if low <= age <= high:
        return None
    return _(
        "%(name)s, born on %(born)s, is %(age)s years old on %(day)s; "
        "the contest is for authors from %(low)s to %(high)s years old."
    ) % {
        "name": author.name,
        "born": format_date(author.birth_date),
        "age": age,
        "day": format_date(round.age_on),
        "low": low,
        "high": high,
    }


def applied_problem(round, year):
    if not round.applied_since:
        return None
    if year is None:
        return _("Say since which year the solution has been applied.")
    if year < round.applied_since:
        return _(
            "The solution has been applied since %(year)s; the round accepts solutions "
            "applied since %(since)s."
        ) % {"year": year, "since": round.applied_since}
    return None


def earlier_problem(round, title):
    """Whether the same title was entered in an earlier round of the contest."""
    if not round.exclude_earlier_entries:
        return None
    key = " ".join(fold(title).split())[:300]
    entry = (
        Entry.objects.filter(
            round__contest=round.contest, round__number__lt=round.number, title_key=key
        )
        .select_related("round")
        .first()
    )
    if entry is not None:
        return _("“%(title)s” was already entered in %(round)s (%(code)s).") % {
            "title": title,
            "round": entry.round.label,
            "code": entry.code,
        }
    return None


def _author_problems(round, authors):
    if not authors:
        return [_("An entry has at least one author.")]
    found = [] if sum(a.is_main for a in authors) == 1 else [_("Mark exactly one main author.")]
    return found + [p for p in (age_problem(round, a) for a in authors) if p]


def refusals(round, data: EntryData):
    """Why an entry cannot enter the round (an empty list when it can), in Vietnamese."""
    found = []
    if data.field.round_id != round.pk:
        found.append(
            _("The field “%(field)s” is not a field of this round.") % {"field": data.field}
        )
    found += _author_problems(round, data.authors)
    if round.residence and not data.resides:
        found.append(
            _("The authors must live, work or study in %(place)s.") % {"place": round.residence}
        )
    later = (applied_problem(round, data.applied_since), earlier_problem(round, data.title))
    return found + [p for p in later if p]


def consent_refusals(round, data: EntryData):
    """What each author's consent lacks, for an entry sent online (paper forms are recorded by
    staff with their date and scan)."""
    return [
        problem
        for a in data.authors
        for problem in consent_problems(a.name, a.birth_date, round.age_on, a.consent)
    ]


def _create(round, data, source, user):
    problems = refusals(round, data)
    if source == EntrySource.ONLINE:
        problems += consent_refusals(round, data)
    if problems:
        raise ValidationError(problems)
    ContestRound.objects.select_for_update().filter(pk=round.pk).first()  # one code at a time
    entry = Entry(
        round=round,
        title=data.title.strip(),
        field=data.field,
        description=data.description.strip(),
        entering_unit=data.entering_unit.strip(),
        applied_since=data.applied_since,
        email=data.email,
        phone=data.phone,
        source=source,
        created_by=user,
    )
    entry.full_clean(exclude=["code"])
    entry.save()
    Author.objects.bulk_create(
        Author(
            entry=entry,
            sort_order=order,
            name=a.name.strip(),
            birth_date=a.birth_date,
            workplace=a.workplace.strip(),
            is_main=a.is_main,
            email=a.email,
            phone=a.phone,
            **consent_fields(a.birth_date, round.age_on, a.consent, data.notice),
        )
        for order, a in enumerate(data.authors)
    )
    records_changed()  # ``bulk_create`` sends no signal
    _keep_consent_forms(entry, data.authors)
    for kind, upload in data.files:
        EntryFile.objects.create(entry=entry, kind=kind, file=upload)
    log(entry, "wagtail.create", user=user)
    if entry.email:
        transaction.on_commit(lambda: send_receipt(entry))
    return entry


def _keep_consent_forms(entry, authors):
    """Store the scans of the paper consent forms with the authors they were given for."""
    saved = {a.sort_order: a for a in entry.authors.all()}
    for order, data in enumerate(authors):
        if data.consent.paper_form:
            author = saved[order]
            author.paper_consent_form.save(data.consent.paper_form.name, data.consent.paper_form)


@transaction.atomic
def submit_entry(*, round, data: EntryData, today=None):
    """A visitor sends an entry from the public site while the round takes entries; it is
    recorded with its authors and files, or refused with every reason."""
    if not round.accepts_entries(today):
        raise ValidationError(_("This round does not accept entries now."))
    return _create(round, data, EntrySource.ONLINE, None)


@transaction.atomic
def record_entry(*, round, data: EntryData, source, user):
    """Staff record an entry sent on paper or imported from Excel, while entries are reviewed."""
    require_round_staff(user, round)
    if round.state not in REVIEWING:
        raise ValidationError(_("This round does not accept entries now."))
    return _create(round, data, source, user)


def send_receipt(entry):
    with translation.override("vi"):
        _send_receipt(entry)


def _send_receipt(entry):
    body = _(
        "Dear %(name)s,\n\n"
        "The organising committee of the %(round)s has received your entry “%(title)s”.\n"
        "Your entry code is %(code)s. Please give it in every message about the entry.\n\n"
        "The results will be published on the union's website."
    ) % {
        "name": entry.main_author.name if entry.main_author else "",
        "round": entry.round,
        "title": entry.title,
        "code": entry.code,
    }
    try:
        send_mail(
            _("Entry received: %(code)s") % {"code": entry.code},
            body,
            settings.DEFAULT_FROM_EMAIL,
            [entry.email],
        )
    except OSError:  # the entry is saved and its code shown; a mail server down must not undo that
        logger.exception("Receipt for %s not sent", entry.code)


@transaction.atomic
def review_entry(*, entry, eligible, reason="", dossier=(), user, on=None):
    """Staff check the dossier and find the entry eligible or ineligible (with the reason)."""
    require_round_staff(user, entry.round)
    if not entry.round.reviews_entries():
        raise ValidationError(_("Entries of this round can no longer be reviewed."))
    if not eligible and not reason.strip():
        raise ValidationError({"reason": _("Say why the entry is not eligible.")})
    if not eligible and entry.assignments.exists():
        raise ValidationError(_("Remove the entry's judges before finding it ineligible."))
    entry.reviewed_on = step_day(on, after=entry.round.opened_on)
    entry.eligible = eligible
    entry.eligibility_reason = "" if eligible else reason.strip()
    entry.dossier = [code for code in DossierItem.values if code in set(dossier)]
    entry.save(update_fields=["eligible", "eligibility_reason", "dossier", "reviewed_on"])
    log(entry, "contests.entry.reviewed", user=user, data={"eligible": eligible})
    return entry


def _review_problem(round, entry, eligible):
    if entry.round_id != round.pk:
        return _("not an entry of this round")
    if not eligible and entry.has_judges:
        return _("remove its judges first")
    return None


@transaction.atomic
def review_entries(*, round, entries, eligible, reason="", user):
    """Staff find a selection of the round's entries eligible, or ineligible for one reason,
    all or none: the refusal names every entry that cannot be so marked. Each entry keeps its
    dossier; each change is logged. Returns how many entries were reviewed."""
    require_round_staff(user, round)
    if not round.reviews_entries():
        raise ValidationError(_("Entries of this round can no longer be reviewed."))
    if not eligible and not reason.strip():
        raise ValidationError({"reason": _("Say why the entry is not eligible.")})
    entries = list(
        Entry.objects.filter(pk__in=[e.pk for e in entries])
        .annotate(has_judges=Exists(Assignment.objects.filter(entry=OuterRef("pk"))))
        .order_by("code")
    )
    bad = [f"{e.code}: {p}" for e in entries if (p := _review_problem(round, e, eligible))]
    if bad:
        raise ValidationError(
            _("Nothing was changed. These entries cannot be marked: %(entries)s")
            % {"entries": "; ".join(bad)}
        )
    for entry in entries:
        entry.eligible = eligible
        entry.eligibility_reason = "" if eligible else reason.strip()
        entry.save(update_fields=["eligible", "eligibility_reason"])
        log(entry, "contests.entry.reviewed", user=user, data={"eligible": eligible})
    return len(entries)
