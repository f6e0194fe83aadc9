"""The import of light consulting records from the register of incoming documents."""

from django.core.exceptions import PermissionDenied

from lienhiep.core.exporters import response
from lienhiep.core.import_views import import_screen, imported

from .. import importing
from ..exporters import RecordsImportTemplate
from ..rules import can_import_records


def import_view(request):
    if not can_import_records(request.user):
        raise PermissionDenied
    return import_screen(
        request,
        template="consulting/record_import.html",
        run=lambda content: imported(*importing.import_records(content=content, user=request.user)),
        done="consulting_record:index",
    )


def template_view(request):
    if not can_import_records(request.user):
        raise PermissionDenied
    return response(RecordsImportTemplate().render())
