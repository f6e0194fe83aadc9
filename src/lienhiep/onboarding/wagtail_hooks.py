from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import services
from .guide import guide_view, without_outside_help
from .views import hosted_unions_view, setup_view


@hooks.register("register_admin_urls")
def register_setup_url():
    return [
        path("setup/", setup_view, name="onboarding_setup"),
        path("huong-dan/", guide_view, name="onboarding_guide"),
        path("lien-hiep-hoi/", hosted_unions_view, name="onboarding_hosted"),
    ]


class HostedUnionsMenuItem(MenuItem):
    def is_shown(self, request):
        return services.may_set_up(request.user)


@hooks.register("register_settings_menu_item")
def register_hosted_unions_menu_item():
    return HostedUnionsMenuItem(
        _("Hosted unions"), reverse("onboarding_hosted"), icon_name="site", order=50
    )


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(_("User guide"), reverse("onboarding_guide"), icon_name="help", order=900)


@hooks.register("construct_help_menu")
def remove_outside_help(request, menu_items):
    menu_items[:] = without_outside_help(menu_items)
