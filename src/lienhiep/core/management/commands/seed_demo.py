"""Seed the Hòa An demo year (idempotent): each app with a ``demo`` module adds its records."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or refresh the demo union of Hòa An (2024) and its demo logins."

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name.startswith("lienhiep.") and find_spec(f"{config.name}.demo"):
                    module = import_module(f"{config.name}.demo")
                    module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu Hòa An 2024 đã sẵn sàng."))
