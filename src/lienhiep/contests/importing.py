"""Import a round's entries with their authors from Excel: all rows or none, every bad cell named.

Sheet “Bài dự thi” holds one entry per row with a number chosen by the sender; sheet “Tác giả”
one author per row with the number of their entry. The first author of an entry is its main
author. The round's eligibility rules are checked cell by cell (an author too old is named at
their birth date). The consent forms signed on paper are recorded as on the paper entry form:
received, consenting to publishing or not, and the day they were signed (never in the future).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.formatting import fold, format_date
from lienhiep.core.importing import (
    BaseReader,
    Column,
    ImportFailed,
    Problem,
    add_guide,
    column_letter,
    open_workbook,
    save_workbook,
)
from lienhiep.privacy.consent import ConsentData

from . import services
from .enums import EntrySource

__all__ = ["ImportFailed", "import_entries", "template_workbook"]

ENTRIES = "Bài dự thi"
HINTS = {"field": gettext_lazy("The name of a field of the round (see the sheet “Lĩnh vực”)")}
AUTHORS = "Tác giả"
ENTRY_COLUMNS = [
    Column("Số thứ tự", "number", "int", True),
    Column("Tên bài dự thi", "title", "text", True, max_length=300),
    Column("Lĩnh vực", "field", "field", True),
    Column("Mô tả", "description", "text", True),
    Column("Đơn vị dự thi", "entering_unit", max_length=300),
    Column("Năm bắt đầu áp dụng", "applied_since", "int"),
    Column("Email liên hệ", "email", "email"),
    Column("Điện thoại", "phone", max_length=30),
    Column("Đã nhận phiếu đồng ý", "paper_consent", "yes"),
    Column("Đồng ý công bố", "paper_publish_consent", "yes"),
    Column("Ngày ký phiếu đồng ý", "paper_consent_on", "date"),
]
AUTHOR_COLUMNS = [
    Column("Số thứ tự bài", "entry", "int", True),
    Column("Họ và tên", "name", "text", True, max_length=200),
    Column("Ngày sinh", "birth_date", "date"),
    Column("Trường hoặc nơi công tác", "workplace", max_length=300),
    Column("Điện thoại", "phone", max_length=30),
]


class Reader(BaseReader):
    def __init__(self, round):
        super().__init__()
        self.round = round
        self.fields = {fold(f.name): f for f in round.fields.all()}

    def parse_field(self, column, value):
        found = self.fields.get(fold(str(value)))
        if found is None:
            names = "; ".join(f.name for f in self.fields.values())
            raise ValueError(
                _("“%(value)s” is not a field of this round (%(names)s)")
                % {"value": value, "names": names}
            )
        return found


def _problem(reader, sheet, row, positions, field, reason):
    """A problem with ``field`` on a row: at its cell, or by its header if the sheet lacks it."""
    column = next((c for c in positions if c.field == field), None)
    if column is None:
        columns = ENTRY_COLUMNS if sheet == ENTRIES else AUTHOR_COLUMNS
        header = next(c.header for c in columns if c.field == field)
        reader.problems.append(Problem(sheet, row, "", header, reason))
        return
    reader.problems.append(
        Problem(sheet, row, column_letter(positions[column]), column.header, reason)
    )


def consent_problems(values):
    """``[(field, reason)]``: what is wrong with an entry row's paper consent cells."""
    received, day = values.get("paper_consent"), values.get("paper_consent_on")
    found = []
    if received and not day:
        found.append(("paper_consent_on", _("Give the date the consent forms were signed.")))
    if not received and (day or values.get("paper_publish_consent")):
        found.append(
            ("paper_consent", _("write “Có”: the row gives a consent, so the forms were received"))
        )
    if day and day > timezone.localdate():
        found.append(
            ("paper_consent_on", _("the date %(day)s is in the future") % {"day": format_date(day)})
        )
    return found


def paper_consent(values):
    """The consent of every author of the row, as the paper entry form records it."""
    if not values.get("paper_consent"):
        return ConsentData()
    return ConsentData(
        processing=True,
        publishing=bool(values.get("paper_publish_consent")),
        paper_on=values.get("paper_consent_on"),
    )


