"""Print every indicator of an organisation and year: target, actual, achievement."""

from django.core.management.base import BaseCommand

from lienhiep.core.formatting import format_count, format_money_short, format_number
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.setup import organisation_for_command
from lienhiep.plans import figures, queries


def _count(value, unit=""):
    if value is None:
        return "—"
    if unit == "đồng":
        return format_money_short(value)
    if value == int(value):
        return format_count(int(value), unit)
    return f"{format_number(value)} {unit}".strip()


class Command(BaseCommand):
    help = "Show the indicators of an organisation for a year, in Vietnamese formatting."

    def add_arguments(self, parser):
        parser.add_argument(
            "--org", help="The code of an organisation; the default union if omitted."
        )
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        organisation = organisation_for_command(org)
        self.stdout.write(f"{organisation.name} – năm {year}")
        for figure in figures.figures(organisation, year):
            unit = figure.indicator.unit
            line = f"{figure.indicator.name}: thực hiện {_count(figure.value, unit)}"
            if figure.target:
                line += f"; kế hoạch {_count(figure.target_value, unit)}"
                line += (
                    f"; đạt {figure.achievement}%"
                    if figure.achievement is not None
                    else "; chưa có số liệu"
                )
            self.stdout.write(line)
        if organisation.kind == OrganisationKind.UNION:
            done = queries.completeness(organisation, year)
            self.stdout.write(
                f"Báo cáo năm: {done.received}/{done.expected} hội thành viên đã gửi báo cáo"
            )
            if done.missing:
                self.stdout.write("Chưa gửi: " + "; ".join(o.name for o in done.missing))
