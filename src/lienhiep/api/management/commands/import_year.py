"""Verify a signed year package and load it as its union's figures for the year."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lienhiep.api.package.load import PackageRefused, load


def _read(path):
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"Không đọc được gói số liệu {path}: {error}") from error


class Command(BaseCommand):
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
            self.stdout.write(f"Đã tin cậy khóa của người gửi, dấu vân tay {print_}")
        self.stdout.write(f"Đã nạp gói số liệu của {union.name}")
