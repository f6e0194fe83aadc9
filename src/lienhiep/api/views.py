"""The two ends of a year package sent over the API, in the admin.

Federation side: ``sending_tokens`` issues (shown once) and revokes the tokens provincial unions
send with. Union side: ``federation_sending`` keeps the federation's address and token, sends a
year ("Gửi số liệu năm … lên Trung ương") and lists every sending with its answer.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienhiep.directory.rules import may_issue_sending_tokens

from . import receiving, sending
from .forms import ConnectionForm, IssueTokenForm, SendForm, last_year


def sending_tokens(request):
    if not may_issue_sending_tokens(request.user):
        raise PermissionDenied
    unions = receiving.unions_for(request.user)
    form = IssueTokenForm(request.POST or None, unions=unions)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, shown = receiving.issue_sending_token(
                user=request.user,
                union=form.cleaned_data["union"],
                fingerprint=form.cleaned_data["fingerprint"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = IssueTokenForm(unions=unions)
    context = {"tokens": receiving.tokens_for(request.user), "form": form, "shown": shown}
    return TemplateResponse(request, "api/sending_tokens.html", context)


@require_POST
def sending_token_revoke(request, pk):
    token = get_object_or_404(receiving.tokens_for(request.user), pk=pk)
    try:
        receiving.revoke_sending_token(user=request.user, token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The sending token of %(union)s is revoked.") % {"union": token.union}
        )
    return redirect("api_sending_tokens")


def _year(request):
    form = SendForm(request.GET or {"year": last_year()})
    return form.cleaned_data["year"] if form.is_valid() else last_year()


def federation_sending(request):
    union = sending.union_of(request.user)
    link = sending.link_of(union)
    form = ConnectionForm(request.POST or None, initial={"url": link.url if link else ""})
    if request.method == "POST" and form.is_valid():
        try:
            sending.connect_federation(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The connection to the federation is kept."))
            return redirect("api_federation_sending")
    context = {
        "union": union,
        "link": link,
        "form": form,
        "year": _year(request),
        "sendings": sending.sendings_of(union),
    }
    return TemplateResponse(request, "api/federation_sending.html", context)


@require_POST
def federation_send(request):
    form = SendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the year to send."))
        return redirect("api_federation_sending")
    year = form.cleaned_data["year"]
    try:
        sending.queue_sending(user=request.user, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The figures of %(year)s are being sent to the federation.") % {"year": year}
        )
    return redirect(f"{reverse('api_federation_sending')}?year={year}")
