"""Who sees personal data requests and the processing log: staff and leaders of the union
(``directory.rules``), each only their union's; only staff record and answer requests."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry

from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import can_read, organisation_ids_for, scoped

from .enums import RequestState
from .holders import HOLDERS
from .models import DataRequest


def requests_for(user):
    if not can_read(user):
        return DataRequest.objects.none()
    return scoped(DataRequest.objects.select_related("union", "answered_by"), "union", user)


def overdue_requests_for(user, today):
    """The open requests ``user`` may see that are past the day they were due."""
    return requests_for(user).filter(state=RequestState.OPEN, due_on__lt=today)


def _logged():
    """``{model: path to its union}`` of every record whose log is the processing log's."""
    found = {DataRequest: "union"}
    for holder in HOLDERS:
        found |= holder.logged
    return found


def _of_visible_records(user, logged):
    """Entries about records ``user`` may see (the log keeps the record's key as text); a list
    export is noted under the union of whom made it."""
    logged = logged | {Organisation: "pk"}
    types = ContentType.objects.get_for_models(*logged)
    visible = Q(pk__in=[])
    for model, path in logged.items():
        keys = scoped(model.objects.all(), path, user).annotate(key=Cast("pk", CharField()))
        visible |= Q(content_type=types[model], object_id__in=keys.values("key"))
    return visible


def processing_log_for(user):
    """The log of the processing of personal data: requests, views of them, exports, erasures,
    withdrawals, and staff's views and changes of the records holders register
    (``holders.logged``); a union's staff and leaders see only their union's."""
    if not can_read(user):
        return ModelLogEntry.objects.none()
    logged = _logged()
    changed = ContentType.objects.get_for_models(*logged).values()
    entries = ModelLogEntry.objects.filter(
        Q(action__startswith="privacy.") | Q(content_type__in=list(changed))
    ).select_related("user__person", "content_type")
    if organisation_ids_for(user) is None:
        return entries
    return entries.filter(_of_visible_records(user, logged))
