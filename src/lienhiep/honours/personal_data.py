"""The personal data the honours hold (``privacy.holders``): nominees and their dossiers,
council members, and individuals commended.

A nomination the council has voted on (or the People's Committee decided) is kept: the council's
minutes, the proposal and the decision name the nominee, and they are legal records. A
nomination still under review is removed with its dossier. A commendation is a decision: kept.
A council member is kept once the council voted, removed before."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.privacy.holders import Holder, Outcome, field_values
from lienhiep.privacy.people import ids_named

from .enums import RoundState
from .models import Commendation, CouncilMember, Nomination

#: the council has voted: its minutes, the proposal and the decision name the people
DECIDED_STATES = (RoundState.VOTED, RoundState.PROPOSED, RoundState.DECIDED)


def find_nominations(request):
    return list(
        Nomination.objects.filter(round__union=request.union, nominee__in=ids_named(request))
        .select_related("round", "nominee", "nominating_unit")
        .order_by("pk")
    )


def describe_nomination(nomination):
    return [
        (_("Round"), str(nomination.round)),
        (_("Nominee"), nomination.nominee.full_name),
        *field_values(
            nomination,
            (
                "nominating_unit",
                "summary",
                "eligible",
                "eligibility_reason",
                "reviewed_on",
                "honoured",
            ),
        ),
    ]


def nomination_files(nomination):
    return [handle for _label, handle in nomination.dossier]


def nomination_label(nomination):
    return _("Nomination in %(round)s") % {"round": nomination.round}


def erase_nomination(nomination, user):
    label = nomination_label(nomination)
    if nomination.honoured or nomination.round.state in DECIDED_STATES:
        return Outcome(
            label,
            "kept",
            _(
                "The council's minutes, the proposal to the People's Committee and its decision "
                "name the nominee: they are legal records."
            ),
        )
    for _label, handle in nomination.dossier:
        handle.delete(save=False)
    log(nomination.round, "privacy.record.removed", user=user, data={"record": label})
    nomination.delete()
    return Outcome(
        label, "removed", _("The round had not been voted on; the nomination and dossier went.")
    )


NOMINEES = Holder(
    label=gettext_lazy("Honours nominees"),
    find=find_nominations,
    describe=describe_nomination,
    erase=erase_nomination,
    files=nomination_files,
    logged={Nomination: "round__union"},
)


def find_commendations(request):
    return list(
        Commendation.objects.filter(decision__union=request.union, person__in=ids_named(request))
        .select_related("decision", "person")
        .order_by("pk")
    )


def describe_commendation(commendation):
    decision = commendation.decision
    return [
        (_("Decision"), str(decision)),
        (_("Decision date"), decision.date.strftime("%d/%m/%Y")),
        (_("Individual"), commendation.person.full_name),
        (_("Reason"), commendation.reason or decision.reason),
    ]


def erase_commendation(commendation, user):
    return Outcome(
        _("Commendation %(decision)s") % {"decision": commendation.decision},
        "kept",
        _("A commendation is a decision: a legal record."),
    )


COMMENDED = Holder(
    label=gettext_lazy("Commendations"),
    find=find_commendations,
    describe=describe_commendation,
    erase=erase_commendation,
    logged={Commendation: "decision__union"},
)


def find_council(request):
    return list(
        CouncilMember.objects.filter(round__union=request.union, person__in=ids_named(request))
        .select_related("round", "person")
        .order_by("pk")
    )


def describe_council(member):
    votes = [
        f"{vote.nomination.nominee.full_name}: {_('agree') if vote.agree else _('disagree')}"
        for vote in member.votes.select_related("nomination__nominee")
    ]
    return [
        (_("Round"), str(member.round)),
        (_("Council member"), member.person.full_name),
        (_("Chair of the council"), _("yes") if member.chair else _("no")),
        (_("Votes"), "; ".join(votes)),
    ]


def erase_council(member, user):
    label = _("Council member in %(round)s") % {"round": member.round}
    if member.round.state in DECIDED_STATES:
        return Outcome(
            label, "kept", _("The council's minutes name its members and their votes: kept.")
        )
    log(member.round, "privacy.record.removed", user=user, data={"record": label})
    member.delete()
    return Outcome(label, "removed", _("The council had not voted; the seat was removed."))


COUNCIL = Holder(
    label=gettext_lazy("Honours council members"),
    find=find_council,
    describe=describe_council,
    erase=erase_council,
    logged={CouncilMember: "round__union"},
)

HOLDERS = (NOMINEES, COMMENDED, COUNCIL)
