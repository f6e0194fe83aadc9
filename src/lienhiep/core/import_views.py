"""The admin side of every all-or-nothing Excel import (its template leaves through ``exporters``)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import ImportForm
from .importing import ImportFailed


def import_screen(request, *, template, run, done, context=None):
    """The workbook form; ``run(content)`` imports all or nothing and says what it did.

    Imported, the user is sent to ``done``; refused (``ImportFailed``), the screen lists every
    problem under the form.
    """
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            messages.success(request, run(form.cleaned_data["workbook"].read()))
            return redirect(done)
        except ImportFailed as failure:
            problems = failure.problems
            messages.error(
                request,
                _("Nothing was imported: %(count)s problems were found.")
                % {"count": len(problems)},
            )
    context = {**(context or {}), "form": form, "problems": problems}
    return TemplateResponse(request, template, context)


def imported(created, updated):
    """What an import that creates and updates records says it did."""
    return _("Imported: %(created)s records created, %(updated)s updated.") % {
        "created": created,
        "updated": updated,
    }
