"""The judge's home panel: the entries still to score in each round, current round first."""

from lienhiep.directory.views.panels import DashboardPanel

from .. import queries, rules


class JudgePanel(DashboardPanel):
    name = "judge_work"
    template_name = "contests/home_judge_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        if getattr(self.request.user, "person", None) is None:  # only a person judges
            return {"progress": []}
        return {"progress": queries.judging_progress(rules.assignments_for(self.request.user))[:5]}
