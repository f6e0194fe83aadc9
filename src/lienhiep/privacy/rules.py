"""Who sees personal data requests and the processing log: staff and leaders of the union
(``directory.rules``); only staff record and answer requests."""

from wagtail.models import ModelLogEntry

from lienhiep.directory.rules import can_read, scoped

from .models import DataRequest


def requests_for(user):
    if not can_read(user):
        return DataRequest.objects.none()
    return scoped(DataRequest.objects.select_related("union", "answered_by"), "union", user)


def processing_log_for(user):
    """The log of the processing of personal data: exports, erasures, withdrawals, requests."""
    if not can_read(user):
        return ModelLogEntry.objects.none()
    return ModelLogEntry.objects.filter(action__startswith="privacy.").select_related("user")
