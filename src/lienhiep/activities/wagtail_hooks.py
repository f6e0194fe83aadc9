from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .bulk_actions import MarkHeldBulkAction
from .views import calendar, importing
from .viewsets import ActivitiesViewSetGroup


@hooks.register("register_admin_viewset")
def register_activities():
    return ActivitiesViewSetGroup()


@hooks.register("register_admin_urls")
def register_activity_urls():
    return [
        path("activities/calendar/", calendar.calendar_view, name="activities_calendar"),
        path("activities/import/", importing.import_view, name="activities_import"),
        path(
            "activities/import/template.xlsx",
            importing.template_view,
            name="activities_import_template",
        ),
    ]


class ActivityMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("activities.view_activity")


class ImportMenuItem(MenuItem):
    """Offered to those the import screen lets in (a leader reads activities, never imports)."""

    def is_shown(self, request):
        return importing.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return ActivityMenuItem(
        _("Calendar of activities"), reverse("activities_calendar"), icon_name="date", order=311
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import activities"), reverse("activities_import"), icon_name="upload", order=312
    )


hooks.register("register_bulk_action", MarkHeldBulkAction)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "activities.activity.held", _("Mark activity held"), _("Activity marked held")
    )
