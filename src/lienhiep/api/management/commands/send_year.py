"""Send a union's signed year package to the federation (the address and token kept on the
"Send to the federation" screen), for scripts."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from lienhiep.api.enums import SendingState
from lienhiep.api.sending import send_year
from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.directory.setup import organisation_for_command


class Command(LienhiepCommand):
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
                _(
                    "The federation did not take the year package of %(year)s (%(status)s): %(answer)s"
                )
                % {"year": year, "status": sending.status or "—", "answer": sending.answer}
            )
        self.stdout.write(
            _("Sent the year package of %(year)s of %(union)s (SHA-256 %(hash)s): %(answer)s")
            % {
                "year": year,
                "union": union.name,
                "hash": sending.package_sha256,
                "answer": sending.answer,
            }
        )
