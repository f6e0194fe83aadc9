"""The case screen: steps and their dates, the panel, opinions, and the next step's action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lienhiep.core.forms import StepForm, step_on
from lienhiep.directory.rules import can_read, is_staff, people_for
from lienhiep.directory.seating import refusal

from .. import rules, services
from ..enums import CaseState
from ..forms import MeetingForm, OpinionForm, PanelMemberForm, ReportForm

SIMPLE_ACTIONS = {
    "form_panel": services.form_panel,
    "collect_opinions": services.collect_opinions,
    "draft_report": services.draft_report,
    "close": services.close_case,
    "withdraw": services.withdraw_case,
}


def _errors(request, error):
    if isinstance(error, ValidationError):
        return messages.error(request, refusal(error))
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def process_view(request, pk):
    case = get_object_or_404(
        rules.cases_for(request.user).select_related("requester", "union", "kind"), pk=pk
    )
    if not can_read(request.user):
        return redirect("consulting_opinion", pk=pk)
    if request.method == "POST" and not is_staff(request.user):
        raise PermissionDenied
    panel_form = PanelMemberForm(
        request.POST if request.POST.get("action") == "add_member" else None,
        people=people_for(request.user),
    )
    meeting_form = MeetingForm(
        request.POST if request.POST.get("action") == "hold_meeting" else None
    )
    report_form = ReportForm(
        request.POST if request.POST.get("action") == "send_report" else None, request.FILES or None
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in SIMPLE_ACTIONS:
                SIMPLE_ACTIONS[action](case=case, user=request.user, on=step_on(request.POST))
            elif action == "add_member" and panel_form.is_valid():
                services.add_panel_member(case=case, user=request.user, **panel_form.cleaned_data)
            elif action == "hold_meeting" and meeting_form.is_valid():
                services.hold_meeting(case=case, user=request.user, **meeting_form.cleaned_data)
            elif action == "send_report" and report_form.is_valid():
                services.send_report(case=case, user=request.user, **report_form.cleaned_data)
            else:
                raise ValidationError(_("Check the form: some fields are missing or wrong."))
            messages.success(request, _("Saved."))
            return redirect("consulting_case_process", pk=pk)
        except (PermissionDenied, ValidationError) as error:
            _errors(request, error)
    today = timezone.localdate()
    steps = list(case.steps.all())
    return TemplateResponse(
        request,
        "consulting/case_process.html",
        {
            "case": case,
            "steps": steps,
            "today": today,
            "overdue": {s.pk for s in steps if s.done_on is None and s.due_on < today},
            "panel": case.panel.select_related("person", "person__workplace"),
            "opinions": rules.opinions_for(request.user, case),
            "panel_form": panel_form,
            "meeting_form": meeting_form,
            "report_form": report_form,
            "step_form": StepForm(),
            "next_state": case.state,
            "State": CaseState,
            "can_change": is_staff(request.user),
        },
    )


def my_cases_view(request):
    cases = rules.cases_for(request.user).select_related("requester")
    return TemplateResponse(request, "consulting/my_cases.html", {"cases": cases})


def opinion_view(request, pk):
    case = get_object_or_404(
        rules.cases_for(request.user).select_related("requester", "kind"), pk=pk
    )
    person = rules.person_of(request.user)
    mine = case.opinions.filter(expert=person).first() if person else None
    form = OpinionForm(
        request.POST or None, request.FILES or None, initial={"text": mine.text if mine else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_opinion(case=case, user=request.user, **form.cleaned_data)
        except (PermissionDenied, ValidationError) as error:
            _errors(request, error)
        else:
            messages.success(request, _("Your opinion has been submitted."))
            return redirect("consulting_opinion", pk=pk)
    return TemplateResponse(
        request,
        "consulting/opinion.html",
        {
            "case": case,
            "form": form,
            "can_give": rules.can_give_opinion(request.user, case),
            "opinions": rules.opinions_for(request.user, case),
        },
    )
