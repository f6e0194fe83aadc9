"""The personal data the contests hold (``privacy.holders``): the authors of entries, and the
judges with their scores (the records of the judge).

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
from lienhiep.privacy.people import ids_named
from lienhiep.privacy.services import settings_of

from .enums import FileKind, RoundState
from .models import Author, ContestRound, Entry, Judge


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


#: the round's results are approved or published: the scores behind them are kept
DECIDED_STATES = (RoundState.AWARDED, RoundState.PUBLISHED, RoundState.CLOSED)


def find_judges(request):
    named = ids_named(request)
    return list(
        Judge.objects.filter(round__contest__union=request.union, person__in=named)
        .select_related("round__contest", "field", "person")
        .order_by("pk")
    )


def _scores(judge):
    """One line per entry the judge scored: its code, stage, total and points per criterion."""
    lines = []
    for assignment in judge.assignments.select_related("entry").prefetch_related(
        "scores__criterion"
    ):
        points = ", ".join(f"{s.criterion.name}: {s.points}" for s in assignment.scores.all())
        conflict = f" ({assignment.conflict_reason})" if assignment.conflict else ""
        total = assignment.total if assignment.total is not None else ""
        lines.append(
            f"{assignment.entry.code} – {assignment.get_stage_display()} – {total}"
            f"{conflict} [{points}]"
        )
    return lines


def describe_judge(judge):
    return [
        (_("Round"), f"{judge.round.contest.name} {judge.round.label}"),
        (_("Field"), str(judge.field)),
        (_("Judge"), judge.person.full_name),
        (_("Chair of the panel"), _("yes") if judge.chair else _("no")),
        (_("Scores"), "; ".join(_scores(judge))),
    ]


def erase_judge(judge, user):
    label = _("Judge of %(field)s, %(round)s") % {"field": judge.field, "round": judge.round.label}
    scored = judge.assignments.filter(scored_at__isnull=False).exists()
    if judge.round.state in DECIDED_STATES or scored:
        return Outcome(
            label,
            "kept",
            _("The judge's scores decide the round's results, a legal record: kept."),
        )
    log(judge.round, "privacy.record.removed", user=user, data={"record": label})
    judge.delete()
    return Outcome(label, "removed", _("The judge had scored nothing; removed from the panel."))


JUDGES = Holder(
    label=gettext_lazy("Contest judges"),
    find=find_judges,
    describe=describe_judge,
    erase=erase_judge,
    logged={Judge: "round__contest__union"},
)
