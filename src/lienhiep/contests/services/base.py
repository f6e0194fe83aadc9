"""What every contest command checks first: who acts, and what state the round is in."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lienhiep.core.signals import public_content_changed
from lienhiep.core.transitions import advance, following, latest, step_day
from lienhiep.directory.rules import require_staff

from .. import rules
from ..enums import RESULT_STATES, ROUND_STEPS, RoundState
from ..models import ContestRound


def _require_staff(user, obj, visible):
    """Only staff of the union change its contests; nobody acts without a user."""
    message = _("You cannot manage this round.")
    if user is None:
        raise PermissionDenied(message)
    require_staff(user, obj, visible(user), message)


def require_round_staff(user, round):
    _require_staff(user, round, rules.rounds_for)


def require_contest_staff(user, contest):
    _require_staff(user, contest, rules.contests_for)


def require_scorable(round):
    if not round.scorable:
        raise ValidationError(_("The round is not being judged."))


def require_results(round):
    if round.state not in RESULT_STATES:
        raise ValidationError(_("Publish the round's results first."))


def public_changed(round):
    """Once committed, tell the public site that the round's pages show something new."""
    paths = [reverse("contest_index"), reverse("contest_round", args=[round.slug])]
    transaction.on_commit(lambda: public_content_changed.send(sender=ContestRound, paths=paths))


#: the field that dates each step of a round
STEP_DATES = {
    RoundState.OPEN: "opened_on",
    RoundState.JUDGING: "judging_started_on",
    RoundState.AWARDED: "awarded_on",
    RoundState.PUBLISHED: "results_published_on",
    RoundState.CLOSED: "closed_on",
}


def previous_day(round, to):
    """The date of the step ``round`` reaches ``to`` from (None for the first)."""
    before = following(ROUND_STEPS, to)
    return getattr(round, STEP_DATES.get(before[0], ""), None) if before else None


def step(round, to, *, user, on=None, after=None, **fields):
    """Move the round one step along ``ROUND_STEPS``, dated ``on`` (today by default, not before
    the step before nor ``after``), logged as ``contests.round.<state>``."""
    day = step_day(on, after=latest(previous_day(round, to), after))
    advance(
        round,
        to,
        allowed_from=following(ROUND_STEPS, to),
        user=user,
        action=f"contests.round.{to}",
        **{STEP_DATES[to]: day},
        **fields,
    )
    public_changed(round)
    return round
