"""Write a union's signed year package (docs/federation.md)."""

import json
from pathlib import Path

from django.utils.translation import gettext as _

from lienhiep.api.package.build import build
from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.directory.setup import organisation_for_command


class Command(LienhiepCommand):
    help = "Write the signed year package of a union: registry, figures, lists, issued report."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="The code of the union; the default union if omitted.")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", required=True, help="The JSON file to write.")

    def handle(self, *args, org, year, output, **options):
        union = organisation_for_command(org)
        package = build(union=union, year=year)
        Path(output).write_text(json.dumps(package, ensure_ascii=False, indent=1), "utf-8")
        self.stdout.write(
            _("Wrote the %(year)s year package of %(union)s to %(file)s, signed by %(key)s")
            % {
                "year": year,
                "union": union.name,
                "file": output,
                "key": package["sender"]["fingerprint"],
            }
        )
