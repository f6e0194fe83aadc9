"""The report screen: generate in the background with its progress, preview, issue, files."""

import logging
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response

from .. import rendering, rules, services
from ..enums import RunState
from ..exporters import RunFile, run_file
from ..tasks import generate_report

logger = logging.getLogger(__name__)


def _run(request, pk):
    run = get_object_or_404(rules.runs_for(request.user), pk=pk)
    return run


def run_view(request, pk):
    run = _run(request, pk)
    if request.method == "POST":
        if not rules.is_staff(request.user):
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "generate":
                if run.is_issued:
                    raise ValidationError(_("An issued report is not generated again."))
                run.state, run.progress = RunState.GENERATING, 0
                run.save(update_fields=["state", "progress"])
                generate_report.enqueue(run.pk, request.user.pk)
                messages.info(request, _("The report is being generated."))
            elif action == "issue":
                try:
                    day = datetime.strptime(request.POST.get("day", ""), "%d/%m/%Y").date()
                except ValueError:
                    raise ValidationError(_("Write the date as dd/mm/yyyy.")) from None
                services.issue(run=run, user=request.user, day=day)
                messages.success(request, _("Issued as no. %(number)s.") % {"number": run.document})
            elif action == "news":
                page = services.news_draft(run=run, user=request.user)
                messages.success(request, _("A draft news article was created."))
                return redirect("wagtailadmin_pages:edit", page.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise
        except Exception as error:
            logger.exception("Report run %s: %s failed", run.pk, action)
            messages.error(request, services.explain(error))
        return redirect("reports_run", pk=pk)
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
            "working": run.state == RunState.GENERATING,
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
