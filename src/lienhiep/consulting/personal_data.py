"""The personal data the critique cases hold (``privacy.holders``): the experts on panels, their
opinions and their files, and the members seated on councils for the union.

Once the critique report is issued (numbered in the register, sent), the panel and the signed
opinions inside it are kept: the report is a legal record. Before, a panel seat and an opinion
are removed. A council seat named in an appointment decision is kept; otherwise the name goes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.privacy.holders import Holder, Outcome, field_values, same_name
from lienhiep.privacy.people import ids_named

from .enums import CaseState
from .models import CouncilSeat, Opinion, PanelMember

ISSUED_STATES = (CaseState.REPORT_SENT, CaseState.CLOSED)


def issued(case):
    return case.report_document_id is not None or case.state in ISSUED_STATES


def find_panels(request):
    return list(
        PanelMember.objects.filter(case__union=request.union, person__in=ids_named(request))
        .select_related("case", "person")
        .order_by("pk")
    )


def describe_panel(member):
    return [
        (_("Case"), member.case.title),
        (_("Expert"), member.person.full_name),
        *field_values(member, ("role", "conflict_reason")),
    ]


def erase_panel(member, user):
    label = _("Panel of %(case)s") % {"case": member.case}
    if issued(member.case):
        return Outcome(label, "kept", _("The issued critique report names its panel: kept."))
    log(member.case, "privacy.record.removed", user=user, data={"record": label})
    member.delete()
    return Outcome(label, "removed", _("The report was not issued; the panel seat was removed."))


PANELS = Holder(
    label=gettext_lazy("Critique panels"),
    find=find_panels,
    describe=describe_panel,
    erase=erase_panel,
    logged={PanelMember: "case__union"},
)


def find_opinions(request):
    return list(
        Opinion.objects.filter(case__union=request.union, expert__in=ids_named(request))
        .select_related("case", "expert")
        .order_by("pk")
    )


def describe_opinion(opinion):
    return [
        (_("Case"), opinion.case.title),
        (_("Expert"), opinion.expert.full_name),
        *field_values(opinion, ("text", "file", "submitted_at")),
    ]


def opinion_files(opinion):
    return [opinion.file] if opinion.file else []


def erase_opinion(opinion, user):
    label = _("Opinion on %(case)s") % {"case": opinion.case}
    if issued(opinion.case):
        return Outcome(
            label,
            "kept",
            _("The signed opinion is part of the issued critique report: a legal record."),
        )
    if opinion.file:
        opinion.file.delete(save=False)
    log(opinion.case, "privacy.record.removed", user=user, data={"record": label})
    opinion.delete()
    return Outcome(label, "removed", _("The report was not issued; the opinion was removed."))


OPINIONS = Holder(
    label=gettext_lazy("Expert opinions"),
    find=find_opinions,
    describe=describe_opinion,
    erase=erase_opinion,
    files=opinion_files,
    logged={Opinion: "case__union"},
)


def find_seats(request):
    seats = CouncilSeat.objects.filter(union=request.union).exclude(member="").order_by("pk")
    return [seat for seat in seats if same_name(seat.member, request.name)]


def describe_seat(seat):
    return field_values(
        seat, ("council", "member", "requester", "decision_number", "start_date", "end_date")
    )


def erase_seat(seat, user):
    label = _("Seat on %(council)s") % {"council": seat.council}
    if seat.decision_number:
        return Outcome(label, "kept", _("The appointment decision names the member: kept."))
    seat.member = ""
    seat.save()
    log(seat, "privacy.person.anonymised", user=user)
    return Outcome(label, "anonymised", _("No decision names the member; the name was removed."))


SEATS = Holder(
    label=gettext_lazy("Council seats"),
    find=find_seats,
    describe=describe_seat,
    erase=erase_seat,
    logged={CouncilSeat: "union"},
)

HOLDERS = (PANELS, OPINIONS, SEATS)
