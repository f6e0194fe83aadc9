"""The registry panel on the admin dashboard."""

from django.db.models import Max
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .. import measures, rules
from ..enums import OrganisationKind
from ..models import MemberCount
from ..setup import CHOSEN_YEAR, default_union


def union_for(user):
    """The union whose figures a user reads: their scope's union, or the default union."""
    scope = rules.scope_organisation(user)
    while scope is not None and scope.kind != OrganisationKind.UNION:
        scope = scope.parent
    if scope is None and rules.sees_everything(user):
        scope = default_union()
    return scope


class RegistryPanel(Component):
    name = "registry"
    template_name = "directory/registry_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        union = union_for(user)
        if union is None or union.pk not in (rules.organisation_ids_for(user) or {union.pk}):
            return {"figures": None}
        latest = MemberCount.objects.filter(organisation__parent=union).aggregate(y=Max("year"))[
            "y"
        ]
        chosen = getattr(self.request, "session", {}).get(CHOSEN_YEAR)
        year = chosen or latest or timezone.localdate().year
        figures = measures.registry(rules.subtree_ids(union.pk), year)
        return {"union": union, "year": year, "figures": figures}
