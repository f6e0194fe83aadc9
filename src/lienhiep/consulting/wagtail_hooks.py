from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lienhiep.directory import roles

from .kind_viewsets import OtherConsultingViewSetGroup
from .views import importing, process
from .viewsets import CaseViewSet


@hooks.register("register_admin_viewset")
def register_cases():
    return CaseViewSet()


@hooks.register("register_admin_viewset")
def register_other_work():
    return OtherConsultingViewSetGroup()


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("consulting/records/import/", importing.import_view, name="consulting_records_import"),
        path(
            "consulting/records/import/template.xlsx",
            importing.template_view,
            name="consulting_records_import_template",
        ),
        path(
            "consulting/cases/<int:pk>/process/",
            process.process_view,
            name="consulting_case_process",
        ),
        path("consulting/my-cases/", process.my_cases_view, name="consulting_my_cases"),
        path("consulting/my-cases/<int:pk>/", process.opinion_view, name="consulting_opinion"),
    ]


class ExpertMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_role(request.user, roles.EXPERT)


@hooks.register("register_admin_menu_item")
def register_expert_menu_item():
    return ExpertMenuItem(
        _("My critique cases"), reverse("consulting_my_cases"), icon_name="doc-full", order=100
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    from .enums import CaseState

    for state in CaseState:
        actions.register_action(f"consulting.case.{state.value}", state.label, state.label)
    actions.register_action(
        "consulting.panel.added", _("Add to the panel"), _("Expert added to the panel")
    )
    actions.register_action(
        "consulting.opinion.submitted", _("Submit opinion"), _("Opinion submitted")
    )


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, home_panels):
    from .views.panels import OverduePanel

    home_panels.append(OverduePanel(request))


@hooks.register("construct_homepage_panels")
def add_expert_panel(request, home_panels):
    from .views.home_panels import ExpertPanel

    home_panels.append(ExpertPanel(request))
