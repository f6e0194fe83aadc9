from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("api.package.loaded", _("Load year package"), _("Year package loaded"))
