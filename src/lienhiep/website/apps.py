from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "lienhiep.website"
    label = "website"
    verbose_name = _("Public website")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .setup import ensure_page_rights_after_migrate
        from .wagtail_labels import label_wagtail_fields

        label_wagtail_fields()
        post_migrate.connect(ensure_page_rights_after_migrate)
