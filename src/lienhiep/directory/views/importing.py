"""The admin screen that imports the registry from an Excel workbook."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _

from lienhiep.core.admin_views import import_screen

from .. import importing, rules


def can_import(user):
    return (
        user.is_active
        and user.has_perm("directory.add_person")
        and (rules.sees_everything(user) or rules.scope_organisation(user) is not None)
    )


def _import(content, user):
    result = importing.import_registry(content=content, user=user)
    return _("Imported: %(created)s records created, %(updated)s updated.") % {
        "created": sum(result.created.values()),
        "updated": sum(result.updated.values()),
    }


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return import_screen(
        request,
        template="directory/registry_import.html",
        run=lambda content: _import(content, request.user),
        done="directory_import",
        context={"sheets": importing.SHEETS},
    )


def template_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    response = HttpResponse(
        importing.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-danh-ba.xlsx"'
    return response
