from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lienhiep.directory.rules import can_read

from . import admin_views


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path("privacy/requests/", admin_views.requests_view, name="privacy_requests"),
        path("privacy/requests/<int:pk>/", admin_views.request_view, name="privacy_request"),
        path("privacy/log/", admin_views.processing_log_view, name="privacy_log"),
    ]


@hooks.register("construct_homepage_panels")
def add_overdue_requests_panel(request, home_panels):
    from .panels import OverdueRequestsPanel

    home_panels.append(OverdueRequestsPanel(request))


class ReaderMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read(request.user)


@hooks.register("register_admin_menu_item")
def register_requests_menu_item():
    return ReaderMenuItem(
        _("Personal data requests"), reverse("privacy_requests"), icon_name="lock", order=850
    )


@hooks.register("register_admin_menu_item")
def register_log_menu_item():
    return ReaderMenuItem(
        _("Personal data processing log"), reverse("privacy_log"), icon_name="list-ul", order=851
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "privacy.request.recorded",
        _("Record a personal data request"),
        _("Personal data request recorded"),
    )
    actions.register_action(
        "privacy.request.viewed",
        _("View a personal data request"),
        _("Personal data request viewed"),
    )
    actions.register_action(
        "privacy.request.answered",
        _("Answer a personal data request"),
        _("Personal data request answered"),
    )
    actions.register_action(
        "privacy.request.erased", _("Erase a person's data"), _("Person's data erased")
    )
    actions.register_action(
        "privacy.request.withdrawn",
        _("Withdraw consent to publishing"),
        _("Consent to publishing withdrawn"),
    )
    actions.register_action(
        "privacy.consent.withdrawn", _("Stop publishing an author"), _("Author no longer published")
    )
    actions.register_action(
        "privacy.person.exported", _("Export a person's data"), _("Person's data exported")
    )
    actions.register_action(
        "privacy.person.anonymised", _("Anonymise a person"), _("Person anonymised")
    )
    actions.register_action(
        "privacy.membership.removed", _("Remove a membership"), _("Membership removed")
    )
    actions.register_action(
        "privacy.record.removed", _("Remove personal data"), _("Personal data removed")
    )
    actions.register_action(
        "privacy.file.downloaded",
        _("Download a file holding personal data"),
        _("File holding personal data downloaded"),
    )
    actions.register_action(
        "privacy.data.exported",
        _("Export personal data"),
        _("Personal data exported"),
    )
    actions.register_action(
        "privacy.record.viewed", _("View personal data"), _("Personal data viewed")
    )
