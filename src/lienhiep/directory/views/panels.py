"""The registry panel on the admin dashboard."""

from wagtail.admin.ui.components import Component

from .. import measures, rules
from ..rules import union_for
from ..years import dashboard_year


class DashboardPanel(Component):
    """A panel on the admin dashboard, drawn for one request (its user and session)."""

    def __init__(self, request):
        self.request = request


class RegistryPanel(DashboardPanel):
    name = "registry"
    template_name = "directory/registry_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        user = self.request.user
        union = union_for(user)
        visible = rules.organisation_ids_for(user)  # None: every organisation
        if union is None or (visible is not None and union.pk not in visible):
            return {"figures": None}
        year = dashboard_year(self.request, union)
        figures = measures.registry(rules.subtree_ids(union.pk), year)
        return {"union": union, "year": year, "figures": figures}
