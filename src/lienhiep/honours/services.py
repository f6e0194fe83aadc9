"""The honouring round: nominations, eligibility, council votes, proposal and decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.signals import public_content_changed
from lienhiep.core.transitions import advance, following
from lienhiep.directory.rules import require_staff

from . import rules
from .enums import (
    NOMINATING_STATES,
    ROUND_STEPS,
    THRESHOLDS,
    VOTING_STATES,
    CommendationForm,
    IssuerKind,
    RoundState,
)
from .models import Commendation, CommendationDecision, Nomination, Vote


def _after(state):
    """The step a round reaches ``state`` from."""
    return following(ROUND_STEPS, state)


def _require_staff(user, round):
    require_staff(user, round, rules.rounds_for(user), _("You cannot manage this round."))


@transaction.atomic
def nominate(*, round, nominee, unit, user, **dossier):
    """Nominate a person for a unit the user may act for, within the round's quota."""
    if not rules.can_nominate(user, unit):
        raise PermissionDenied(_("You can nominate only for your own organisation."))
    if round.state not in NOMINATING_STATES:
        raise ValidationError(_("Nominations for this round are closed."))
    if Nomination.objects.filter(round=round, nominating_unit=unit).count() >= round.quota_per_unit:
        raise ValidationError(
            _("%(unit)s has already made its %(quota)s nominations for this round.")
            % {"unit": unit.name, "quota": round.quota_per_unit}
        )
    nomination = Nomination(
        round=round, nominee=nominee, nominating_unit=unit, nominated_by=user, **dossier
    )
    nomination.full_clean()
    nomination.save()
    log(nomination, "wagtail.create", user=user)
    return nomination


@transaction.atomic
def review(*, nomination, eligible, reason, user):
    _require_staff(user, nomination.round)
    if nomination.round.state not in NOMINATING_STATES:
        raise ValidationError(_("The nominations of this round are already reviewed."))
    if not eligible and not reason.strip():
        raise ValidationError({"reason": _("Say why the nomination is not eligible.")})
    nomination.eligible, nomination.eligibility_reason = eligible, reason.strip()
    nomination.save(update_fields=["eligible", "eligibility_reason"])
    log(nomination, "honours.nomination.reviewed", user=user, data={"eligible": eligible})
    return nomination


def close_review(*, round, user):
    _require_staff(user, round)
    if round.nominations.filter(eligible__isnull=True).exists():
        raise ValidationError(_("Review every nomination first."))
    reviewed = RoundState.REVIEWED
    action = "honours.round.reviewed"
    return advance(round, reviewed, allowed_from=_after(reviewed), user=user, action=action)


@transaction.atomic
def cast_vote(*, nomination, user, agree):
    """A council member votes once on an eligible nomination of their own round."""
    seat = rules.seat_of(user, nomination.round)
    if seat is None:
        raise PermissionDenied(_("Only members of this round's council vote."))
    if nomination.round.state not in VOTING_STATES or not nomination.eligible:
        raise ValidationError(_("This nomination is not open for votes."))
    if Vote.objects.filter(nomination=nomination, member=seat).exists():
        raise ValidationError(_("You have already voted on this nomination."))
    vote = Vote.objects.create(nomination=nomination, member=seat, agree=agree)
    log(nomination, "honours.vote.cast", user=user)
    return vote


def with_votes(nominations):
    """Nominations counted once: their votes (``votes_cast``) and agreeing votes (``agreeing``)."""
    agreeing = Count("votes", filter=Q(votes__agree=True))
    return nominations.annotate(votes_cast=Count("votes"), agreeing=agreeing)


def reaches(agreeing, council_size, threshold):
    """Whether ``agreeing`` votes reach the ``threshold`` of a council of ``council_size``."""
    if not council_size:
        return False
    share, strict = THRESHOLDS[threshold]
    return agreeing > share * council_size if strict else agreeing >= share * council_size


def passes(nomination, council_size=None):
    """Whether the agreeing votes reach the round's threshold of the whole council."""
    size = council_size if council_size is not None else nomination.round.council.count()
    agreeing = getattr(nomination, "agreeing", None)
    if agreeing is None:
        agreeing = nomination.votes.filter(agree=True).count()
    return reaches(agreeing, size, nomination.round.threshold)


def passed(round):
    """The eligible nominations of ``round`` that pass (three queries, whatever their number)."""
    size = round.council.count()
    eligible = with_votes(round.nominations.filter(eligible=True)).select_related("nominee")
    return [n for n in eligible if reaches(n.agreeing, size, round.threshold)]


def close_voting(*, round, user):
    _require_staff(user, round)
    voted = RoundState.VOTED
    action = "honours.round.voted"
    return advance(round, voted, allowed_from=_after(voted), user=user, action=action)


#: The document that moves a round on: its fields' prefix, the log action, the refusal without a number.
DOCUMENTS = {
    RoundState.PROPOSED: (
        "proposal",
        "honours.round.proposed",
        gettext_lazy("Give the proposal's number."),
    ),
    RoundState.DECIDED: (
        "decision",
        "honours.round.decided",
        gettext_lazy("Give the decision's number."),
    ),
}


def _advance_on_document(round, *, user, state, number, day):
    """Advance ``round`` to ``state`` on its numbered document (``DOCUMENTS``), kept as
    ``<document>_number`` and ``<document>_date``."""
    document, action, missing = DOCUMENTS[state]
    _require_staff(user, round)
    if not number.strip():
        raise ValidationError(missing)
    return advance(
        round,
        state,
        allowed_from=_after(state),
        user=user,
        action=action,
        **{f"{document}_number": number.strip(), f"{document}_date": day},
    )


def propose(*, round, user, number, day):
    state = RoundState.PROPOSED
    return _advance_on_document(round, user=user, state=state, number=number, day=day)


@transaction.atomic
def decide(*, round, user, number, day, issuer=None):
    """Record the People's Committee decision: the passed nominees are honoured and commended."""
    state = RoundState.DECIDED
    _advance_on_document(round, user=user, state=state, number=number, day=day)
    honoured = passed(round)
    Nomination.objects.filter(pk__in=[n.pk for n in honoured]).update(honoured=True)
    decision = CommendationDecision.objects.create(
        union=round.union,
        issuer_kind=IssuerKind.PEOPLES_COMMITTEE,
        issuer=issuer,
        form=CommendationForm.CERTIFICATE,
        number=number.strip(),
        date=day,
        reason=_("Honoured as an outstanding intellectual in science and technology, %(round)s")
        % {"round": round},
    )
    for nomination in honoured:
        Commendation.objects.create(decision=decision, person=nomination.nominee)
    log(decision, "wagtail.create", user=user)
    transaction.on_commit(lambda: public_content_changed.send(sender=type(round)))
    return decision
