"""All-or-nothing Excel imports: every cell checked, every problem named, nothing partial saved.

An importer describes each sheet as a list of ``Column`` (Vietnamese header, field, kind) and
subclasses ``BaseReader`` with ``parse_<kind>`` methods for its references. ``read_sheet``
checks every cell of a sheet; the importer writes only when no ``Problem`` was found, inside one
transaction.
"""

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .formatting import fold, parse_date
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


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"  # text, int, date, choice, org, person, bloc, province, email
    required: bool = False
    choices: type | None = None
    max_length: int | None = None


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def open_workbook(content: bytes):
    """The workbook in ``content``, or ``ImportFailed`` saying it is not one."""
    from openpyxl import load_workbook

    try:
        return load_workbook(BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a file that is not a workbook
        raise ImportFailed(
            [Problem("", 0, "", "", _("the file is not an Excel workbook (.xlsx)"))]
        ) from None


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
