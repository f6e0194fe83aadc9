from django.utils.translation import gettext as _

from lienhiep.contests import drafts
from lienhiep.core.management.base import Command as LienhiepCommand


class Command(LienhiepCommand):
    help = "Remove the files kept for public entries sent with a mistake more than a day ago."

    def handle(self, *args, **options):
        removed = drafts.purge()
        self.stdout.write(_("Removed the kept files of %(count)s entries.") % {"count": removed})
