from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .enums import RoundState
from .models import Judge
from .views import judging, rounds
from .viewsets import ContestsViewSetGroup


@hooks.register("register_admin_viewset")
def register_contests():
    return ContestsViewSetGroup()


@hooks.register("register_admin_urls")
def register_contest_urls():
    return [
        path(
            "contests/rounds/<int:pk>/process/", rounds.process_view, name="contests_round_process"
        ),
        path(
            "contests/rounds/<int:pk>/judging/", rounds.judging_view, name="contests_round_judging"
        ),
        path(
            "contests/rounds/<int:pk>/entries/new/",
            rounds.paper_entry_view,
            name="contests_paper_entry",
        ),
        path(
            "contests/rounds/<int:pk>/import/", rounds.import_entries_view, name="contests_import"
        ),
        path(
            "contests/rounds/<int:pk>/yearbook.<str:format>",
            rounds.yearbook_view,
            name="contests_yearbook",
        ),
        path("contests/judging/", judging.my_entries_view, name="contests_judging"),
        path("contests/judging/<int:pk>/", judging.score_view, name="contests_score"),
        path(
            "contests/entries/<int:pk>/files/<int:file_pk>/",
            judging.file_view,
            name="contests_entry_file",
        ),
    ]


class JudgingMenuItem(MenuItem):
    def is_shown(self, request):
        person = getattr(request.user, "person", None)
        return person is not None and Judge.objects.filter(person=person).exists()


@hooks.register("register_admin_menu_item")
def register_judging_menu_item():
    return JudgingMenuItem(
        _("Entries to judge"), reverse("contests_judging"), icon_name="clipboard-list", order=102
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for state in RoundState:
        actions.register_action(f"contests.round.{state.value}", state.label, state.label)
    for action, label, message in [
        ("contests.round.assigned", _("Assign judges"), _("Judges assigned")),
        ("contests.round.finalists", _("Choose finalists"), _("Finalists chosen")),
        ("contests.round.proposed", _("Propose prizes"), _("Prizes proposed")),
        ("contests.entry.reviewed", _("Review entry"), _("Entry reviewed")),
        ("contests.entry.assigned", _("Assign judge"), _("Judge assigned")),
        ("contests.entry.unassigned", _("Remove judge"), _("Judge removed")),
        ("contests.entry.conflict", _("Declare conflict"), _("Conflict of interest declared")),
        ("contests.entry.scored", _("Score"), _("Entry scored")),
        ("contests.entry.prize", _("Set prize"), _("Prize set")),
        ("contests.entry.forwarded", _("Forward"), _("Forwarding changed")),
        ("contests.entry.national", _("National result"), _("National result recorded")),
    ]:
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_judge_panel(request, home_panels):
    from .views.home_panels import JudgePanel

    home_panels.append(JudgePanel(request))
