"""Print a union's registry at the end of a year, every figure counted from its records."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lienhiep.core.formatting import format_count, format_date, format_number
from lienhiep.directory.models import Organisation
from lienhiep.directory.queries import registry_figures


class Command(BaseCommand):
    help = "Show the registry figures of a union at the end of a year."

    def add_arguments(self, parser):
        parser.add_argument("--org", default=settings.LIENHIEP_DEFAULT_UNION)
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        union = Organisation.objects.filter(slug=org).first()
        if union is None:
            raise CommandError(f"Không có tổ chức mã “{org}”.")
        f = registry_figures(union, year)
        lines = [
            f"{union.name} – cuối năm {year}",
            f"Tổ chức thành viên: {format_count(f.member_organisations)} "
            f"({format_count(f.by_kind['member_association'])} hội thành viên, "
            f"{format_count(f.by_kind['collective_member'])} hội viên tập thể)",
            f"Đơn vị trực thuộc: {format_count(f.subordinate_units)}",
            f"Hội viên: {format_number(f.members)}",
            f"Câu lạc bộ trí thức: {format_number(f.club_members)} thành viên, "
            f"{format_count(f.club_new_members)} mới",
            f"Kết nạp trong năm: {format_count(len(f.admitted))}",
            *(
                f"  - {o.name} ({o.admission_decision_number}, {format_date(o.admission_decision_date)})"
                for o in f.admitted
            ),
            f"Đại hội trong năm: {format_count(len(f.congresses))}",
            *(f"  - {t.organisation.name}: {format_date(t.congress_date)}" for t in f.congresses),
            f"Quá hạn Đại hội: {format_count(len(f.overdue))}",
            *(f"  - {o.name} (hết nhiệm kỳ {format_date(o.congress_deadline)})" for o in f.overdue),
        ]
        self.stdout.write("\n".join(lines))
