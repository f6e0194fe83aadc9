from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _

from lienhiep.core.admin_views import import_screen

from .. import importing


def can_import(user):
    return user.is_active and user.has_perm("activities.add_activity")


def _import(content, user):
    created, updated = importing.import_activities(content=content, user=user)
    return _("Imported: %(created)s records created, %(updated)s updated.") % {
        "created": created,
        "updated": updated,
    }


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return import_screen(
        request,
        template="activities/activity_import.html",
        run=lambda content: _import(content, request.user),
        done="activities_import",
    )


def template_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    response = HttpResponse(
        importing.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-hoat-dong.xlsx"'
    return response
