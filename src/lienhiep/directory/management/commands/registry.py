"""Print a union's registry at the end of a year: the indicator registry's figures and records."""

from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_count, format_date, format_number
from lienhiep.core.indicators import MEASURES
from lienhiep.core.management.base import Command as LienhiepCommand
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
        _("%(union)s – end of %(year)s") % {"union": union.name, "year": year},
        _(
            "Member organisations: %(all)s (%(associations)s member associations, "
            "%(collective)s collective members)"
        )
        % {
            "all": format_count(f["member_organisations"]),
            "associations": format_count(f["member_associations"]),
            "collective": format_count(f["collective_members"]),
        },
        _("Subordinate units: %(count)s") % {"count": format_count(f["subordinate_units"])},
        _("Members: %(count)s") % {"count": format_number(f["members"])},
        _("Intellectuals' club: %(members)s members, %(new)s new")
        % {
            "members": format_number(f["club_members"]),
            "new": format_count(f["new_club_members"]),
        },
        _("Admitted in the year: %(count)s") % {"count": format_count(f["admitted"])},
        *(
            f"  - {o.name} ({o.admission_decision_number}, {format_date(o.admission_decision_date)})"
            for o in admitted.order_by("admission_decision_date", "sort_key")
        ),
        _("Congresses in the year: %(count)s") % {"count": format_count(f["congresses"])},
        *(
            f"  - {t.organisation.name}: {format_date(t.congress_date)}"
            for t in congresses.select_related("organisation").order_by("congress_date")
        ),
        _("Overdue for a congress: %(count)s") % {"count": format_count(f["overdue_congresses"])},
        *(
            "  - "
            + _("%(name)s (term ended %(date)s)")
            % {"name": o.name, "date": format_date(o.congress_deadline)}
            for o in overdue.order_by("sort_key")
        ),
    ]


class Command(LienhiepCommand):
    help = "Show the registry figures of a union at the end of a year."

    def add_arguments(self, parser):
        parser.add_argument(
            "--org", help="The code of an organisation; the default union if omitted."
        )
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, org, year, **options):
        union = organisation_for_command(org)
        self.stdout.write("\n".join(lines(union, year)))
