"""The admin screen that imports the registry from an Excel workbook."""

from django.core.exceptions import PermissionDenied

from lienhiep.core.exporters import response
from lienhiep.core.import_views import import_screen, imported

from .. import importing, rules
from ..exporters import ImportTemplate


def can_import(user):
    return (
        user.is_active
        and user.has_perm("directory.add_person")
        and (rules.sees_everything(user) or rules.scope_organisation(user) is not None)
    )


def _import(content, user):
    result = importing.import_registry(content=content, user=user)
    return imported(sum(result.created.values()), sum(result.updated.values()))


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
    return response(ImportTemplate().render())
