"""Reviewing a yearly return: submit, accept or send back; remind those who have not filed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienhiep.core.forms import step_on
from lienhiep.directory.rules import organisations_for

from .. import rules, services
from ..forms import SendBackForm

ACTIONS = {
    "submit": (services.submit_return, _("The return has been submitted.")),
    "accept": (services.accept_return, _("The return has been accepted.")),
}


def review_view(request, pk):
    yearly_return = get_object_or_404(
        rules.returns_for(request.user).select_related("organisation"), pk=pk
    )
    action = request.POST.get("action")
    form = SendBackForm(request.POST if action == "send_back" else None)
    if request.method == "POST":
        try:
            if action == "send_back":
                if not form.is_valid():
                    raise ValidationError(_("Say why the return is sent back."))
                services.send_back_return(
                    yearly_return=yearly_return,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    on=step_on(request.POST),
                )
                messages.success(request, _("The return has been sent back."))
            elif action in ACTIONS:
                service, message = ACTIONS[action]
                service(yearly_return=yearly_return, user=request.user, on=step_on(request.POST))
                messages.success(request, message)
            return redirect("plans_return_review", pk=pk)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return TemplateResponse(
        request,
        "plans/return_review.html",
        {
            "object": yearly_return,
            "form": form,
            "can_edit": rules.can_edit_return(request.user, yearly_return),
            "can_decide": rules.can_decide_return(request.user, yearly_return),
        },
    )


@require_POST
def remind_view(request):
    union = get_object_or_404(organisations_for(request.user), pk=request.POST.get("org") or 0)
    if not request.user.has_perm("plans.change_yearlyreturn") or rules.is_officer(request.user):
        raise PermissionDenied
    year = int(request.POST.get("year"))
    sent = services.remind_missing(union=union, year=year, user=request.user)
    messages.success(request, _("Reminders sent to %(count)s organisations.") % {"count": sent})
    return redirect(f"/admin/?org={union.pk}&year={year}")
