"""Import activities from an Excel workbook: all rows or none, every bad cell named.

A row is matched on (organiser, kind, title, start date), so importing again updates it.
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
    add_guide,
    look_up,
    missing_sheets,
    open_workbook,
    save_workbook,
    validation_problems,
)
from lienhiep.directory.importing import VisibleReader

from .enums import ActivityState
from .models import Activity, ActivityKind
from .rules import can_record, kinds_for

SHEET = "Hoạt động"
COLUMNS = [
    Column("Loại hoạt động", "kind", "kind", required=True),
    Column("Tên hoạt động", "title", required=True, max_length=300),
    Column("Chủ đề", "topic"),
    Column("Ngày bắt đầu", "start_date", "date", required=True),
    Column("Ngày kết thúc", "end_date", "date"),
    Column("Địa điểm", "place", max_length=300),
    Column("Mã đơn vị tổ chức", "organiser", "org", required=True),
    Column("Số người tham dự", "participants_count", "int"),
    Column("Đối tượng", "target_group", max_length=300),
    Column("Kết quả", "outcome"),
    Column("Trạng thái", "state", "choice", False, ActivityState),
    Column("Mã đơn vị phối hợp", "co_organisers", "orgs"),
]
KEY = ("organiser", "kind", "title", "start_date")
KINDS_SHEET = "Loại hoạt động"
HINTS = {"kind": gettext_lazy("The name of an activity kind (see the sheet “Loại hoạt động”)")}


class Reader(VisibleReader):
    def __init__(self, user):
        super().__init__(user)
        kinds = list(kinds_for(user))
        self.kinds = {fold(k.name): k for k in kinds} | {k.slug: k for k in kinds}

    def parse_kind(self, column, value):
        names = ", ".join(sorted(k.name for k in set(self.kinds.values())))
        missing = _("“%(value)s” is not one of: %(allowed)s") % {"value": value, "allowed": names}
        return look_up(self.kinds, fold(str(value)), missing)

    def parse_orgs(self, column, value):
        """Codes separated by ";": every unknown code is named in one reason."""
        codes = [code.strip() for code in str(value).split(";") if code.strip()]
        unknown = [code for code in codes if code not in self.organisations]
        if unknown:
            raise ValueError(
                _("no organisation you may work with has the code “%(code)s”")
                % {"code": "”, “".join(unknown)}
            )
        return [self.organisations[code] for code in codes]


@transaction.atomic
def import_activities(*, content: bytes, user):
    if not can_record(user):
        raise PermissionDenied(_("You cannot record activities."))
    workbook = open_workbook(content)
    if SHEET not in workbook.sheetnames:
        raise missing_sheets(SHEET)
    reader = Reader(user)
    records, positions = reader.read_sheet(SHEET, workbook[SHEET], COLUMNS)
    workbook.close()
    if reader.problems:
        raise ImportFailed(reader.problems)
    created = updated = 0
    for number, values in records:
        values["state"] = values.get("state") or ActivityState.HELD
        lookup = {name: values.pop(name) for name in KEY}
        co_organisers = values.pop("co_organisers", None)
        activity = Activity.objects.filter(**lookup).first() or Activity(**lookup)
        is_new = activity.pk is None
        for name, value in values.items():
            setattr(activity, name, value)
        if "co_organisers" in positions_fields(positions):
            activity.co_organisers.set(co_organisers or [])
        try:
            activity.full_clean()
        except ValidationError as error:
            reader.problems += validation_problems(error, SHEET, number, positions)
            continue
        activity.save()
        log(activity, "wagtail.create" if is_new else "wagtail.edit", user=user)
        created, updated = created + is_new, updated + (not is_new)
    if reader.problems:
        transaction.set_rollback(True)
        raise ImportFailed(reader.problems)
    return created, updated


def positions_fields(positions):
    return {column.field for column in positions}


def template_workbook(user=None) -> bytes:
    """The workbook to fill in: the activities sheet, a guide to every column, the kinds (those
    ``user`` records, or every kind)."""
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
    for kind in ActivityKind.objects.all() if user is None else kinds_for(user):
        kinds.append([kind.name])
    add_guide(workbook, {SHEET: COLUMNS}, HINTS)
    return save_workbook(workbook)
