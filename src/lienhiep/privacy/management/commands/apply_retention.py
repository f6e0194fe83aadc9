from django.utils import translation
from django.utils.translation import gettext as _

from lienhiep.core.formatting import parse_date
from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.privacy import services


class Command(LienhiepCommand):
    help = "Anonymise the personal data kept longer than its retention period and list it."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="dd/mm/yyyy: the day to apply the rule as of")

    def handle(self, *args, today=None, **options):
        with translation.override("vi"):
            day = parse_date(today) if today else None
            done = services.apply_retention(today=day)
            for outcome in done:
                self.stdout.write(f"{outcome.record}: {outcome.reason}")
            self.stdout.write(_("%(count)s records anonymised or removed.") % {"count": len(done)})
