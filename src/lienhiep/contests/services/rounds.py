"""A round's life: launched from the last one, opened for entries, judged, closed."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import format_count

from .. import queries
from ..enums import DEFAULT_CRITERIA, DEFAULT_FIELDS, DEFAULT_PRIZES, LEVELS, PrizeLevel, RoundState
from ..models import ContestField, ContestRound, Criterion, PrizeTier, Score
from .base import require_contest_staff, require_round_staff, step


@dataclass
class SettingsChange:
    """What an edit of a round's settings would do to its fields, criteria and prizes."""

    #: saved fields the edit removes
    removed_fields: list = field(default_factory=list)
    #: names of the criteria the edit adds, removes or gives other maximum points
    criteria: list = field(default_factory=list)
    #: each saved prize tier as (level before, level after or None if removed, count after)
    prizes: list = field(default_factory=list)


def _field_problems(removed_fields):
    for removed in removed_fields:
        count = removed.entries.count()
        if count:
            yield _("The field “%(name)s” cannot be removed: %(count)s entries are in it.") % {
                "name": removed.name,
                "count": format_count(count),
            }


def _criteria_problems(round, criteria):
    scored = Score.objects.filter(criterion__round=round).count() if criteria else 0
    if scored:
        yield _(
            "Judges have already given %(count)s scores in this round: criteria can no "
            "longer be added, removed or given other maximum points (%(names)s)."
        ) % {
            "count": format_count(scored),
            "names": ", ".join(f"“{name}”" for name in criteria),
        }


def _prize_problems(round, prizes):
    awarded = queries.awarded(round) if prizes else {}
    for before, after, count in prizes:
        given = awarded.get(before, 0)
        if given and (after != before or count < given):
            yield _(
                "%(count)s entries have already won the %(level)s: the prize structure "
                "must keep them."
            ) % {"count": format_count(given), "level": PrizeLevel(before).label}


def settings_problems(round, change: SettingsChange):
    """Why the change would break what the round's records use, or ``[]``. A field with entries
    and a prize level already awarded stay; once judges have scored, the criteria and their
    maximum points stay too, or earlier scores would count on another scale."""
    return [
        *_field_problems(change.removed_fields),
        *_criteria_problems(round, change.criteria),
        *_prize_problems(round, change.prizes),
    ]


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


def _copy_children(round, previous):
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


def _default_children(round, kind):
    ContestField.objects.bulk_create(
        ContestField(round=round, name=name, sort_order=order)
        for order, name in enumerate(DEFAULT_FIELDS[kind], start=1)
    )
    Criterion.objects.bulk_create(
        Criterion(round=round, name=name, max_points=points, sort_order=order)
        for order, (name, points) in enumerate(DEFAULT_CRITERIA, start=1)
    )
    PrizeTier.objects.bulk_create(
        PrizeTier(round=round, level=level, count=DEFAULT_PRIZES[level]) for level in LEVELS
    )


@transaction.atomic
def launch_round(*, contest, number, period, launch_date, entry_deadline, user, **fields):
    """A new round, with the last round's settings, fields, criteria and prizes copied over.

    The first round of a contest gets the default fields of its kind, the usual criteria and
    prize structure (``enums.DEFAULT_PRIZES``).
    """
    require_contest_staff(user, contest)
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
        _copy_children(round, previous)
    else:
        _default_children(round, contest.kind)
    log(round, "wagtail.create", user=user)
    return round


@transaction.atomic
def open_round(*, round, user, on=None):
    require_round_staff(user, round)
    if not round.fields.exists() or not round.criteria.exists():
        raise ValidationError(_("Give the round its fields and judging criteria first."))
    return step(round, RoundState.OPEN, user=user, on=on)


@transaction.atomic
def start_judging(*, round, user, on=None):
    require_round_staff(user, round)
    unreviewed = round.entries.filter(eligible__isnull=True).count()
    if unreviewed:
        raise ValidationError(
            _("%(count)s entries are not yet found eligible or ineligible.")
            % {"count": format_count(unreviewed)}
        )
    reviewed = round.entries.aggregate(last=Max("reviewed_on"))["last"]
    return step(round, RoundState.JUDGING, user=user, on=on, after=reviewed)


@transaction.atomic
def close_round(*, round, user, on=None):
    require_round_staff(user, round)
    return step(round, RoundState.CLOSED, user=user, on=on)
