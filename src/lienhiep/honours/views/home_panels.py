"""The council member's home panel: the rounds they sit in, the one to vote in first."""

from django.db.models import Count, Q

from lienhiep.directory.views.panels import DashboardPanel

from ..enums import VOTING_STATES
from ..models import CouncilMember


class CouncilPanel(DashboardPanel):
    name = "council_work"
    template_name = "honours/home_council_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        user = self.request.user
        person = getattr(user, "person", None)  # only a person sits on a council
        if person is None:
            return {"seats": []}
        seats = (
            CouncilMember.objects.filter(person=person)
            .select_related("round")
            .annotate(voted=Count("votes", distinct=True))
            .annotate(
                eligible=Count(
                    "round__nominations",
                    filter=Q(round__nominations__eligible=True),
                    distinct=True,
                )
            )
            .order_by("-round__year", "-round__number")[:5]
        )
        rows = [
            {
                "seat": seat,
                "voting": seat.round.state in VOTING_STATES,
                "to_vote": seat.eligible - seat.voted,
            }
            for seat in seats
        ]
        return {"seats": sorted(rows, key=lambda row: not row["voting"])}
