"""Seed the Hòa An demo year (idempotent): each app with a ``demo`` module adds its records."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from lienhiep.core.management.base import Command as LienhiepCommand


class Command(LienhiepCommand):
    help = "Create or refresh the demo union of Hòa An (2024) and its demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the demo logins share a published password).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "DEBUG is off: this looks like a production site, and the demo logins have a "
                    "published password. Run with DEBUG=1, or add --force if you mean it."
                )
            )
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name.startswith("lienhiep.") and find_spec(f"{config.name}.demo"):
                    module = import_module(f"{config.name}.demo")
                    module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(_("The Hòa An 2024 demo data is ready.")))
        # Hòa An is not one of the 34 provinces: the demo union has none, and says so
        self.stdout.write(
            _(
                "Hòa An is a fictional province: the demo union has no province and is listed "
                "under “No province given” in the national table, not on the map."
            )
        )
