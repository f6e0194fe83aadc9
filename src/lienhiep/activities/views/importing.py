from django.core.exceptions import PermissionDenied

from lienhiep.core.import_views import import_screen, imported, workbook_response

from .. import importing


def can_import(user):
    return user.is_active and user.has_perm("activities.add_activity")


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
    return workbook_response(importing.template_workbook(), "mau-nhap-hoat-dong.xlsx")
