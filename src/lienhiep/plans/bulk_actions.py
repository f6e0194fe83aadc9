"""Bulk actions of the yearly returns listing: accept a selection of submitted returns."""

from django.utils.translation import gettext_lazy as _

from lienhiep.core.bulk import ScopedBulkAction

from . import rules, services
from .models import YearlyReturn


class AcceptReturnsBulkAction(ScopedBulkAction):
    models = [YearlyReturn]
    action_type = "accept"
    display_name = _("Accept")
    aria_label = _("Accept the selected returns")
    visible = staticmethod(rules.returns_for)
    service = staticmethod(services.accept_returns)
    records_argument = "returns"
    done_message = _("%(count)s returns were accepted.")
