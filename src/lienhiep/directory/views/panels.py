"""The registry panel on the admin dashboard."""

from django.db.models import Max
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .. import measures, rules
from ..models import MemberCount
from ..rules import union_for
from ..setup import CHOSEN_YEAR


class DashboardPanel(Component):
    """A panel on the admin dashboard, drawn for one request (its user and session)."""

    def __init__(self, request):
        self.request = request


def remembered_year(request, year=None):
    """The year asked for, remembered in the session; else the one last chosen (or None)."""
    session = getattr(request, "session", {})
    if year:
        session[CHOSEN_YEAR] = year
        return year
    return session.get(CHOSEN_YEAR)


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
        latest = MemberCount.objects.filter(organisation__parent=union).aggregate(y=Max("year"))[
            "y"
        ]
        year = remembered_year(self.request) or latest or timezone.localdate().year
        figures = measures.registry(rules.subtree_ids(union.pk), year)
        return {"union": union, "year": year, "figures": figures}
