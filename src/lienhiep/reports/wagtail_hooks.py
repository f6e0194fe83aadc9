from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views import runs
from .viewsets import ReportsViewSetGroup


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSetGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/run/<int:pk>/", runs.run_view, name="reports_run"),
        path("reports/run/<int:pk>/progress/", runs.progress_view, name="reports_progress"),
        path("reports/run/<int:pk>/file/<str:kind>/", runs.file_view, name="reports_file"),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "reports.run.queued", _("Queue report"), _("Report queued for generation")
    )
    actions.register_action("reports.run.generated", _("Generate report"), _("Report generated"))
    actions.register_action(
        "reports.run.orphaned",
        _("Report generation stopped"),
        _("The worker stopped while generating the report"),
    )
    actions.register_action(
        "reports.run.outdated", _("Report text changed"), _("Text changed after generation")
    )
    actions.register_action("reports.run.issued", _("Issue report"), _("Report issued"))
    actions.register_action("reports.run.news", _("News draft"), _("News draft created"))
