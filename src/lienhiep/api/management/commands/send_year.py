"""Send a union's signed year package to the federation (the address and token kept on the
"Send to the federation" screen), for scripts."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lienhiep.api.enums import SendingState
from lienhiep.api.sending import send_year
from lienhiep.directory.setup import organisation_for_command


class Command(BaseCommand):
    help = "Build a union's year package and send it to the federation; the sending is recorded."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="The code of the union; the default union if omitted.")
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        union = organisation_for_command(org)
        try:
            sending = send_year(union=union, year=year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if sending.state != SendingState.ACCEPTED:
            raise CommandError(
                f"Trung ương không nhận gói số liệu năm {year} ({sending.status or '—'}): "
                f"{sending.answer}"
            )
        self.stdout.write(
            f"Đã gửi gói số liệu năm {year} của {union.name} (SHA-256 {sending.package_sha256}): "
            f"{sending.answer}"
        )
