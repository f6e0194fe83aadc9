"""The admin screen that imports the registry from an Excel workbook."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from lienhiep.core.exporters import response

from .. import importing, rules
from ..exporters import ImportTemplate

MAX_SIZE = 10 * 1024 * 1024


class ImportForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Excel workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Choose a file ending in .xlsx."))
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


def can_import(user):
    return (
        user.is_active
        and user.has_perm("directory.add_person")
        and (rules.sees_everything(user) or rules.scope_organisation(user) is not None)
    )


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    problems = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = importing.import_registry(
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
            created = sum(result.created.values())
            updated = sum(result.updated.values())
            messages.success(
                request,
                _("Imported: %(created)s records created, %(updated)s updated.")
                % {"created": created, "updated": updated},
            )
            return redirect("directory_import")
    return TemplateResponse(
        request,
        "directory/registry_import.html",
        {"form": form, "problems": problems, "sheets": importing.SHEETS},
    )


def template_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return response(ImportTemplate().render())
