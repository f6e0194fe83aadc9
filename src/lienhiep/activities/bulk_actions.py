"""Bulk actions of the activities listing: mark a selection of planned activities held."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.bulk import ScopedBulkAction

from . import rules, services
from .filters import ActivityFilterSet
from .models import Activity


class MarkHeldBulkAction(ScopedBulkAction):
    models = [Activity]
    action_type = "held"
    display_name = _("Mark held")
    aria_label = _("Mark the selected activities held")
    visible = staticmethod(rules.activities_for)
    service = staticmethod(services.mark_held)
    records_argument = "activities"
    filterset_class = ActivityFilterSet
    done_message = _("%(count)s activities were marked held.")
