"""A contest round from launch to national results: entries, eligibility, judging, prizes."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import fmean, pstdev

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import fold, format_count, format_date

from . import rules
from .enums import (
    DEFAULT_CRITERIA,
    DEFAULT_FIELDS,
    LEVELS,
    ROUND_STEPS,
    DossierItem,
    EntrySource,
    PrizeLevel,
    RoundState,
    Stage,
)
from .models import (
    Assignment,
    Author,
    ContestField,
    ContestRound,
    Criterion,
    Entry,
    EntryFile,
    Judge,
    PrizeTier,
    Score,
)

# ---------------------------------------------------------------------------------------------
# Rounds


@dataclass
class SettingsChange:
    """What an edit of a round's settings would do to its fields, criteria and prizes."""

    #: saved fields the edit removes
    removed_fields: list = field(default_factory=list)
    #: names of the criteria the edit adds, removes or gives other maximum points
    criteria: list = field(default_factory=list)
    #: each saved prize tier as (level before, level after or None if removed, count after)
    prizes: list = field(default_factory=list)


def settings_problems(round, change: SettingsChange):
    """Why the change would break what the round's records use, or ``[]``. A field with entries
    and a prize level already awarded stay; once judges have scored, the criteria and their
    maximum points stay too, or earlier scores would count on another scale."""
    problems = []
    for removed in change.removed_fields:
        count = removed.entries.count()
        if count:
            problems.append(
                _("The field “%(name)s” cannot be removed: %(count)s entries are in it.")
                % {"name": removed.name, "count": format_count(count)}
            )
    if change.criteria:
        scored = Score.objects.filter(criterion__round=round).count()
        if scored:
            problems.append(
                _(
                    "Judges have already given %(count)s scores in this round: criteria can no "
                    "longer be added, removed or given other maximum points (%(names)s)."
                )
                % {
                    "count": format_count(scored),
                    "names": ", ".join(f"“{name}”" for name in change.criteria),
                }
            )
    if change.prizes:
        awarded = dict(
            round.entries.exclude(prize="").values_list("prize").annotate(n=Count("pk")).order_by()
        )
        for before, after, count in change.prizes:
            given = awarded.get(before, 0)
            if given and (after != before or count < given):
                problems.append(
                    _(
                        "%(count)s entries have already won the %(level)s: the prize structure "
                        "must keep them."
                    )
                    % {"count": format_count(given), "level": PrizeLevel(before).label}
                )
    return problems


def _require_staff(user, round):
    if user is None:
        return  # the seeding and the command line act as the system
    if not rules.is_staff(user) or not rules.rounds_for(user).filter(pk=round.pk).exists():
        raise PermissionDenied(_("You cannot manage this round."))


def _advance(round, state, user, **fields):
    if ROUND_STEPS.index(state) != ROUND_STEPS.index(round.state) + 1:
        raise ValidationError(
            _("The round cannot move from “%(current)s” to “%(next)s”.")
            % {"current": round.get_state_display(), "next": RoundState(state).label}
        )
    round.state = state
    for name, value in fields.items():
        setattr(round, name, value)
    round.save()
    log(round, f"contests.round.{state}", user=user)
    return round


SETTINGS = [
    "co_organisers",
    "committee",
    "call",
    "min_age",
    "max_age",
    "applied_since",
    "residence",
    "exclude_earlier_entries",
    "two_stages",
    "judges_per_entry",
    "rank_by_normalised",
    "national_quota",
]


