"""Print the installation's public key and fingerprint (the key is made on first use)."""

from django.core.management.base import BaseCommand

from lienhiep.api import keys


class Command(BaseCommand):
    help = "Show this installation's public signing key and its fingerprint."

    def handle(self, *args, **options):
        public = keys.public_key_text()
        self.stdout.write(f"Khóa công khai: {public}")
        self.stdout.write(f"Dấu vân tay: {keys.fingerprint(public)}")
