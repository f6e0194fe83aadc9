"""The leader's (and staff's) home: personal data requests past their due day."""

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from lienhiep.directory.rules import can_read
from lienhiep.directory.views.panels import DashboardPanel

from .enums import RequestState
from .models import DataRequest
from .rules import overdue_requests_for

#: The earliest due day of any open request of the installation (``None``: no open request),
#: kept in the shared cache and forgotten whenever a request is saved or deleted: most days no
#: request is overdue anywhere, and the home then asks the database nothing for this panel.
EARLIEST_DUE_KEY = "privacy:earliest-open-due"
_UNKNOWN = object()


def earliest_open_due():
    found = cache.get(EARLIEST_DUE_KEY, _UNKNOWN)
    if found is _UNKNOWN:
        found = DataRequest.objects.filter(state=RequestState.OPEN).aggregate(Min("due_on"))
        found = found["due_on__min"]
        cache.set(EARLIEST_DUE_KEY, found, None)
    return found


def forget_earliest_due(**kwargs):
    cache.delete(EARLIEST_DUE_KEY)


class OverdueRequestsPanel(DashboardPanel):
    name = "overdue_privacy_requests"
    template_name = "privacy/admin/overdue_panel.html"
    order = 65

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        if not can_read(self.request.user):
            return {"overdue": None}
        earliest = earliest_open_due()
        if earliest is None or earliest >= today:
            return {"overdue": []}
        return {"overdue": list(overdue_requests_for(self.request.user, today))}
