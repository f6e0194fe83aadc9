"""Who sees personal data requests and the processing log: staff and leaders of the union
(``directory.rules``); only staff record and answer requests."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ModelLogEntry

from lienhiep.directory.rules import can_read, scoped

from .holders import HOLDERS
from .models import DataRequest


def requests_for(user):
    if not can_read(user):
        return DataRequest.objects.none()
    return scoped(DataRequest.objects.select_related("union", "answered_by"), "union", user)


def processing_log_for(user):
    """The log of the processing of personal data: requests, views of them, exports, erasures,
    withdrawals, and staff's changes of the records holders register (``holders.logged``)."""
    if not can_read(user):
        return ModelLogEntry.objects.none()
    models = [model for holder in HOLDERS for model in holder.logged]
    changed = ContentType.objects.get_for_models(*models).values()
    return ModelLogEntry.objects.filter(
        Q(action__startswith="privacy.") | Q(content_type__in=list(changed))
    ).select_related("user", "content_type")
