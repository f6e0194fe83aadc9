from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lienhiep.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # The kernel's registries: every app's figures (measures.py), report sections (report.py)
        # exporters (exporters.py; the admin's list exports register with their viewsets) and
        # records with figures of their own (subjects.py) and the private files' fields with who
        # sees them (private_files.py).
        autodiscover_modules("measures", "report", "exporters", "subjects", "private_files")

        from . import generation

        # the figures kept in the shared cache are added up again once a counted record changes
        generation.connect()

        from . import admin_sidebar

        # every admin screen packs Wagtail's sidebar once per process for what it draws
        admin_sidebar.install()
