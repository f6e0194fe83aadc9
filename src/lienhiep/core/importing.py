"""All-or-nothing Excel imports: every cell checked, every problem named, nothing partial saved.

An importer describes each sheet as a list of ``Column`` (Vietnamese header, field, kind) and
subclasses ``BaseReader`` with ``parse_<kind>`` methods for its references. ``read_sheet``
checks every cell of a sheet; the importer writes only when no ``Problem`` was found, inside one
transaction.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from itertools import zip_longest
from zipfile import ZipFile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .formatting import fold, format_number, parse_date
from .text import visible_text

__all__ = ["BaseReader", "Column", "ImportFailed", "Problem", "look_up", "missing_sheets"]


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    header: str
    reason: str

    def __str__(self):
        if not self.row:
            return self.reason
        if not self.column and self.row > 1:  # a row's value of a column the sheet lacks
            return _("Sheet “%(sheet)s”, row %(row)s, column “%(header)s”: %(reason)s") % {
                "sheet": self.sheet,
                "row": self.row,
                "header": self.header,
                "reason": self.reason,
            }
        if not self.column:
            return _("Sheet “%(sheet)s”, column “%(header)s”: %(reason)s") % {
                "sheet": self.sheet,
                "header": self.header,
                "reason": self.reason,
            }
        return _("Sheet “%(sheet)s”, row %(row)s, column %(column)s (%(header)s): %(reason)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "reason": self.reason,
        }


class ImportFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def look_up(records, key, reason):
    """``records[key]``, or ``ValueError(reason)``: the cell names no record there is."""
    try:
        return records[key]
    except KeyError:
        raise ValueError(reason) from None


def missing_sheets(*names) -> ImportFailed:
    """The failure of a workbook that has none of the sheets ``names``."""
    listed = ", ".join(f"“{name}”" for name in names)
    reason = _("the workbook has none of the sheets %(names)s") % {"names": listed}
    return ImportFailed([Problem("", 0, "", "", reason)])


#: how a yes/no cell may be written (accent-folded)
YES_NO = {"co": True, "x": True, "1": True, "khong": False, "0": False}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"  # text, int, date, choice, yes, org, person, bloc, province, email
    required: bool = False
    choices: type | None = None
    max_length: int | None = None


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def max_rows():
    """Above this many rows (all sheets together, ``IMPORT_MAX_ROWS``) a workbook is refused
    before any cell is checked: checking and saving more would outlast the app server's request
    timeout (docs/operations.md)."""
    return settings.LIENHIEP_IMPORT_MAX_ROWS


class Formula(str):
    """A formula cell without a value saved with it (written by a program, never opened in
    Excel): its text, so the problem can name it."""


class Worksheet:
    """A sheet's values as Excel last computed them; a formula cell without one reads as its
    ``Formula``, so it is reported rather than taken for an empty cell."""

    def __init__(self, values, formulas):
        self.values, self.formulas = values, formulas

    def iter_rows(self, values_only=True):
        formulas = self.formulas.iter_rows(values_only=True)
        for row in self.values.iter_rows(values_only=True):
            pairs = zip_longest(row, next(formulas, ()))
            yield tuple(_value_or_formula(value, formula) for value, formula in pairs)


def _value_or_formula(value, formula=None):
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return Formula(formula)
    return value


class Workbook:
    """An uploaded workbook read twice (the saved values and the formulas), sheet by sheet."""

    def __init__(self, values, formulas):
        self.values, self.formulas = values, formulas
        self.sheetnames = values.sheetnames

    def __getitem__(self, name):
        return Worksheet(self.values[name], self.formulas[name])

    def close(self):
        self.values.close()
        self.formulas.close()


def open_workbook(content: bytes):
    """The workbook in ``content``, or ``ImportFailed`` saying it is not one or is too large."""
    from openpyxl import load_workbook

    try:
        rows = count_rows(content)
        if rows <= max_rows():
            workbook = Workbook(
                load_workbook(BytesIO(content), read_only=True, data_only=True),
                load_workbook(BytesIO(content), read_only=True, data_only=False),
            )
    except Exception:  # openpyxl raises many kinds of errors on a file that is not a workbook
        raise ImportFailed(
            [Problem("", 0, "", "", _("the file is not an Excel workbook (.xlsx)"))]
        ) from None
    if rows > max_rows():
        raise too_many_rows(rows)
    return workbook


# A row of a sheet's XML (``<row …>…</row>``, any namespace prefix) and a cell value in it.
ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?(?<!/)>(.*?)</(?:\w+:)?row>", re.S)
VALUE = re.compile(rb"<(?:\w+:)?(?:v|t)\b")


def count_rows(content: bytes) -> int:
    """The rows holding a value below each sheet's header, counted in the file's XML before
    openpyxl reads it (which takes seconds for tens of thousands of rows)."""
    with ZipFile(BytesIO(content)) as archive:
        sheets = [name for name in archive.namelist() if SHEET_FILE.fullmatch(name)]
        return sum(filled_rows(archive.read(name)) for name in sheets)


SHEET_FILE = re.compile(r"xl/worksheets/[^/]+\.xml")


def filled_rows(xml: bytes) -> int:
    rows = sum(1 for row in ROW.finditer(xml) if VALUE.search(row.group(1)))
    return max(rows - 1, 0)


def too_many_rows(rows):
    reason = _(
        "The file has %(rows)s rows; at most %(limit)s rows can be imported at once — "
        "split the file."
    ) % {"rows": format_number(rows), "limit": format_number(max_rows())}
    return ImportFailed([Problem("", 0, "", "", reason)])


def validation_problems(error, sheet_name, number, positions):
    """Turn a model's ``ValidationError`` into problems naming the columns."""
    problems = []
    for field, messages in error.message_dict.items():
        column = next((c for c in positions if c.field == field), None)
        problems.append(
            Problem(
                sheet_name,
                number,
                column_letter(positions[column]) if column else "",
                column.header if column else field,
                " ".join(messages),
            )
        )
    return problems


