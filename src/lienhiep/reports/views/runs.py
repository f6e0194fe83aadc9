"""The report screen: generate in the background with its progress, preview, issue, files.

Each action posts its own form and calls one service; the view itself changes nothing."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response

from .. import rendering, rules, services, tasks
from ..enums import RunState
from ..exporters import RunFile, run_file
from ..forms import GenerateForm, IssueForm

logger = logging.getLogger(__name__)


def _run(request, pk):
    return get_object_or_404(rules.runs_for(request.user), pk=pk)


def _generate(request, run, form):
    tasks.queue_generation(run=run, user=request.user)
    messages.info(request, _("The report is being generated."))


def _issue(request, run, form):
    services.issue(run=run, user=request.user, day=form.cleaned_data["day"])
    messages.success(request, _("Issued as no. %(number)s.") % {"number": run.document})


#: action → (its form, what it does)
ACTIONS = {"generate": (GenerateForm, _generate), "issue": (IssueForm, _issue)}


def _act(request, run):
    if not rules.is_staff(request.user):
        raise PermissionDenied
    form_class, act = ACTIONS.get(request.POST.get("action"), (None, None))
    if form_class is None:
        raise Http404
    form = form_class(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        act(request, run, form)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        raise
    except Exception as error:
        logger.exception("Report run %s: %s failed", run.pk, request.POST.get("action"))
        messages.error(request, services.explain(error))
    return redirect("reports_run", pk=run.pk)


def run_view(request, pk):
    run = _run(request, pk)
    if request.method == "POST":
        return _act(request, run)
    preview = ""
    if run.content:
        preview = rendering.html(run.content, rendering.header_for(run), standalone=False)
    return TemplateResponse(
        request,
        "reports/run.html",
        {
            "run": run,
            "preview": preview,
            "is_staff": rules.is_staff(request.user),
            "working": run.state == RunState.GENERATING and not run.is_stale,
        },
    )


def progress_view(request, pk):
    run = _run(request, pk)
    return TemplateResponse(request, "reports/progress.html", {"run": run})


def file_view(request, pk, kind):
    run = _run(request, pk)
    if run_file(run, kind) is None:
        raise Http404
    return response(RunFile().render(run=run, format=kind))
