from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "lienhiep.website"
    label = "website"
    verbose_name = _("Public website")

    def ready(self):
        from . import signals  # noqa: F401
        from .wagtail_labels import label_wagtail_fields

        label_wagtail_fields()
