"""The leader's (and staff's) home: personal data requests past their due day."""

from django.utils import timezone

from lienhiep.directory.rules import can_read
from lienhiep.directory.views.panels import DashboardPanel

from .rules import overdue_requests_for


class OverdueRequestsPanel(DashboardPanel):
    name = "overdue_privacy_requests"
    template_name = "privacy/admin/overdue_panel.html"
    order = 65

    def get_context_data(self, parent_context):
        if not can_read(self.request.user):
            return {"overdue": None}
        return {"overdue": list(overdue_requests_for(self.request.user, timezone.localdate()))}
