"""Tabular files: the one place where a CSV or XLSX cell is written.

* a CSV file starts with a UTF-8 byte order mark, so Excel on Windows reads Vietnamese letters;
* control characters (but tab and line breaks), bidirectional overrides and zero-width
  characters are stripped: they hide text, and openpyxl refuses the control characters;
* text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with
  ``'`` so that no spreadsheet reads it as a formula;
* booleans are "Có"/"Không"; dates dd/mm/yyyy and times dd/mm/yyyy HH:MM (real dates with that
  format in XLSX); numbers and money in Vietnamese (``18.749``, ``24,5``) in CSV and as numbers
  in XLSX;
* an XLSX sheet is named after its list, not "Sheet1".

Choice labels are the caller's part (``core.exporters.lists`` for model lists): a table holds
values, and this module writes them.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from ..formatting import format_date, format_number
from ..text import strip_invisible
from . import CSV, XLSX, Rendered

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: characters Excel refuses in a sheet's name, which is at most 31 characters long
SHEET_NAME_REFUSES = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


@dataclass
class Table:
    #: the list's name: the XLSX sheet's name
    title: str
    headings: Sequence[str]
    rows: Iterable[Sequence]


def clean(text: str) -> str:
    return strip_invisible(text)


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def text(value) -> str:
    """Any value that is not a number, date or boolean, as safe text."""
    if isinstance(value, list | tuple | set):
        value = ", ".join(str(item) for item in value)
    return neutralise(clean(str(value)))


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return local(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    return text(value)


def xlsx_cell(value):
    """The value openpyxl writes: numbers and dates stay themselves, the rest is safe text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return local(value)
    if isinstance(value, datetime.date | int | float | Decimal):
        return value
    return text(value)


def sheet_name(title) -> str:
    return clean(SHEET_NAME_REFUSES.sub(" ", str(title))).strip()[:31] or "1"


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow([text(heading) for heading in table.headings])
    writer.writerows([csv_cell(value) for value in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx_row(sheet, row):
    from openpyxl.cell import WriteOnlyCell

    for value in row:
        cell = WriteOnlyCell(sheet, xlsx_cell(value))
        if isinstance(value, datetime.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        yield cell


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name(table.title))
    headings = [WriteOnlyCell(sheet, text(heading)) for heading in table.headings]
    for cell in headings:
        cell.font = Font(bold=True)
    sheet.append(headings)
    for row in table.rows:
        sheet.append(_xlsx_row(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WRITERS = {"csv": (CSV, csv_bytes), "xlsx": (XLSX, xlsx_bytes)}


def render(table: Table, *, format: str, filename: str) -> Rendered:
    """``table`` as ``<filename>.csv`` or ``<filename>.xlsx``."""
    content_type, write = WRITERS[format]
    return Rendered(f"{filename}.{format}", content_type, write(table))
