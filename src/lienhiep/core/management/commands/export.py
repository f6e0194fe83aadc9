"""List the registered exporters, or render one to a file.

manage.py export --list
manage.py export contests.yearbook round=12 format=pdf
manage.py export directory.person_list user=admin format=csv --output nguoi.csv
"""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from lienhiep.core.exporters import exporter, exporters
from lienhiep.core.management.base import Command as LienhiepCommand


class Command(LienhiepCommand):
    help = "List the exporters (--list) or render one: export <identifier> name=value ..."

    def add_arguments(self, parser):
        parser.add_argument("identifier", nargs="?")
        parser.add_argument("values", nargs="*", metavar="name=value")
        parser.add_argument("--list", action="store_true", help="List every exporter.")
        parser.add_argument("--output", "-o", help="The file to write (the exporter's name).")

    def handle(self, *args, identifier=None, values=(), list=False, output=None, **options):
        if list or not identifier:
            return self.list()
        self.export(identifier, dict(self.pair(value) for value in values), output)

    def list(self):
        for item in exporters():
            names = " ".join(f"{name}=…" for name in item.options)
            self.stdout.write(f"{item.identifier}\t{item.verbose_name}\t{names}")

    @staticmethod
    def pair(value):
        name, sep, text = value.partition("=")
        if not sep:
            raise CommandError(_("Give options as name=value: %(value)s") % {"value": value})
        return name, text

    def export(self, identifier, values, output):
        try:
            chosen = exporter(identifier)
        except KeyError:
            raise CommandError(_("No such exporter: %(name)s") % {"name": identifier}) from None
        if not chosen.command_line:
            raise CommandError(_("This exporter is not run from the command line."))
        unknown = sorted(set(values) - set(chosen.options))
        form = chosen.form(values)
        if unknown or not form.is_valid():
            raise CommandError(" ".join([*unknown, form.errors.as_text()]))
        try:
            rendered = chosen.render(**form.cleaned_data)
        except PermissionDenied:
            raise CommandError(_("You may not export this.")) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        path = Path(output or rendered.filename)
        path.write_bytes(rendered.content)
        self.stdout.write(f"{path} ({rendered.content_type}, {len(rendered.content)} bytes)")
