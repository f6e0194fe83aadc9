"""Prizes: proposed down the ranking, corrected one by one, approved, and the results published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import format_count
from lienhiep.core.generation import records_changed

from .. import queries
from ..enums import PrizeLevel, RoundState
from ..models import Entry
from .base import require_round_staff, require_scorable, step


@transaction.atomic
def propose_prizes(*, round, user):
    """Give prizes down the round's ranking, highest level first, within the prize structure."""
    require_round_staff(user, round)
    require_scorable(round)
    waiting = queries.unscored(round)
    if waiting:
        raise ValidationError(
            _(
                "%(count)s assignments are not scored yet: prizes are proposed from the ranking "
                "once every judge has scored."
            )
            % {"count": format_count(waiting)}
        )
    rows = [row for rows in queries.ranking(round).values() for row in rows if row.mean is not None]
    rows.sort(key=queries.ranking_key(round))
    slots = [level for level, count in queries.structure(round).items() for _n in range(count)]
    round.entries.update(prize="")
    for row, level in zip(rows, slots, strict=False):
        Entry.objects.filter(pk=row.entry.pk).update(prize=level)
    records_changed()  # ``update()`` sends no signal
    log(round, "contests.round.proposed", user=user)
    return min(len(rows), len(slots))


def _require_prize_free(entry, level):
    if not entry.eligible:
        raise ValidationError(_("Only eligible entries win prizes."))
    allowed = queries.structure(entry.round)[PrizeLevel(level)]
    taken = entry.round.entries.filter(prize=level).exclude(pk=entry.pk).count()
    if taken >= allowed:
        raise ValidationError(
            _("The round has %(count)s prizes of this level and they are all given.")
            % {"count": format_count(allowed)}
        )


@transaction.atomic
def set_prize(*, entry, level, user):
    """The committee changes one entry's prize; a level never holds more than its count."""
    require_round_staff(user, entry.round)
    require_scorable(entry.round)
    if level and level not in PrizeLevel.values:
        raise ValidationError(_("Choose a prize level."))
    if level:
        _require_prize_free(entry, level)
    entry.prize = level or ""
    entry.save(update_fields=["prize"])
    log(entry, "contests.entry.prize", user=user, data={"prize": entry.prize})
    return entry


@transaction.atomic
def approve_prizes(*, round, user, number, on=None):
    """The committee's decision on the prizes: only once judges have scored the round's entries."""
    require_round_staff(user, round)
    if not queries.has_scores(round):
        raise ValidationError(
            _("No judge has scored an entry of this round yet: the prizes cannot be approved.")
        )
    if not number.strip():
        raise ValidationError(_("Give the number of the committee's decision."))
    return step(round, RoundState.AWARDED, user=user, on=on, approval_number=number.strip())


@transaction.atomic
def publish_results(*, round, user, on=None):
    """The results go public ``on`` a day (today by default); the public pages are refreshed."""
    require_round_staff(user, round)
    return step(round, RoundState.PUBLISHED, user=user, on=on)
