"""Print a union's registry at the end of a year: the indicator registry's figures and records."""

from django.core.management.base import BaseCommand

from lienhiep.core.formatting import format_count, format_date, format_number
from lienhiep.core.indicators import MEASURES
from lienhiep.directory.measures import registry
from lienhiep.directory.rules import subtree_ids
from lienhiep.directory.setup import organisation_for_command


def lines(union, year):
    """The figures of the union's subtree, each with the records behind it where it lists them."""
    ids = subtree_ids(union.pk)
    f = registry(ids, year)
    admitted = MEASURES["directory.admitted"].queryset(ids, year)
    congresses = MEASURES["directory.congresses"].queryset(ids, year)
    overdue = MEASURES["directory.overdue_congresses"].queryset(ids, year)
    return [
        f"{union.name} – cuối năm {year}",
        f"Tổ chức thành viên: {format_count(f['member_organisations'])} "
        f"({format_count(f['member_associations'])} hội thành viên, "
        f"{format_count(f['collective_members'])} hội viên tập thể)",
        f"Đơn vị trực thuộc: {format_count(f['subordinate_units'])}",
        f"Hội viên: {format_number(f['members'])}",
        f"Câu lạc bộ trí thức: {format_number(f['club_members'])} thành viên, "
        f"{format_count(f['new_club_members'])} mới",
        f"Kết nạp trong năm: {format_count(f['admitted'])}",
        *(
            f"  - {o.name} ({o.admission_decision_number}, {format_date(o.admission_decision_date)})"
            for o in admitted.order_by("admission_decision_date", "sort_key")
        ),
        f"Đại hội trong năm: {format_count(f['congresses'])}",
        *(
            f"  - {t.organisation.name}: {format_date(t.congress_date)}"
            for t in congresses.select_related("organisation").order_by("congress_date")
        ),
        f"Quá hạn Đại hội: {format_count(f['overdue_congresses'])}",
        *(
            f"  - {o.name} (hết nhiệm kỳ {format_date(o.congress_deadline)})"
            for o in overdue.order_by("sort_key")
        ),
    ]


class Command(BaseCommand):
    help = "Show the registry figures of a union at the end of a year."

    def add_arguments(self, parser):
        parser.add_argument(
            "--org", help="The code of an organisation; the default union if omitted."
        )
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        union = organisation_for_command(org)
        self.stdout.write("\n".join(lines(union, year)))
