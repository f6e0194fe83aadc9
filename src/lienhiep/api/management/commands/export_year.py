"""Write a union's signed year package (docs/federation.md)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from lienhiep.api.package.build import build
from lienhiep.directory.setup import organisation_for_command


class Command(BaseCommand):
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
            f"Đã ghi gói số liệu năm {year} của {union.name} vào {output}, "
            f"ký bởi {package['sender']['fingerprint']}"
        )
