"""The base of lienhiep's management commands: they speak the installation's language.

A command's messages are English msgids in the catalogue; the command runs with the language
of the settings (Vietnamese) active, whatever was active before (a test's request, a shell), so
that ``python manage.py …`` prints what the screens say.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class Command(BaseCommand):
    def execute(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return super().execute(*args, **options)
