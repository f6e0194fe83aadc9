from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .enums import RoundState
from .models import CouncilMember
from .views import rounds
from .viewsets import HonoursViewSetGroup


@hooks.register("register_admin_viewset")
def register_honours():
    return HonoursViewSetGroup()


@hooks.register("register_admin_urls")
def register_honour_urls():
    return [
        path("honours/rounds/<int:pk>/process/", rounds.process_view, name="honours_round_process"),
        path("honours/council/", rounds.council_view, name="honours_council"),
        path("honours/council/<int:pk>/", rounds.vote_view, name="honours_vote"),
        path(
            "honours/commendations/<int:pk>/import/",
            rounds.import_recipients_view,
            name="honours_import_recipients",
        ),
    ]


class CouncilMenuItem(MenuItem):
    def is_shown(self, request):
        person = getattr(request.user, "person", None)
        return person is not None and CouncilMember.objects.filter(person=person).exists()


@hooks.register("register_admin_menu_item")
def register_council_menu_item():
    return CouncilMenuItem(
        _("Council votes"), reverse("honours_council"), icon_name="pick", order=101
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for state in RoundState:
        actions.register_action(f"honours.round.{state.value}", state.label, state.label)
    actions.register_action(
        "honours.nomination.reviewed", _("Review nomination"), _("Nomination reviewed")
    )
    actions.register_action("honours.vote.cast", _("Vote"), _("Vote cast"))
    actions.register_action(
        "honours.council.seated", _("Seat on the council"), _("Seated on the council")
    )
    actions.register_action(
        "honours.council.unseated", _("Remove from the council"), _("Removed from the council")
    )


@hooks.register("construct_homepage_panels")
def add_council_panel(request, home_panels):
    from .views.home_panels import CouncilPanel

    home_panels.append(CouncilPanel(request))
