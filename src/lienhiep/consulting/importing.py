"""Import light consulting records (comments on draft documents …) from the register of
incoming documents: all rows or none, every bad cell named.

A row is matched on (union, kind, title, date), so importing the same file again updates it.
The union is the user's own unless the sheet names one.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.formatting import fold
from lienhiep.core.importing import (
    Column,
    ImportFailed,
    Problem,
    add_guide,
    look_up,
    missing_sheets,
    open_workbook,
    save_workbook,
    validation_problems,
)
from lienhiep.directory.importing import VisibleReader
from lienhiep.directory.rules import scope_organisation

from .enums import KindForm
from .models import ConsultingKind, ConsultingRecord
from .rules import can_import_records

SHEET = "Văn bản đến"
COLUMNS = [
    Column("Loại công việc", "kind", "kind", required=True),
    Column("Trích yếu", "title", required=True, max_length=400),
    Column("Ngày văn bản", "date", "date", required=True),
    Column("Cơ quan đề nghị", "requester", max_length=300),
    Column("Số văn bản", "document_number", max_length=60),
    Column("Ghi chú", "note"),
    Column("Mã liên hiệp hội", "union", "org"),
]
KEY = ("union", "kind", "title", "date")
KINDS_SHEET = "Loại công việc"
HINTS = {
    "kind": gettext_lazy("The name of a consulting kind (see the sheet “Loại công việc”)"),
    "org": gettext_lazy("The code of the union; empty: your own union"),
}


def record_kinds():
    return ConsultingKind.objects.filter(form=KindForm.RECORD)


class Reader(VisibleReader):
    def __init__(self, user):
        super().__init__(user)
        kinds = list(record_kinds())
        self.kinds = {fold(k.name): k for k in kinds} | {k.slug: k for k in kinds}

    def parse_kind(self, column, value):
        names = ", ".join(sorted(k.name for k in set(self.kinds.values())))
        missing = _("“%(value)s” is not one of: %(allowed)s") % {"value": value, "allowed": names}
        return look_up(self.kinds, fold(str(value)), missing)


@transaction.atomic
def import_records(*, content: bytes, user):
    """Create or update one record per row; ``ImportFailed`` with every problem, nothing saved."""
    if not can_import_records(user):
        raise PermissionDenied(_("You cannot record consulting work."))
    workbook = open_workbook(content)
    if SHEET not in workbook.sheetnames:
        raise missing_sheets(SHEET)
    reader = Reader(user)
    rows, positions = reader.read_sheet(SHEET, workbook[SHEET], COLUMNS)
    workbook.close()
    own = scope_organisation(user)
    created = updated = 0
    for number, values in rows:
        values["union"] = values.get("union") or own
        if values["union"] is None:
            reason = _("name the union: you work for no single union")
            reader.problems.append(Problem(SHEET, number, "", "Mã liên hiệp hội", reason))
            continue
        lookup = {name: values.pop(name) for name in KEY}
        record = ConsultingRecord.objects.filter(**lookup).first() or ConsultingRecord(**lookup)
        is_new = record.pk is None
        for name, value in values.items():
            setattr(record, name, value)
        try:
            record.full_clean()
        except ValidationError as error:
            reader.problems += validation_problems(error, SHEET, number, positions)
            continue
        record.save()
        log(record, "wagtail.create" if is_new else "wagtail.edit", user=user)
        created, updated = created + is_new, updated + (not is_new)
    if reader.problems:
        transaction.set_rollback(True)
        raise ImportFailed(reader.problems)
    return created, updated


def template_workbook() -> bytes:
    """The workbook to fill in: the register's sheet, a guide to every column, the kinds."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([column.header for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    kinds = workbook.create_sheet(KINDS_SHEET)
    kinds.append([KINDS_SHEET])
    for kind in record_kinds():
        kinds.append([kind.name])
    add_guide(workbook, {SHEET: COLUMNS}, HINTS)
    return save_workbook(workbook)
