from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "lienhiep.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from . import display, roles

        display.install()
        post_migrate.connect(roles.ensure_groups_after_migrate)
