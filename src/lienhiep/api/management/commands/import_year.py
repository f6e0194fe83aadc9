"""Verify a signed year package and load it as its union's figures for the year."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from lienhiep.api.package.load import PackageRefused, load
from lienhiep.core.management.base import Command as LienhiepCommand


def _read(path):
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(
            _("Could not read the year package %(file)s: %(error)s")
            % {"file": path, "error": error}
        ) from error


class Command(LienhiepCommand):
    help = "Verify and load a year package; --trust registers an unknown sender's key."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--trust",
            action="store_true",
            help="Trust the sender's key if it is not known yet (check its fingerprint first).",
        )

    def handle(self, *args, file, trust, **options):
        try:
            union, print_, new = load(package=_read(file), trust=trust)
        except PackageRefused as refusal:
            raise CommandError(" ".join(refusal.messages)) from refusal
        if new:
            self.stdout.write(
                _("Trusted the sender's key, fingerprint %(print)s") % {"print": print_}
            )
        self.stdout.write(_("Loaded the year package of %(union)s") % {"union": union.name})
