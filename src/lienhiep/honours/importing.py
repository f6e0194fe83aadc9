"""Import the recipients of a commendation decision from Excel: all rows or none."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.importing import (
    Column,
    ImportFailed,
    Problem,
    add_guide,
    open_workbook,
    save_workbook,
)
from lienhiep.directory.importing import VisibleReader

from .enums import RecipientKind
from .models import Commendation

SHEET = "Người nhận"
COLUMNS = [
    Column("Tập thể hay cá nhân", "kind", "choice", True, RecipientKind),
    Column("Mã tổ chức", "organisation", "org"),
    Column("Mã người", "person", "person"),
    Column("Lý do", "reason", max_length=300),
]


class Reader(VisibleReader):
    """Organisation and person codes read as records the user may see (``VisibleReader``)."""

    def declare(self, sheet_name, number, positions, values):
        kind = values.get("kind")
        wanted = "organisation" if kind == RecipientKind.COLLECTIVE else "person"
        if kind and not values.get(wanted):
            column = next(c for c in COLUMNS if c.field == wanted)
            if column in positions:
                self.problem(
                    sheet_name,
                    number,
                    positions[column],
                    column,
                    _(
                        "a collective needs the code of an organisation, an individual the code of a person"
                    ),
                )
                return False
        return True


@transaction.atomic
def import_recipients(*, decision, content: bytes, user):
    workbook = open_workbook(content)
    if SHEET not in workbook.sheetnames:
        raise ImportFailed(
            [
                Problem(
                    "",
                    0,
                    "",
                    "",
                    _("the workbook has none of the sheets %(names)s") % {"names": f"“{SHEET}”"},
                )
            ]
        )
    reader = Reader(user)
    records, _positions = reader.read_sheet(SHEET, workbook[SHEET], COLUMNS)
    workbook.close()
    if reader.problems:
        raise ImportFailed(reader.problems)
    created = 0
    for _number, values in records:
        collective = values["kind"] == RecipientKind.COLLECTIVE
        _recipient, was_new = Commendation.objects.get_or_create(
            decision=decision,
            organisation=values["organisation"] if collective else None,
            person=None if collective else values["person"],
            defaults={"reason": values.get("reason", "")},
        )
        created += was_new
    log(decision, "wagtail.edit", user=user, data={"imported_recipients": created})
    return created


def template_workbook() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = SHEET
    workbook.active.append([column.header for column in COLUMNS])
    add_guide(workbook, {SHEET: COLUMNS})
    return save_workbook(workbook)