@transaction.atomic
def launch_round(*, contest, number, period, launch_date, entry_deadline, user=None, **fields):
    """A new round, with the last round's settings, fields, criteria and prizes copied over.

    The first round of a contest gets the default fields of its kind and the usual criteria.
    """
    previous = contest.rounds.order_by("-number").first()
    values = {name: getattr(previous, name) for name in SETTINGS} if previous else {}
    values.update(fields)
    round = ContestRound(
        contest=contest,
        number=number,
        period=period,
        launch_date=launch_date,
        entry_deadline=entry_deadline,
        **values,
    )
    round.full_clean()
    round.save()
    if previous:
        ContestField.objects.bulk_create(
            ContestField(round=round, name=f.name, sort_order=f.sort_order)
            for f in previous.fields.all()
        )
        Criterion.objects.bulk_create(
            Criterion(round=round, name=c.name, max_points=c.max_points, sort_order=c.sort_order)
            for c in previous.criteria.all()
        )
        PrizeTier.objects.bulk_create(
            PrizeTier(round=round, level=p.level, count=p.count, amount=p.amount)
            for p in previous.prizes.all()
        )
    else:
        ContestField.objects.bulk_create(
            ContestField(round=round, name=name, sort_order=order)
            for order, name in enumerate(DEFAULT_FIELDS[contest.kind], start=1)
        )
        Criterion.objects.bulk_create(
            Criterion(round=round, name=name, max_points=points, sort_order=order)
            for order, (name, points) in enumerate(DEFAULT_CRITERIA, start=1)
        )
        PrizeTier.objects.bulk_create(PrizeTier(round=round, level=level) for level in LEVELS)
    log(round, "wagtail.create", user=user)
    return round


def open_round(*, round, user):
    _require_staff(user, round)
    if not round.fields.exists() or not round.criteria.exists():
        raise ValidationError(_("Give the round its fields and judging criteria first."))
    return _advance(round, RoundState.OPEN, user)


def start_judging(*, round, user):
    _require_staff(user, round)
    unreviewed = round.entries.filter(eligible__isnull=True).count()
    if unreviewed:
        raise ValidationError(
            _("%(count)s entries are not yet found eligible or ineligible.")
            % {"count": format_count(unreviewed)}
        )
    return _advance(round, RoundState.JUDGING, user)


# ---------------------------------------------------------------------------------------------
# Entries


@dataclass
class AuthorData:
    name: str
    birth_date: date | None = None
    workplace: str = ""
    is_main: bool = False
    email: str = ""
    phone: str = ""


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


def refusals(round, data: EntryData):
    """Why an entry cannot enter the round (an empty list when it can), in Vietnamese."""
    found = []
    if data.field.round_id != round.pk:
        found.append(
            _("The field “%(field)s” is not a field of this round.") % {"field": data.field}
        )
    if not data.authors:
        found.append(_("An entry has at least one author."))
    elif sum(a.is_main for a in data.authors) != 1:
        found.append(_("Mark exactly one main author."))
    found += [p for p in (age_problem(round, a) for a in data.authors) if p]
    if round.residence and not data.resides:
        found.append(
            _("The authors must live, work or study in %(place)s.") % {"place": round.residence}
        )
    found += [
        p
        for p in (applied_problem(round, data.applied_since), earlier_problem(round, data.title))
        if p
    ]
    return found


@transaction.atomic
def submit_entry(*, round, data: EntryData, source=EntrySource.ONLINE, user=None, today=None):
    """Record an entry with its authors and files, or refuse it with every reason."""
    if source == EntrySource.ONLINE and not round.accepts_entries(today):
        raise ValidationError(_("This round does not accept entries now."))
    if source != EntrySource.ONLINE:
        _require_staff(user, round)
        if round.state not in (RoundState.OPEN, RoundState.JUDGING):
            raise ValidationError(_("This round does not accept entries now."))
    problems = refusals(round, data)
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
        created_by=user if user and user.is_authenticated else None,
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
        )
        for order, a in enumerate(data.authors)
    )
    for kind, upload in data.files:
        EntryFile.objects.create(entry=entry, kind=kind, file=upload)
    log(entry, "wagtail.create", user=user if user and user.is_authenticated else None)
    if entry.email:
        transaction.on_commit(lambda: send_receipt(entry))
    return entry


def send_receipt(entry):
    import logging

    from django.conf import settings
    from django.core.mail import send_mail
    from django.utils import translation

    with translation.override("vi"):
        _send_receipt(entry, settings, send_mail, logging)


def _send_receipt(entry, settings, send_mail, logging):
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
        logging.getLogger(__name__).exception("Receipt for %s not sent", entry.code)


