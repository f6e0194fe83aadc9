"""The "draft a news article" button of the report run screen posts here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienhiep.reports.rules import runs_for

from .news_draft import draft_news


@require_POST
def news_draft_view(request, pk):
    """Draft the article; open it if the user may edit pages, else go back to the report."""
    run = get_object_or_404(runs_for(request.user), pk=pk)
    try:
        page = draft_news(run=run, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports_run", pk=run.pk)
    if page.permissions_for_user(request.user).can_edit():
        messages.success(request, _("A draft news article was created."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("A draft news article was created; the editors will finish and publish it."),
    )
    return redirect("reports_run", pk=run.pk)
