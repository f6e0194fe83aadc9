from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lienhiep.core.indicators import SUBJECTS
from lienhiep.directory.rules import sees_everything

from .bulk_actions import AcceptReturnsBulkAction
from .views import dashboard, figures, returns, subjects
from .viewsets import PlansViewSetGroup


@hooks.register("register_admin_viewset")
def register_plans():
    return PlansViewSetGroup()


@hooks.register("register_admin_urls")
def register_plan_urls():
    return [
        path("plans/figures/<str:code>/", figures.records_view, name="plans_figure_records"),
        path("plans/national/", figures.national_view, name="plans_national"),
        path("plans/national/export/", figures.national_export_view, name="plans_national_export"),
        path("plans/national/<int:pk>/", figures.national_union_view, name="plans_national_union"),
        path("plans/plans/<int:pk>/approve/", dashboard.approve_view, name="plans_approve"),
        path("plans/returns/<int:pk>/review/", returns.review_view, name="plans_return_review"),
        path("plans/returns/remind/", returns.remind_view, name="plans_return_remind"),
        # Each record kind with figures of its own gets the figures screen under its own path.
        *(
            path(
                f"{kind.path}/<int:pk>/figures/",
                subjects.figures_view,
                {"kind": kind.kind},
                name=kind.url_name,
            )
            for kind in SUBJECTS.values()
        ),
    ]


class NationalMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_everything(request.user)


@hooks.register("register_admin_menu_item")
def register_national_menu_item():
    return NationalMenuItem(
        _("National table"), reverse("plans_national"), icon_name="table", order=310
    )


@hooks.register("construct_homepage_panels")
def add_plan_panel(request, home_panels):
    home_panels.insert(0, dashboard.PlanPanel(request))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("plans.plan.approved", _("Approve plan"), _("Plan approved"))
    actions.register_action("plans.return.submitted", _("Submit return"), _("Return submitted"))
    actions.register_action("plans.return.accepted", _("Accept return"), _("Return accepted"))
    actions.register_action("plans.return.sent_back", _("Send back return"), _("Return sent back"))
    actions.register_action(
        "plans.return.reminded", _("Remind missing returns"), _("Reminders sent")
    )


hooks.register("register_bulk_action", AcceptReturnsBulkAction)


@hooks.register("construct_homepage_panels")
def add_officer_panel(request, home_panels):
    from .views.home_panels import OfficerReturnPanel

    home_panels.append(OfficerReturnPanel(request))


@hooks.register("construct_homepage_panels")
def add_national_link_panel(request, home_panels):
    from .views.home_panels import NationalLinkPanel

    home_panels.append(NationalLinkPanel(request))