@transaction.atomic
def review_entry(*, entry, eligible, reason="", dossier=(), user):
    """Staff check the dossier and find the entry eligible or ineligible (with the reason)."""
    _require_staff(user, entry.round)
    if not entry.round.reviews_entries():
        raise ValidationError(_("Entries of this round can no longer be reviewed."))
    if not eligible and not reason.strip():
        raise ValidationError({"reason": _("Say why the entry is not eligible.")})
    if not eligible and entry.assignments.exists():
        raise ValidationError(_("Remove the entry's judges before finding it ineligible."))
    entry.eligible = eligible
    entry.eligibility_reason = "" if eligible else reason.strip()
    entry.dossier = [code for code in DossierItem.values if code in set(dossier)]
    entry.save(update_fields=["eligible", "eligibility_reason", "dossier"])
    log(entry, "contests.entry.reviewed", user=user, data={"eligible": eligible})
    return entry


# ---------------------------------------------------------------------------------------------
# Judges and assignments


def _require_judging(round):
    if round.state != RoundState.JUDGING:
        raise ValidationError(_("The round is not being judged."))


def add_judge(*, round, field, person, user, chair=False):
    _require_staff(user, round)
    if person.account_id is None:
        raise ValidationError(
            _("%(name)s has no login; a judge needs one to score.") % {"name": person}
        )
    judge = Judge(round=round, field=field, person=person, chair=chair)
    judge.full_clean()
    judge.save()
    from lienhiep.directory import roles

    person.account.groups.add(roles.group(roles.JUDGE))
    log(judge, "wagtail.create", user=user)
    return judge


def candidates(round, stage):
    """The entries to be judged at ``stage``: eligible ones, and only finalists in the final."""
    entries = round.entries.filter(eligible=True)
    return entries.filter(finalist=True) if stage == Stage.FINAL else entries


@transaction.atomic
def assign_automatically(*, round, stage=Stage.PRELIMINARY, user):
    """Give every entry of each field its judges from the field's panel, balancing the load.

    Existing assignments are kept; a judge who declared a conflict on an entry, at any stage,
    is never assigned it again. Returns the number of assignments made.
    """
    _require_staff(user, round)
    _require_judging(round)
    judges_by_field = {}
    for judge in round.judges.all():
        judges_by_field.setdefault(judge.field_id, []).append(judge)
    existing = {}
    load = dict.fromkeys((j.pk for js in judges_by_field.values() for j in js), 0)
    for entry_id, judge_id, conflict in Assignment.objects.filter(
        entry__round=round, stage=stage
    ).values_list("entry_id", "judge_id", "conflict"):
        existing.setdefault(entry_id, {})[judge_id] = conflict
        if not conflict:
            load[judge_id] = load.get(judge_id, 0) + 1
    conflicts = set(
        Assignment.objects.filter(entry__round=round, conflict=True).values_list(
            "entry_id", "judge_id"
        )
    )
    made = []
    for entry in candidates(round, stage).order_by("code"):
        panel = judges_by_field.get(entry.field_id, [])
        mine = existing.get(entry.pk, {})
        wanted = round.judges_per_entry - sum(1 for c in mine.values() if not c)
        free = sorted(
            (j for j in panel if j.pk not in mine and (entry.pk, j.pk) not in conflicts),
            key=lambda j: (load[j.pk], j.pk),
        )
        for judge in free[: max(wanted, 0)]:
            made.append(Assignment(entry=entry, judge=judge, stage=stage))
            load[judge.pk] += 1
    Assignment.objects.bulk_create(made)
    log(round, "contests.round.assigned", user=user, data={"assignments": len(made)})
    return len(made)


def assign(*, entry, judge, stage=Stage.PRELIMINARY, user):
    _require_staff(user, entry.round)
    _require_judging(entry.round)
    if judge.round_id != entry.round_id or judge.field_id != entry.field_id:
        raise ValidationError(_("The judge sits on another field's panel."))
    if not entry.eligible:
        raise ValidationError(_("Only eligible entries are judged."))
    if entry.assignments.filter(judge=judge, conflict=True).exists():
        raise ValidationError(_("The judge declared a conflict of interest on this entry."))
    assignment, created = Assignment.objects.get_or_create(entry=entry, judge=judge, stage=stage)
    if not created:
        raise ValidationError(_("The judge is already assigned to this entry."))
    log(entry, "contests.entry.assigned", user=user, data={"judge": str(judge)})
    return assignment


def unassign(*, assignment, user):
    _require_staff(user, assignment.entry.round)
    if assignment.scored_at:
        raise ValidationError(_("The judge has already scored this entry."))
    log(
        assignment.entry,
        "contests.entry.unassigned",
        user=user,
        data={"judge": str(assignment.judge)},
    )
    assignment.delete()


