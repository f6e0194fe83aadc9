from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response
from lienhiep.directory.views.importing import ImportForm

from .. import importing
from ..exporters import ImportTemplate


def can_import(user):
    return user.is_active and user.has_perm("activities.add_activity")


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    problems = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created, updated = importing.import_activities(
                content=form.cleaned_data["workbook"].read(), user=request.user
            )
        except importing.ImportFailed as failure:
            problems = failure.problems
            messages.error(
                request,
                _("Nothing was imported: %(count)s problems were found.")
                % {"count": len(problems)},
            )
        else:
            messages.success(
                request,
                _("Imported: %(created)s records created, %(updated)s updated.")
                % {"created": created, "updated": updated},
            )
            return redirect("activities_import")
    return TemplateResponse(
        request, "activities/activity_import.html", {"form": form, "problems": problems}
    )


def template_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return response(ImportTemplate().render())
