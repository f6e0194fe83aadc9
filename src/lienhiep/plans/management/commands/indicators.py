"""Print every indicator of an organisation and year: target, actual, achievement."""

from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_count, format_money_short, format_number
from lienhiep.core.management.base import Command as LienhiepCommand
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


class Command(LienhiepCommand):
    help = "Show the indicators of an organisation for a year, in Vietnamese formatting."

    def add_arguments(self, parser):
        parser.add_argument(
            "--org", help="The code of an organisation; the default union if omitted."
        )
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        organisation = organisation_for_command(org)
        self.stdout.write(
            _("%(organisation)s – year %(year)s")
            % {"organisation": organisation.name, "year": year}
        )
        for figure in figures.figures(organisation, year):
            unit = figure.indicator.unit
            line = _("%(indicator)s: achieved %(value)s") % {
                "indicator": figure.indicator.name,
                "value": _count(figure.value, unit),
            }
            if figure.target:
                line += _("; planned %(value)s") % {"value": _count(figure.target_value, unit)}
                line += (
                    _("; %(percent)s%% achieved") % {"percent": figure.achievement}
                    if figure.achievement is not None
                    else _("; no figures yet")
                )
            self.stdout.write(line)
        if organisation.kind == OrganisationKind.UNION:
            done = queries.completeness(organisation, year)
            self.stdout.write(
                _("Yearly returns: %(received)s/%(expected)s member associations have sent theirs")
                % {"received": done.received, "expected": done.expected}
            )
            if done.missing:
                self.stdout.write(
                    _("Not yet sent: %(names)s")
                    % {"names": "; ".join(o.name for o in done.missing)}
                )
