from django.core.exceptions import PermissionDenied

from lienhiep.core.exporters import response
from lienhiep.core.import_views import import_screen, imported

from .. import importing
from ..exporters import ImportTemplate
from ..rules import can_record


def can_import(user):
    return can_record(user) and user.has_perm("activities.add_activity")


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return import_screen(
        request,
        template="activities/activity_import.html",
        run=lambda content: imported(
            *importing.import_activities(content=content, user=request.user)
        ),
        done="activities_import",
    )


def template_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    return response(ImportTemplate().render(user=request.user))