def save_workbook(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class BaseReader:
    """Checks cells; subclasses add ``parse_<kind>`` for their own kinds of column."""

    def __init__(self):
        self.problems: list[Problem] = []

    def problem(self, sheet, row, index, column, reason):
        self.problems.append(Problem(sheet, row, column_letter(index), column.header, str(reason)))

    def parse(self, column, value):
        """Return the cell's value for the record, or raise ``ValueError`` with the reason."""
        if isinstance(value, Formula):
            raise ValueError(
                _("the cell holds a formula (%(formula)s): paste its value instead")
                % {"formula": value}
            )
        if isinstance(value, str):
            value = visible_text(value).strip()  # InvisibleOnly is a ValueError with the reason
        if value in (None, ""):
            if column.required:
                raise ValueError(_("this cell is required"))
            return "" if column.kind in ("text", "email", "choice") else None
        parser = getattr(self, f"parse_{column.kind}")
        return parser(column, value)

    def parse_text(self, column, value):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        if column.max_length and len(text) > column.max_length:
            raise ValueError(_("at most %(n)s characters are allowed") % {"n": column.max_length})
        return text

    def parse_email(self, column, value):
        from django.core.validators import validate_email

        try:
            validate_email(str(value))
        except ValidationError:
            raise ValueError(_("“%(value)s” is not an e-mail address") % {"value": value}) from None
        return str(value)

    def parse_int(self, column, value):
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            number = None
        if number is None or not number.is_integer():
            raise ValueError(_("“%(value)s” is not a whole number") % {"value": value})
        return int(number)

    def parse_date(self, column, value):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def parse_yes(self, column, value):
        """A yes/no cell: "Có" or "Không" (with or without accents, any case), or a ticked box."""
        if isinstance(value, bool | int | float) and value in (0, 1):
            return bool(value)
        answer = YES_NO.get(fold(str(value)))
        if answer is None:
            raise ValueError(_("“%(value)s” is neither “Có” nor “Không”") % {"value": value})
        return answer

    def parse_choice(self, column, value):
        wanted = fold(str(value))
        for choice in column.choices:
            if wanted in (fold(str(choice.label)), fold(choice.value)):
                return choice.value
        allowed = ", ".join(str(choice.label) for choice in column.choices)
        raise ValueError(
            _("“%(value)s” is not one of: %(allowed)s") % {"value": value, "allowed": allowed}
        )

    def read_sheet(self, sheet_name, worksheet, columns):
        rows = worksheet.iter_rows(values_only=True)
        headers = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        positions = {}
        for column in columns:
            if column.header in headers:
                positions[column] = headers.index(column.header)
            elif column.required:
                self.problems.append(
                    Problem(sheet_name, 1, "", column.header, _("the column is missing"))
                )
        records = []
        for number, row in enumerate(rows, start=2):
            if all(cell in (None, "") for cell in row):
                continue
            values, ok = {}, True
            for column, index in positions.items():
                cell = row[index] if index < len(row) else None
                try:
                    values[column.field] = self.parse(column, cell)
                except ValueError as error:
                    self.problem(sheet_name, number, index, column, error)
                    ok = False
            ok = self.declare(sheet_name, number, positions, values) and ok
            if ok:
                records.append((number, values))
        return records, positions

    def declare(self, sheet_name, number, positions, values):
        """Hook: note what a row declares (for references later in the workbook)."""
        return True


GUIDE_SHEET = "Hướng dẫn"
#: how to fill in a cell of each kind of column, for the guide sheet of a template
HINTS = {
    "text": gettext_lazy("Text"),
    "email": gettext_lazy("An e-mail address"),
    "int": gettext_lazy("A whole number"),
    "date": gettext_lazy("A date, dd/mm/yyyy"),
    "yes": gettext_lazy("Có or Không"),
    "org": gettext_lazy("The code of an organisation you may work with"),
    "orgs": gettext_lazy("The codes of organisations you may work with, separated by “;”"),
    "person": gettext_lazy("The code of a person you may work with"),
}


def hint(column, hints=None):
    """How to fill in ``column``: its choices, or the hint of its kind."""
    if column.kind == "choice":
        return ", ".join(str(choice.label) for choice in column.choices)
    return str({**HINTS, **(hints or {})}[column.kind])


def add_guide(workbook, sheets, hints=None):
    """Put first in ``workbook`` the sheet "Hướng dẫn": one row per column of ``sheets``
    (``{sheet name: columns}``) saying whether it is required and how to fill it in."""
    from openpyxl.styles import Font

    guide = workbook.create_sheet(GUIDE_SHEET, 0)
    guide.append(["Trang tính", "Cột", "Bắt buộc", "Cách ghi"])
    for sheet_name, columns in sheets.items():
        for column in columns:
            required = "Có" if column.required else ""
            guide.append([sheet_name, column.header, required, hint(column, hints)])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in (("A", 16), ("B", 28), ("C", 10), ("D", 80)):
        guide.column_dimensions[letter].width = width
    workbook.active = 1
    return guide
