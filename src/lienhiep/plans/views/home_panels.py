"""The member-organisation officer's home panel: their yearly return and its deadline."""

from django.utils import timezone

from lienhiep.directory.rules import scope_organisation, sees_everything
from lienhiep.directory.views.panels import DashboardPanel

from .. import rules
from ..enums import EDITABLE_STATES


class OfficerReturnPanel(DashboardPanel):
    name = "officer_return"
    template_name = "plans/home_officer_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        user = self.request.user
        organisation = scope_organisation(user) if rules.is_officer(user) else None
        if organisation is None:
            return {"organisation": None}
        returns = rules.returns_for(user).filter(organisation=organisation).order_by("-year")[:2]
        return {
            "organisation": organisation,
            "returns": [{"return": r, "editable": r.state in EDITABLE_STATES} for r in returns],
            "today": timezone.localdate(),
        }


class NationalLinkPanel(DashboardPanel):
    """Federation staff's way from the dashboard to the national view and its map."""

    name = "national_link"
    template_name = "plans/home_national_panel.html"
    order = 30

    def get_context_data(self, parent_context):
        return {"shown": sees_everything(self.request.user)}