def read(round, content):
    """The entries of the workbook as ``[(row, EntryData)]``, or ``ImportFailed``."""
    workbook = open_workbook(content)
    missing = [name for name in (ENTRIES, AUTHORS) if name not in workbook.sheetnames]
    if missing:
        raise ImportFailed(
            [
                Problem(
                    "",
                    0,
                    "",
                    "",
                    _("the workbook has none of the sheets %(names)s")
                    % {"names": ", ".join(f"“{n}”" for n in missing)},
                )
            ]
        )
    reader = Reader(round)
    entries, entry_positions = reader.read_sheet(ENTRIES, workbook[ENTRIES], ENTRY_COLUMNS)
    authors, author_positions = reader.read_sheet(AUTHORS, workbook[AUTHORS], AUTHOR_COLUMNS)
    workbook.close()
    if any(
        column.required and column not in positions
        for columns, positions in (
            (ENTRY_COLUMNS, entry_positions),
            (AUTHOR_COLUMNS, author_positions),
        )
        for column in columns
    ):
        raise ImportFailed(reader.problems)  # without a required column no row can be read
    by_number, rows, consents = {}, {}, {}
    for row, values in entries:
        if values["number"] in by_number:
            _problem(reader, ENTRIES, row, entry_positions, "number", _("the number is used twice"))
            continue
        by_number[values["number"]] = services.EntryData(
            title=values["title"],
            field=values["field"],
            description=values["description"],
            authors=[],
            entering_unit=values.get("entering_unit", ""),
            applied_since=values.get("applied_since"),
            email=values.get("email", ""),
            phone=values.get("phone", ""),
        )
        rows[values["number"]] = row
        consents[values["number"]] = paper_consent(values)
        for field, problem in consent_problems(values):
            _problem(reader, ENTRIES, row, entry_positions, field, problem)
        for field, problem in (
            ("applied_since", services.applied_problem(round, values.get("applied_since"))),
            ("title", services.earlier_problem(round, values["title"])),
        ):
            if problem:
                _problem(reader, ENTRIES, row, entry_positions, field, problem)
    for row, values in authors:
        data = by_number.get(values["entry"])
        if data is None:
            _problem(
                reader,
                AUTHORS,
                row,
                author_positions,
                "entry",
                _("no entry has the number %(n)s on sheet “%(sheet)s”")
                % {"n": values["entry"], "sheet": ENTRIES},
            )
            continue
        author = services.AuthorData(
            name=values["name"],
            birth_date=values.get("birth_date"),
            workplace=values.get("workplace", ""),
            phone=values.get("phone", ""),
            is_main=not data.authors,
            consent=consents[values["entry"]],
        )
        problem = services.age_problem(round, author)
        if problem:
            _problem(reader, AUTHORS, row, author_positions, "birth_date", problem)
        data.authors.append(author)
    for number, data in by_number.items():
        if not data.authors:
            _problem(
                reader,
                ENTRIES,
                rows[number],
                entry_positions,
                "number",
                _("the entry has no author on sheet “%(sheet)s”") % {"sheet": AUTHORS},
            )
    if reader.problems:
        raise ImportFailed(reader.problems)
    return [(rows[number], data) for number, data in by_number.items()]


@transaction.atomic
def import_entries(*, round, content: bytes, user):
    """Create every entry of the workbook, or none; returns the entries created."""
    created = [
        services.record_entry(round=round, data=data, source=EntrySource.IMPORT, user=user)
        for _row, data in read(round, content)
    ]
    log(round, "wagtail.edit", user=user, data={"imported_entries": len(created)})
    return created


def template_workbook(round) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = ENTRIES
    sheet.append([c.header for c in ENTRY_COLUMNS])
    authors = workbook.create_sheet(AUTHORS)
    authors.append([c.header for c in AUTHOR_COLUMNS])
    fields = workbook.create_sheet("Lĩnh vực")
    fields.append(["Lĩnh vực của vòng thi"])
    for field in round.fields.all():
        fields.append([field.name])
    add_guide(workbook, {ENTRIES: ENTRY_COLUMNS, AUTHORS: AUTHOR_COLUMNS}, HINTS)
    return save_workbook(workbook)
