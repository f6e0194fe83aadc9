"""The buttons of the round screens: each action has its form and calls one service.

A screen posts ``action=<name>``; ``perform`` finds the action in the screen's table, parses the
request with the action's form and runs it. An action returns the place to go back to on the
screen (``"#entry-…"``), or a response of its own.
"""

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_count
from lienhiep.directory.seating import refusal

from .. import forms, services


def _entry_place(data):
    return f"#entry-{data['entry'].code}"


def review(request, round, data, **context):
    services.review_entry(
        entry=data["entry"],
        eligible=data["eligible"],
        reason=data["reason"],
        dossier=data["dossier"],
        user=request.user,
        on=data["on"],
    )
    return _entry_place(data)


def review_selected(request, round, data, **context):
    done = services.review_entries(
        round=round,
        entries=data["entries"],
        eligible=data["eligible"],
        reason=data["reason"],
        user=request.user,
    )
    message = (
        _("%(count)s entries found eligible.")
        if data["eligible"]
        else _("%(count)s entries found not eligible.")
    )
    messages.success(request, message % {"count": format_count(done)})
    return redirect(request.get_full_path())


def open_round(request, round, data, **context):
    services.open_round(round=round, user=request.user, on=data["on"])


def start_judging(request, round, data, **context):
    services.start_judging(round=round, user=request.user, on=data["on"])


def close_round(request, round, data, **context):
    services.close_round(round=round, user=request.user, on=data["on"])


def forward(request, round, data, **context):
    forwarded = data["forwarded"]
    services.forward(entry=data["entry"], user=request.user, forwarded=forwarded, on=data["on"])
    return _entry_place(data)


def national(request, round, data, **context):
    services.record_national_result(entry=data["entry"], level=data["level"], user=request.user)
    return _entry_place(data)


def launch_next(request, round, data, **context):
    new = services.launch_round(
        contest=round.contest,
        number=data["number"],
        period=data["period"].strip(),
        launch_date=data["launch"],
        entry_deadline=data["deadline"],
        user=request.user,
    )
    messages.success(request, _("The next round is ready: check its settings."))
    return redirect("contests_round:edit", new.pk)


#: the entries and eligibility screen (``contests_round_process``)
PROCESS_ACTIONS = {
    "review": (forms.EntryReviewForm, review),
    "review_selected": (forms.BulkReviewForm, review_selected),
    "open": (forms.StepActionForm, open_round),
    "start_judging": (forms.StepActionForm, start_judging),
    "close": (forms.StepActionForm, close_round),
    "forward": (forms.ForwardForm, forward),
    "national": (forms.NationalResultForm, national),
    "launch_next": (forms.LaunchNextForm, launch_next),
}


def add_judge(request, round, data, **context):
    services.add_judge(
        round=round,
        field=data["field"],
        person=data["person"],
        chair=data["chair"],
        user=request.user,
    )


def assign_all(request, round, data, *, stage):
    made = services.assign_automatically(round=round, stage=stage, user=request.user)
    messages.info(request, _("%(count)s assignments made.") % {"count": format_count(made)})


def assign(request, round, data, *, stage):
    services.assign(entry=data["entry"], judge=data["judge"], stage=stage, user=request.user)


def unassign(request, round, data, **context):
    services.unassign(assignment=data["assignment"], user=request.user)


def finalists(request, round, data, **context):
    services.choose_finalists(round=round, per_field=data["per_field"], user=request.user)


def propose(request, round, data, **context):
    services.propose_prizes(round=round, user=request.user)


def prize(request, round, data, **context):
    services.set_prize(entry=data["entry"], level=data["level"], user=request.user)


def approve(request, round, data, **context):
    services.approve_prizes(round=round, user=request.user, number=data["number"], on=data["on"])


def publish(request, round, data, **context):
    services.publish_results(round=round, user=request.user, on=data["on"])


#: the judging and prizes screen (``contests_round_judging``)
JUDGING_ACTIONS = {
    "add_judge": (forms.AddJudgeForm, add_judge),
    "assign_all": (forms.RoundActionForm, assign_all),
    "assign": (forms.AssignForm, assign),
    "unassign": (forms.UnassignForm, unassign),
    "finalists": (forms.FinalistsForm, finalists),
    "propose": (forms.RoundActionForm, propose),
    "prize": (forms.PrizeForm, prize),
    "approve": (forms.ApproveForm, approve),
    "publish": (forms.PublishForm, publish),
}


def _refuse(request, messages_):
    messages.error(request, " ".join(messages_))


def perform(request, round, actions, **context):
    """Run the posted action; ``None`` when its form or its service refused (with a message)."""
    try:
        form_class, run = actions[request.POST.get("action")]
    except KeyError:
        raise BadRequest from None
    form = form_class(request.POST, round=round, user=request.user)
    if not form.is_valid():
        return _refuse(request, [m for errors in form.errors.values() for m in errors])
    try:
        return run(request, round, form.cleaned_data, **context) or ""
    except ValidationError as error:
        return messages.error(request, refusal(error))
