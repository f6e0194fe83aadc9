"""``manage.py setup_union``: the first-run setup for scripted installs.

The command is the operator's own (whoever may run ``manage.py`` holds the installation), so it
acts without a login, as ``createsuperuser`` does.
"""

from contextlib import ExitStack
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from lienhiep.core.formatting import slugify_vi
from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.directory.setup import find_province

from ...services import setup_union


class Command(LienhiepCommand):
    help = "Set up the union this installation runs: its registry entry and its website."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--province", required=True, help="One of the 34 provinces.")
        parser.add_argument("--slug", default="")
        parser.add_argument("--abbreviation", default="LHH")
        parser.add_argument("--place", default="", help="Place in the date line.")
        parser.add_argument("--signer", required=True, help="The signer's name.")
        parser.add_argument("--signer-title", default="CHỦ TỊCH")
        parser.add_argument("--logo", help="An image file.")
        parser.add_argument("--admin-username", help="Create the union's first staff login.")
        parser.add_argument("--admin-email", default="")
        parser.add_argument("--admin-password", help="Made and printed when not given.")

    def handle(self, *args, **options):
        login = None
        if options["admin_username"]:
            login = {
                "username": options["admin_username"],
                "email": options["admin_email"],
                "password": options["admin_password"],
            }
        with ExitStack() as files:
            logo = files.enter_context(open(options["logo"], "rb")) if options["logo"] else None
            union, account = self.set_up(options, login, logo)
        self.stdout.write(
            _("Set up %(union)s (%(code)s).") % {"union": union.name, "code": union.slug}
        )
        if account:
            user, password = account
            self.stdout.write(
                _("Login: %(username)s / %(password)s")
                % {"username": user.username, "password": password}
            )

    def set_up(self, options, login, logo):
        try:
            return setup_union(
                user=None,
                logo=ImageFile(logo, name=Path(logo.name).name) if logo else None,
                login=login,
                name=options["name"],
                province=find_province(options["province"]),
                slug=options["slug"] or slugify_vi(options["name"])[:150],
                abbreviation=options["abbreviation"],
                place_name=options["place"],
                signer_name=options["signer"],
                signer_title=options["signer_title"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
