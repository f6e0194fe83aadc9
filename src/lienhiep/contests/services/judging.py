"""Judging: panels of judges, assignments, conflicts of interest, scores and finalists."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.generation import records_changed
from lienhiep.directory import roles
from lienhiep.directory.seating import require_login

from .. import queries
from ..enums import Stage
from ..models import Assignment, Judge, Score
from .base import require_round_staff, require_scorable


@transaction.atomic
def add_judge(*, round, field, person, user, chair=False):
    require_round_staff(user, round)
    require_login(person, _("%(name)s has no login; a judge needs one to score."), roles.JUDGE)
    judge = Judge(round=round, field=field, person=person, chair=chair)
    judge.full_clean()
    judge.save()
    log(judge, "wagtail.create", user=user)
    return judge


def _existing(round, stage):
    """``({entry id: {judge id: conflict}}, {judge id: assignments without conflict})``."""
    existing, load = {}, {}
    for entry_id, judge_id, conflict in Assignment.objects.filter(
        entry__round=round, stage=stage
    ).values_list("entry_id", "judge_id", "conflict"):
        existing.setdefault(entry_id, {})[judge_id] = conflict
        if not conflict:
            load[judge_id] = load.get(judge_id, 0) + 1
    return existing, load


@transaction.atomic
def assign_automatically(*, round, stage=Stage.PRELIMINARY, user):
    """Give every entry of each field its judges from the field's panel, balancing the load.

    Existing assignments are kept; a judge who declared a conflict on an entry, at any stage,
    is never assigned it again. Returns the number of assignments made.
    """
    require_round_staff(user, round)
    require_scorable(round)
    judges_by_field = {}
    for judge in round.judges.all():
        judges_by_field.setdefault(judge.field_id, []).append(judge)
    existing, counted = _existing(round, stage)
    load = {j.pk: counted.get(j.pk, 0) for js in judges_by_field.values() for j in js}
    conflicts = set(
        Assignment.objects.filter(entry__round=round, conflict=True).values_list(
            "entry_id", "judge_id"
        )
    )
    made = []
    for entry in queries.candidates(round, stage).order_by("code"):
        mine = existing.get(entry.pk, {})
        wanted = round.judges_per_entry - sum(1 for c in mine.values() if not c)
        free = sorted(
            (
                j
                for j in judges_by_field.get(entry.field_id, [])
                if j.pk not in mine and (entry.pk, j.pk) not in conflicts
            ),
            key=lambda j: (load[j.pk], j.pk),
        )
        for judge in free[: max(wanted, 0)]:
            made.append(Assignment(entry=entry, judge=judge, stage=stage))
            load[judge.pk] += 1
    Assignment.objects.bulk_create(made)
    log(round, "contests.round.assigned", user=user, data={"assignments": len(made)})
    return len(made)


@transaction.atomic
def assign(*, entry, judge, stage=Stage.PRELIMINARY, user):
    require_round_staff(user, entry.round)
    require_scorable(entry.round)
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


@transaction.atomic
def unassign(*, assignment, user):
    require_round_staff(user, assignment.entry.round)
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


def _require_own(assignment, user):
    if user is None or assignment.judge.person.account_id != user.pk:
        raise PermissionDenied(_("This entry is not assigned to you."))


def _replacement(assignment):
    """The least-loaded judge of the entry's panel not yet on it and without a conflict."""
    taken = Assignment.objects.filter(entry=assignment.entry, stage=assignment.stage).values(
        "judge"
    )
    conflicted = Assignment.objects.filter(entry=assignment.entry, conflict=True).values("judge")
    return (
        Judge.objects.filter(round=assignment.entry.round, field=assignment.entry.field)
        .exclude(pk__in=taken)
        .exclude(pk__in=conflicted)
        .annotate(load=Count("assignments"))
        .order_by("load", "pk")
        .first()
    )


@transaction.atomic
def declare_conflict(*, assignment, user, reason):
    """The judge steps aside; the least-loaded free judge of the panel takes the entry."""
    _require_own(assignment, user)
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the conflict of interest is.")})
    require_scorable(assignment.entry.round)
    _require_open_stage(assignment)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.conflict:
        raise ValidationError(_("You declared a conflict of interest on this entry."))
    assignment.conflict, assignment.conflict_reason = True, reason.strip()
    assignment.total, assignment.scored_at = None, None
    assignment.save()
    assignment.scores.all().delete()
    log(assignment.entry, "contests.entry.conflict", user=user, data={"reason": reason.strip()})
    replacement = _replacement(assignment)
    if replacement is None:
        return None
    return Assignment.objects.create(
        entry=assignment.entry, judge=replacement, stage=assignment.stage
    )


def _points(criterion, value):
    """``(Decimal points, None)`` or ``(None, the problem)`` for one criterion's value."""
    if value is None or value == "":
        return None, _("Give the points for “%(name)s”.") % {"name": criterion.name}
    try:
        points = Decimal(str(value).replace(",", "."))
    except ArithmeticError:
        return None, _("“%(value)s” is not a number.") % {"value": value}
    if not points.is_finite():
        return None, _("“%(value)s” is not a number.") % {"value": points}
    if not 0 <= points <= criterion.max_points:
        return None, _("The points for “%(name)s” are from 0 to %(max)s.") % {
            "name": criterion.name,
            "max": criterion.max_points,
        }
    return points, None


@transaction.atomic
def score(*, assignment, user, points: dict):
    """The judge's points on each criterion of the round (``{criterion id: points}``)."""
    _require_own(assignment, user)
    require_scorable(assignment.entry.round)
    _require_open_stage(assignment)
    assignment.refresh_from_db(fields=["conflict"])
    if assignment.conflict:
        raise ValidationError(_("You declared a conflict of interest on this entry."))
    problems, values = [], []
    for criterion in assignment.entry.round.criteria.all():
        value, problem = _points(criterion, points.get(criterion.pk))
        if problem:
            problems.append(problem)
        else:
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


@transaction.atomic
def choose_finalists(*, round, per_field, user):
    """In a two-stage round, the best ``per_field`` entries of each field go to the final."""
    require_round_staff(user, round)
    require_scorable(round)
    if not round.two_stages:
        raise ValidationError(_("This round has a single stage of judging."))
    if per_field < 1:
        raise ValidationError(_("Choose at least one finalist per field."))
    chosen = [
        row.entry.pk
        for rows in queries.ranking(round, Stage.PRELIMINARY).values()
        for row in rows[:per_field]
        if row.mean is not None
    ]
    round.entries.update(finalist=False)
    round.entries.filter(pk__in=chosen).update(finalist=True)
    records_changed()  # ``update()`` sends no signal
    log(round, "contests.round.finalists", user=user, data={"finalists": len(chosen)})
    return len(chosen)
