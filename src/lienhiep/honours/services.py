"""The honouring round: nominations, eligibility, council votes, proposal and decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.generation import records_changed
from lienhiep.core.signals import public_content_changed
from lienhiep.core.transitions import advance, following, latest, step_day
from lienhiep.directory import register
from lienhiep.directory.rules import require_staff
from lienhiep.directory.seating import require_login

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
from .models import Commendation, CommendationDecision, CouncilMember, Nomination, Vote


def _after(state):
    """The step a round reaches ``state`` from."""
    return following(ROUND_STEPS, state)


def _require_staff(user, round):
    require_staff(user, round, rules.rounds_for(user), _("You cannot manage this round."))


def _last(records, field):
    return records.aggregate(last=Max(field))["last"]


def _require_council(round):
    """Voting opens only before a council with a chair."""
    if not round.council.exists():
        raise ValidationError(_("Seat the council before voting opens: it has no member yet."))
    if not round.council.filter(chair=True).exists():
        raise ValidationError(_("Name the council's chair before voting opens."))


def _require_seating(round):
    if round.state not in NOMINATING_STATES:
        raise ValidationError(_("The council is seated before voting opens."))


@transaction.atomic
def seat_council_member(*, round, person, user, chair=False):
    """Seat a person with a login on the council; a new chair replaces the last one."""
    _require_staff(user, round)
    _require_seating(round)
    require_login(person, _("%(name)s has no login; a council member needs one to vote."))
    if round.council.filter(person=person).exists():
        raise ValidationError(_("%(name)s already sits on the council.") % {"name": person})
    if chair:
        round.council.update(chair=False)
    member = CouncilMember.objects.create(round=round, person=person, chair=chair)
    data = {"person": person.full_name, "chair": chair}
    log(round, "honours.council.seated", user=user, data=data)
    return member


@transaction.atomic
def unseat_council_member(*, member, user):
    _require_staff(user, member.round)
    _require_seating(member.round)
    member.delete()
    log(member.round, "honours.council.unseated", user=user, data={"person": str(member.person)})


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
def review(*, nomination, eligible, reason, user, on=None):
    _require_staff(user, nomination.round)
    if nomination.round.state not in NOMINATING_STATES:
        raise ValidationError(_("The nominations of this round are already reviewed."))
    if not eligible and not reason.strip():
        raise ValidationError({"reason": _("Say why the nomination is not eligible.")})
    nomination.reviewed_on = step_day(on, after=nomination.round.opens_on)
    nomination.eligible, nomination.eligibility_reason = eligible, reason.strip()
    nomination.save(update_fields=["eligible", "eligibility_reason", "reviewed_on"])
    log(nomination, "honours.nomination.reviewed", user=user, data={"eligible": eligible})
    return nomination


def close_review(*, round, user, on=None):
    """Close the review and open the voting, before a seated council with its chair."""
    _require_staff(user, round)
    if round.nominations.filter(eligible__isnull=True).exists():
        raise ValidationError(_("Review every nomination first."))
    _require_council(round)
    reviews = _last(round.nominations, "reviewed_on")
    day = step_day(on, after=latest(round.opens_on, reviews))
    reviewed = RoundState.REVIEWED
    action = "honours.round.reviewed"
    return advance(
        round, reviewed, allowed_from=_after(reviewed), user=user, action=action, reviewed_on=day
    )


@transaction.atomic
def cast_vote(*, nomination, user, agree, on=None):
    """A council member votes once on an eligible nomination of their own round."""
    seat = rules.seat_of(user, nomination.round)
    if seat is None:
        raise PermissionDenied(_("Only members of this round's council vote."))
    if nomination.round.state not in VOTING_STATES or not nomination.eligible:
        raise ValidationError(_("This nomination is not open for votes."))
    if Vote.objects.filter(nomination=nomination, member=seat).exists():
        raise ValidationError(_("You have already voted on this nomination."))
    day = step_day(on, after=nomination.round.reviewed_on)
    vote = Vote.objects.create(nomination=nomination, member=seat, agree=agree, cast_on=day)
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


def close_voting(*, round, user, on=None):
    _require_staff(user, round)
    votes = _last(Vote.objects.filter(nomination__round=round), "cast_on")
    day = step_day(on, after=latest(round.reviewed_on, votes))
    voted = RoundState.VOTED
    action = "honours.round.voted"
    return advance(round, voted, allowed_from=_after(voted), user=user, action=action, voted_on=day)


#: The document that moves a round on: its fields' prefix, the log action, the refusal without
#: a number, and the field of the step before (its date may not come after the document's).
DOCUMENTS = {
    RoundState.PROPOSED: (
        "proposal",
        "honours.round.proposed",
        gettext_lazy("Give the proposal's number."),
        "voted_on",
    ),
    RoundState.DECIDED: (
        "decision",
        "honours.round.decided",
        gettext_lazy("Give the decision's number."),
        "proposal_date",
    ),
}


def _advance_on_document(round, *, user, state, number, on):
    """Advance ``round`` to ``state`` on its numbered document (``DOCUMENTS``), kept as
    ``<document>_number`` and ``<document>_date``; the document's date is returned."""
    document, action, missing, previous = DOCUMENTS[state]
    _require_staff(user, round)
    if not number.strip():
        raise ValidationError(missing)
    day = step_day(on, after=getattr(round, previous))
    advance(
        round,
        state,
        allowed_from=_after(state),
        user=user,
        action=action,
        **{f"{document}_number": number.strip(), f"{document}_date": day},
    )
    return day


@transaction.atomic
def propose(*, round, user, number="", on=None):
    """Send the proposal to the People's Committee: it takes the next number of the union's
    register of outgoing documents (or ``number``, "12/TTr-LHH", for one sent before it was
    recorded here); a refused step leaves no line in the register."""
    state = RoundState.PROPOSED
    _document, action, _missing, previous = DOCUMENTS[state]
    _require_staff(user, round)
    day = step_day(on, after=getattr(round, previous))
    document = register.register_document(
        organisation=round.union,
        day=day,
        kind=register.PROPOSAL,
        subject=_("Proposal to honour: %(round)s") % {"round": round},
        user=user,
        number=number.strip(),
    )
    advance(
        round,
        state,
        allowed_from=_after(state),
        user=user,
        action=action,
        proposal_document=document,
        proposal_date=day,
    )
    return round


@transaction.atomic
def decide(*, round, user, number, on=None, issuer=None):
    """Record the People's Committee decision: the passed nominees are honoured and commended."""
    state = RoundState.DECIDED
    day = _advance_on_document(round, user=user, state=state, number=number, on=on)
    honoured = passed(round)
    Nomination.objects.filter(pk__in=[n.pk for n in honoured]).update(honoured=True)
    records_changed()  # ``update()`` sends no signal
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
