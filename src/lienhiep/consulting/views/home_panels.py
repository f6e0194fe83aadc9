"""The expert's home panel: their open critique cases, their opinion and the next due step."""

from django.db.models import Prefetch
from django.utils import timezone

from lienhiep.directory.rules import can_read
from lienhiep.directory.views.panels import DashboardPanel

from .. import rules
from ..enums import OPEN_STATES, OPINION_STATES
from ..models import CaseStep, Opinion


class ExpertPanel(DashboardPanel):
    """Staff and leaders follow every case on the overdue panel; an expert sees their own."""

    name = "expert_work"
    template_name = "consulting/home_expert_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        user = self.request.user
        person = rules.person_of(user)
        if can_read(user) or person is None:
            return {"cases": []}
        due = CaseStep.objects.filter(done_on__isnull=True).order_by("due_on")
        cases = list(
            rules.cases_for(user)
            .filter(state__in=OPEN_STATES)
            .prefetch_related(Prefetch("steps", queryset=due, to_attr="due_steps"))
            .order_by("deadline")[:10]
        )
        given = {
            case_id: timezone.localdate(at)
            for case_id, at in Opinion.objects.filter(expert=person, case__in=cases).values_list(
                "case_id", "submitted_at"
            )
        }
        return {
            "cases": [
                {
                    "case": case,
                    "next_step": case.due_steps[0] if case.due_steps else None,
                    "opinion_at": given.get(case.pk),
                    "opinion_wanted": case.state in OPINION_STATES,
                }
                for case in cases
            ],
            "today": timezone.localdate(),
        }
