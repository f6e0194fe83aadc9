from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .accounts import can_manage_accounts
from .choosers import person_chooser
from .display import avatar_data_url
from .views import accounts, importing, panels, tokens
from .viewsets import DirectoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_directory():
    return DirectoryViewSetGroup()


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("directory/accounts/", accounts.account_list, name="directory_accounts"),
        path(
            "directory/accounts/invite/", accounts.account_invite, name="directory_account_invite"
        ),
        path("directory/accounts/<int:pk>/", accounts.account_edit, name="directory_account_edit"),
        path("directory/accounts/tokens/", tokens.token_list, name="directory_tokens"),
        path(
            "directory/accounts/tokens/<int:pk>/revoke/",
            tokens.token_revoke,
            name="directory_token_revoke",
        ),
        path("directory/import/", importing.import_view, name="directory_import"),
        path(
            "directory/import/template.xlsx",
            importing.template_view,
            name="directory_import_template",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return importing.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import from Excel"), reverse("directory_import"), icon_name="upload", order=210
    )


@hooks.register("construct_homepage_panels")
def add_registry_panel(request, home_panels):
    home_panels.insert(0, panels.RegistryPanel(request))


class AccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_accounts(request.user)


@hooks.register("register_admin_menu_item")
def register_accounts_menu_item():
    return AccountsMenuItem(_("Logins"), reverse("directory_accounts"), icon_name="user", order=220)


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("directory.account.invited", _("Invite"), _("Login invited"))
    actions.register_action("directory.account.changed", _("Change login"), _("Login changed"))
    actions.register_action("directory.account.linked", _("Link person"), _("Person linked"))
    actions.register_action("directory.account.unlinked", _("Unlink person"), _("Person unlinked"))
    actions.register_action(
        "directory.token.created", _("Create API token"), _("API token created")
    )
    actions.register_action(
        "directory.token.revoked", _("Revoke API token"), _("API token revoked")
    )


@hooks.register("register_admin_menu_item")
def register_tokens_menu_item():
    return MenuItem(_("My API tokens"), reverse("directory_tokens"), icon_name="key", order=221)


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    return avatar_data_url(user, size) if user is not None else None
