from django.utils import timezone
from django.utils.safestring import mark_safe

from lienhiep.core import generation
from lienhiep.directory.rules import can_read, organisation_ids_for
from lienhiep.directory.views.panels import DashboardPanel

from .. import rules, services


class OverduePanel(DashboardPanel):
    """Steps of critique cases past their due date, on the dashboard."""

    name = "overdue_case_steps"
    template_name = "consulting/overdue_panel.html"
    order = 60

    def render_html(self, parent_context=None):
        """Drawn again only when a case (or another counted record) changes or the day turns
        (``core.generation.kept``), for each set of organisations staff see."""
        if not can_read(self.request.user):
            return ""
        visible = organisation_ids_for(self.request.user)
        draw = super().render_html
        drawn = "*" if visible is None else sorted(visible)
        return mark_safe(generation.kept("overdue-steps", drawn, lambda: draw(parent_context)))

    def get_context_data(self, parent_context):
        if not can_read(self.request.user):
            return {"steps": None}
        cases = rules.cases_for(self.request.user)
        return {"steps": list(services.overdue_steps(cases, timezone.localdate())[:20])}
