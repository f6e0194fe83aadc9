"""Print the installation's public key and fingerprint (the key is made on first use)."""

from django.utils.translation import gettext as _

from lienhiep.api import keys
from lienhiep.core.management.base import Command as LienhiepCommand


class Command(LienhiepCommand):
    help = "Show this installation's public signing key and its fingerprint."

    def handle(self, *args, **options):
        public = keys.public_key_text()
        self.stdout.write(_("Public key: %(key)s") % {"key": public})
        self.stdout.write(_("Fingerprint: %(print)s") % {"print": keys.fingerprint(public)})
