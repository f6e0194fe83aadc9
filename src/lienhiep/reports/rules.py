"""Who sees reports: staff and leaders of the organisations they work in.

``is_staff`` and ``can_read`` are ``directory.rules``' (re-exported for the report views): staff
generate and issue reports, union leaders read them.
"""

from lienhiep.directory.models import OutgoingDocument
from lienhiep.directory.rules import can_read, is_staff, scoped

from .models import ReportRun, ReportTemplate

__all__ = ["can_read", "documents_for", "is_staff", "runs_for", "templates_for"]


def _readable(queryset, user):
    return scoped(queryset, "organisation", user) if can_read(user) else queryset.none()


def runs_for(user):
    return _readable(ReportRun.objects.select_related("organisation", "document", "term"), user)


def templates_for(user):
    return _readable(ReportTemplate.objects.all(), user)


def documents_for(user):
    return _readable(OutgoingDocument.objects.all(), user)
