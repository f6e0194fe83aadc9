from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import importing, panels
from .viewsets import DirectoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_directory():
    return DirectoryViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
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
