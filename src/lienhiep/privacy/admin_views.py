"""The staff screens "Yêu cầu về dữ liệu cá nhân": the requests, one request with its answer,
and the processing log the union's leader reads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.exporters import response
from lienhiep.directory.rules import can_read, is_staff, union_for

from . import deadlines, services
from .enums import RequestKind, RequestState
from .forms import AnswerForm, RequestForm
from .rules import processing_log_for, requests_for

LOG_PAGE = 200


def requests_view(request):
    if not can_read(request.user):
        raise PermissionDenied
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not is_staff(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                made = services.record_request(**form.cleaned_data, user=request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Request recorded."))
                return redirect("privacy_request", pk=made.pk)
    today = timezone.localdate()
    requests = list(requests_for(request.user))
    for item in requests:
        item.overdue = item.is_overdue(today)
    return TemplateResponse(
        request,
        "privacy/admin/requests.html",
        {
            "requests": requests,
            "deadlines": deadlines.table(services.settings_of(union_for(request.user))),
            "form": form,
            "is_staff": is_staff(request.user),
        },
    )


ACTIONS = {
    "answer": lambda request, user, data: services.answer_request(
        request=request, answer=data.get("answer", ""), user=user
    ),
    "erase": lambda request, user, data: services.erase_person(request=request, user=user),
    "withdraw": lambda request, user, data: services.withdraw_publication(
        request=request, user=user
    ),
}


def request_view(request, pk):
    found = get_object_or_404(requests_for(request.user), pk=pk)
    action = request.POST.get("action")
    if request.method == "POST" and action == "export":
        rendered = services.export_person_data(request=found, user=request.user)
        return response(rendered)
    if request.method == "POST" and action in ACTIONS:
        try:
            ACTIONS[action](found, request.user, request.POST)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Request answered."))
        return redirect("privacy_request", pk=pk)
    log(found, "privacy.request.viewed", user=request.user)
    return TemplateResponse(
        request,
        "privacy/admin/request.html",
        {
            "item": found,
            "is_staff": is_staff(request.user),
            "is_open": found.state == RequestState.OPEN,
            "overdue": found.is_overdue(),
            "answer_form": AnswerForm(),
            "kinds": RequestKind,
        },
    )


def processing_log_view(request):
    if not can_read(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "privacy/admin/log.html",
        {"entries": processing_log_for(request.user).order_by("-timestamp")[:LOG_PAGE]},
    )
