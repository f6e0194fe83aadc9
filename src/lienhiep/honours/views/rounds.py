"""The round screen for staff, and the council's voting screen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response
from lienhiep.core.forms import step_on
from lienhiep.core.import_views import import_screen, imported
from lienhiep.directory.rules import can_read, is_staff
from lienhiep.directory.seating import refusal

from .. import rules, services
from ..enums import RoundState
from ..exporters import RecipientsTemplate
from ..forms import CouncilSeatForm
from ..models import HonourRound, Nomination


def _seat(request, round):
    form = CouncilSeatForm(request.POST, user=request.user)
    if not form.is_valid():
        raise ValidationError(_("Check the form: some fields are missing or wrong."))
    services.seat_council_member(round=round, user=request.user, **form.cleaned_data)


def _unseat(request, round):
    member = get_object_or_404(round.council, pk=request.POST.get("member"))
    services.unseat_council_member(member=member, user=request.user)


SEATING = {"seat": _seat, "unseat": _unseat}


def process_view(request, pk):
    round = get_object_or_404(rules.rounds_for(request.user), pk=pk)
    if not can_read(request.user) or (request.method == "POST" and not is_staff(request.user)):
        raise PermissionDenied
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in SEATING:
                SEATING[action](request, round)
            elif action == "review":
                nomination = get_object_or_404(round.nominations, pk=request.POST.get("nomination"))
                services.review(
                    nomination=nomination,
                    eligible=request.POST.get("eligible") == "yes",
                    reason=request.POST.get("reason", ""),
                    user=request.user,
                    on=step_on(request.POST),
                )
            elif action == "close_review":
                services.close_review(round=round, user=request.user, on=step_on(request.POST))
            elif action == "close_voting":
                services.close_voting(round=round, user=request.user, on=step_on(request.POST))
            elif action in ("propose", "decide"):
                number = request.POST.get("number", "")
                on = step_on(request.POST)
                getattr(services, action)(round=round, user=request.user, number=number, on=on)
            messages.success(request, _("Saved."))
            return redirect("honours_round_process", pk=pk)
        except ValidationError as error:
            messages.error(request, refusal(error))
    size = round.council.count()
    nominations = services.with_votes(
        round.nominations.select_related("nominee", "nominating_unit")
    )
    rows = [
        {
            "nomination": n,
            "agree": n.agreeing,
            "votes": n.votes_cast,
            "passes": services.reaches(n.agreeing, size, round.threshold),
        }
        for n in nominations
    ]
    return TemplateResponse(
        request,
        "honours/round_process.html",
        {
            "round": round,
            "rows": rows,
            "size": size,
            "can_change": is_staff(request.user),
            "honoured": len(services.passed(round)) if round.state == RoundState.PROPOSED else 0,
            "council": round.council.select_related("person", "person__workplace"),
            "seat_form": CouncilSeatForm(user=request.user),
        },
    )


def council_view(request):
    rounds = (
        HonourRound.objects.filter(council__person__account=request.user)
        if request.user.is_authenticated
        else HonourRound.objects.none()
    )
    return TemplateResponse(request, "honours/council_rounds.html", {"rounds": rounds})


def vote_view(request, pk):
    round = get_object_or_404(HonourRound, pk=pk)
    seat = rules.seat_of(request.user, round)
    if seat is None:
        raise PermissionDenied
    if request.method == "POST":
        nomination = get_object_or_404(Nomination, pk=request.POST.get("nomination"), round=round)
        try:
            services.cast_vote(
                nomination=nomination,
                user=request.user,
                agree=request.POST.get("agree") == "yes",
                on=step_on(request.POST),
            )
            messages.success(request, _("Your vote has been recorded."))
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("honours_vote", pk=pk)
    mine = dict(seat.votes.values_list("nomination_id", "agree"))
    rows = [
        {"nomination": n, "vote": mine.get(n.pk)}
        for n in round.nominations.filter(eligible=True).select_related(
            "nominee", "nominating_unit"
        )
    ]
    return TemplateResponse(request, "honours/council_vote.html", {"round": round, "rows": rows})


def import_recipients_view(request, pk):
    from .. import importing

    decision = get_object_or_404(rules.decisions_for(request.user), pk=pk)
    if not request.user.has_perm("honours.add_commendation"):
        raise PermissionDenied
    if request.GET.get("template"):
        return response(RecipientsTemplate().render())
    return import_screen(
        request,
        template="honours/import_recipients.html",
        run=lambda content: imported(
            importing.import_recipients(decision=decision, content=content, user=request.user), 0
        ),
        done=reverse("honours_decision:edit", args=[pk]),
        context={"decision": decision},
    )