def _require_open_stage(assignment):
    """Once the finalists are chosen, the preliminary stage they were chosen from is closed."""
    round = assignment.entry.round
    if (
        assignment.stage == Stage.PRELIMINARY
        and round.two_stages
        and round.entries.filter(finalist=True).exists()
    ):
        raise ValidationError(
            _("The preliminary stage is closed: the finalists have been chosen from its scores.")
        )


@transaction.atomic
def declare_conflict(*, assignment, user, reason):
    """The judge steps aside; the least-loaded free judge of the panel takes the entry."""
    if assignment.judge.person.account_id != user.pk:
        raise PermissionDenied(_("This entry is not assigned to you."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the conflict of interest is.")})
    _require_judging(assignment.entry.round)
    _require_open_stage(assignment)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.conflict:
        raise ValidationError(_("You declared a conflict of interest on this entry."))
    assignment.conflict, assignment.conflict_reason = True, reason.strip()
    assignment.total, assignment.scored_at = None, None
    assignment.save()
    assignment.scores.all().delete()
    log(assignment.entry, "contests.entry.conflict", user=user, data={"reason": reason.strip()})
    taken = Assignment.objects.filter(entry=assignment.entry, stage=assignment.stage).values(
        "judge"
    )
    conflicted = Assignment.objects.filter(entry=assignment.entry, conflict=True).values("judge")
    replacement = (
        Judge.objects.filter(round=assignment.entry.round, field=assignment.entry.field)
        .exclude(pk__in=taken)
        .exclude(pk__in=conflicted)
        .annotate(load=Count("assignments"))
        .order_by("load", "pk")
        .first()
    )
    if replacement is None:
        return None
    return Assignment.objects.create(
        entry=assignment.entry, judge=replacement, stage=assignment.stage
    )


@transaction.atomic
def score(*, assignment, user, points: dict):
    """The judge's points on each criterion of the round (``{criterion id: points}``)."""
    if assignment.judge.person.account_id != user.pk:
        raise PermissionDenied(_("This entry is not assigned to you."))
    _require_judging(assignment.entry.round)
    _require_open_stage(assignment)
    assignment.refresh_from_db(fields=["conflict"])
    if assignment.conflict:
        raise ValidationError(_("You declared a conflict of interest on this entry."))
    problems = []
    values = []
    for criterion in assignment.entry.round.criteria.all():
        value = points.get(criterion.pk)
        if value is None or value == "":
            problems.append(_("Give the points for “%(name)s”.") % {"name": criterion.name})
            continue
        try:
            value = Decimal(str(value).replace(",", "."))
        except ArithmeticError:
            problems.append(_("“%(value)s” is not a number.") % {"value": value})
            continue
        if not value.is_finite():
            problems.append(_("“%(value)s” is not a number.") % {"value": value})
            continue
        if not 0 <= value <= criterion.max_points:
            problems.append(
                _("The points for “%(name)s” are from 0 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_points}
            )
            continue
        values.append(Score(assignment=assignment, criterion=criterion, points=value))
    if problems:
        raise ValidationError(problems)
    assignment.scores.all().delete()
    Score.objects.bulk_create(values)
    assignment.total = sum(s.points for s in values)
    assignment.scored_at = timezone.now()
    assignment.save(update_fields=["total", "scored_at"])
    log(assignment.entry, "contests.entry.scored", user=user)
    return assignment


# ---------------------------------------------------------------------------------------------
# Ranking


@dataclass
class Ranked:
    entry: Entry
    scores: int
    mean: float | None
    normalised: float | None
    rank: int = 0


def ranking(round, stage=None):
    """Every candidate of the stage with its judges' mean and the mean of normalised scores.

    A judge's totals are standardised against their own mean and spread (a strict judge and a
    lenient one count alike), then brought back to the points scale of the whole stage.
    Returns ``{field: [Ranked, …]}`` ordered by the round's ranking key; three queries.
    """
    stage = stage or round.final_stage
    rows = list(
        Assignment.objects.filter(
            entry__round=round, stage=stage, conflict=False, total__isnull=False
        ).values_list("entry_id", "judge_id", "total")
    )
    by_judge, by_entry = {}, {}
    for entry_id, judge_id, total in rows:
        by_judge.setdefault(judge_id, []).append(float(total))
        by_entry.setdefault(entry_id, []).append((judge_id, float(total)))
    every = [float(total) for _e, _j, total in rows]
    centre, spread = (fmean(every), pstdev(every)) if every else (0.0, 0.0)
    judge_stats = {j: (fmean(t), pstdev(t)) for j, t in by_judge.items()}

    def normalised(pairs):
        z = [
            (t - judge_stats[j][0]) / judge_stats[j][1] if judge_stats[j][1] else 0.0
            for j, t in pairs
        ]
        return centre + spread * fmean(z)

    fields = {f.pk: f for f in round.fields.all()}
    result = {f: [] for f in fields.values()}
    for entry in candidates(round, stage).order_by("code"):
        pairs = by_entry.get(entry.pk, [])
        result[fields[entry.field_id]].append(
            Ranked(
                entry=entry,
                scores=len(pairs),
                mean=fmean(t for _j, t in pairs) if pairs else None,
                normalised=normalised(pairs) if pairs else None,
            )
        )
    key = _key(round)
    for ranked in result.values():
        ranked.sort(key=key)
        for position, row in enumerate(ranked, start=1):
            row.rank = position if row.mean is not None else 0
    return result


def _key(round):
    first, second = ("normalised", "mean") if round.rank_by_normalised else ("mean", "normalised")
    return lambda row: (
        getattr(row, first) is None,
        -(getattr(row, first) or 0),
        -(getattr(row, second) or 0),
        row.entry.code,
    )


@transaction.atomic
def choose_finalists(*, round, per_field, user):
    """In a two-stage round, the best ``per_field`` entries of each field go to the final."""
    _require_staff(user, round)
    _require_judging(round)
    if not round.two_stages:
        raise ValidationError(_("This round has a single stage of judging."))
    if per_field < 1:
        raise ValidationError(_("Choose at least one finalist per field."))
    chosen = [
        row.entry.pk
        for rows in ranking(round, Stage.PRELIMINARY).values()
        for row in rows[:per_field]
        if row.mean is not None
    ]
    round.entries.update(finalist=False)
    round.entries.filter(pk__in=chosen).update(finalist=True)
    log(round, "contests.round.finalists", user=user, data={"finalists": len(chosen)})
    return len(chosen)


# ---------------------------------------------------------------------------------------------
# Prizes and results


def structure(round):
    """``{level: count}`` of the round's prize structure, every level present."""
    counts = dict.fromkeys(LEVELS, 0)
    counts.update({PrizeLevel(p.level): p.count for p in round.prizes.all()})
    return counts


@transaction.atomic
def propose_prizes(*, round, user):
    """Give prizes down the round's ranking, highest level first, within the prize structure."""
    _require_staff(user, round)
    _require_judging(round)
    waiting = Assignment.objects.filter(
        entry__round=round, stage=round.final_stage, conflict=False, total__isnull=True
    ).count()
    if waiting:
        raise ValidationError(
            _(
                "%(count)s assignments are not scored yet: prizes are proposed from the ranking "
                "once every judge has scored."
            )
            % {"count": format_count(waiting)}
        )
    rows = [row for rows in ranking(round).values() for row in rows if row.mean is not None]
    rows.sort(key=_key(round))
    slots = [level for level, count in structure(round).items() for _n in range(count)]
    round.entries.update(prize="")
    for row, level in zip(rows, slots, strict=False):
        Entry.objects.filter(pk=row.entry.pk).update(prize=level)
    log(round, "contests.round.proposed", user=user)
    return min(len(rows), len(slots))


def set_prize(*, entry, level, user):
    """The committee changes one entry's prize; a level never holds more than its count."""
    round = entry.round
    _require_staff(user, round)
    _require_judging(round)
    if level and level not in PrizeLevel.values:
        raise ValidationError(_("Choose a prize level."))
    if level:
        if not entry.eligible:
            raise ValidationError(_("Only eligible entries win prizes."))
        allowed = structure(round)[PrizeLevel(level)]
        taken = round.entries.filter(prize=level).exclude(pk=entry.pk).count()
        if taken >= allowed:
            raise ValidationError(
                _("The round has %(count)s prizes of this level and they are all given.")
                % {"count": format_count(allowed)}
            )
    entry.prize = level or ""
    entry.save(update_fields=["prize"])
    log(entry, "contests.entry.prize", user=user, data={"prize": entry.prize})
    return entry


def approve_prizes(*, round, user, number):
    _require_staff(user, round)
    if not number.strip():
        raise ValidationError(_("Give the number of the committee's decision."))
    return _advance(round, RoundState.AWARDED, user, approval_number=number.strip())


def publish_results(*, round, user, day=None):
    from lienhiep.website.caching import invalidate

    _require_staff(user, round)
    _advance(round, RoundState.PUBLISHED, user, results_published_on=day or date.today())
    transaction.on_commit(invalidate)
    return round


def winners(round):
    """The awarded entries, highest prize first, with authors and files in two more queries."""
    order = {level.value: index for index, level in enumerate(LEVELS)}
    entries = list(
        round.entries.exclude(prize="").select_related("field").prefetch_related("authors", "files")
    )
    return sorted(entries, key=lambda e: (order[e.prize], e.code))


# ---------------------------------------------------------------------------------------------
# National round


def _require_results(round):
    if round.state != RoundState.PUBLISHED:
        raise ValidationError(_("Publish the round's results first."))


def forward(*, entry, user, forwarded=True):
    round = entry.round
    _require_staff(user, round)
    _require_results(round)
    if forwarded and not entry.eligible:
        raise ValidationError(_("Only eligible entries are forwarded."))
    if forwarded and round.national_quota is not None:
        sent = round.entries.filter(forwarded=True).exclude(pk=entry.pk).count()
        if sent >= round.national_quota:
            raise ValidationError(
                _("The national round takes at most %(count)s entries from the province.")
                % {"count": format_count(round.national_quota)}
            )
    if not forwarded and entry.national_prize:
        raise ValidationError(_("The entry already has a national result."))
    entry.forwarded = forwarded
    entry.save(update_fields=["forwarded"])
    log(entry, "contests.entry.forwarded", user=user, data={"forwarded": forwarded})
    return entry


def record_national_result(*, entry, level, user):
    _require_staff(user, entry.round)
    _require_results(entry.round)
    if not entry.forwarded:
        raise ValidationError(_("The entry was not forwarded to the national round."))
    if level and level not in PrizeLevel.values:
        raise ValidationError(_("Choose a prize level."))
    entry.national_prize = level or ""
    entry.save(update_fields=["national_prize"])
    log(entry, "contests.entry.national", user=user, data={"prize": entry.national_prize})
    return entry


def close_round(*, round, user):
    _require_staff(user, round)
    return _advance(round, RoundState.CLOSED, user)


# ---------------------------------------------------------------------------------------------
# Figures of one round


@dataclass
class RoundFigures:
    entries: int
    eligible: int
    by_field: list  # [(field name, entries, eligible)]
    prizes: dict  # {PrizeLevel: count}
    forwarded: int
    national: dict  # {PrizeLevel: count}

    @property
    def prize_total(self):
        return sum(self.prizes.values())

    @property
    def national_total(self):
        return sum(self.national.values())


def round_figures(round):
    """The round's figures, counted from its entries in three queries."""
    from django.db.models import Q

    by_field = list(
        round.fields.annotate(
            n=Count("entries"), ok=Count("entries", filter=Q(entries__eligible=True))
        ).values_list("name", "n", "ok")
    )
    prizes = dict.fromkeys(LEVELS, 0)
    national = dict.fromkeys(LEVELS, 0)
    forwarded = 0
    for prize, national_prize, sent, n in (
        round.entries.order_by()
        .values_list("prize", "national_prize", "forwarded")
        .annotate(n=Count("pk"))
    ):
        if prize:
            prizes[PrizeLevel(prize)] += n
        if national_prize:
            national[PrizeLevel(national_prize)] += n
        forwarded += n if sent else 0
    return RoundFigures(
        entries=sum(n for _f, n, _o in by_field),
        eligible=sum(o for _f, _n, o in by_field),
        by_field=by_field,
        prizes=prizes,
        forwarded=forwarded,
        national=national,
    )
