from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lienhiep.directory.rules import may_issue_sending_tokens, may_send_to_federation

from . import views


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("api.package.loaded", _("Load year package"), _("Year package loaded"))
    actions.register_action(
        "api.package.received", _("Receive year package"), _("Year package received")
    )
    actions.register_action("api.package.sent", _("Send year package"), _("Year package sent"))
    actions.register_action(
        "api.sending_token.issued", _("Issue sending token"), _("Sending token issued")
    )
    actions.register_action(
        "api.sending_token.revoked", _("Revoke sending token"), _("Sending token revoked")
    )
    actions.register_action(
        "api.federation.connected",
        _("Connect to the federation"),
        _("Connection to the federation changed"),
    )


@hooks.register("register_admin_urls")
def register_federation_urls():
    return [
        path("federation/tokens/", views.sending_tokens, name="api_sending_tokens"),
        path(
            "federation/tokens/<int:pk>/revoke/",
            views.sending_token_revoke,
            name="api_sending_token_revoke",
        ),
        path("federation/sending/", views.federation_sending, name="api_federation_sending"),
        path("federation/sending/send/", views.federation_send, name="api_federation_send"),
    ]


class SendingTokensMenuItem(MenuItem):
    def is_shown(self, request):
        return may_issue_sending_tokens(request.user)


class FederationSendingMenuItem(MenuItem):
    def is_shown(self, request):
        return may_send_to_federation(request.user)


@hooks.register("register_admin_menu_item")
def register_sending_tokens_menu_item():
    return SendingTokensMenuItem(
        _("Provinces' sending tokens"), reverse("api_sending_tokens"), icon_name="key", order=231
    )


@hooks.register("register_admin_menu_item")
def register_federation_sending_menu_item():
    return FederationSendingMenuItem(
        _("Send to the federation"),
        reverse("api_federation_sending"),
        icon_name="upload",
        order=232,
    )
