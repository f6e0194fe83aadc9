from django.utils import timezone

from lienhiep.directory.rules import can_read
from lienhiep.directory.views.panels import DashboardPanel

from .. import rules, services


class OverduePanel(DashboardPanel):
    """Steps of critique cases past their due date, on the dashboard."""

    name = "overdue_case_steps"
    template_name = "consulting/overdue_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        if not can_read(self.request.user):
            return {"steps": None}
        cases = rules.cases_for(self.request.user)
        return {"steps": list(services.overdue_steps(cases, timezone.localdate())[:20])}
