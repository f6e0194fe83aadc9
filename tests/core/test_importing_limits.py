"""Workbooks too large to import in one request, and formula cells without a saved value."""

from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import Workbook

from lienhiep.core.importing import BaseReader, Column, ImportFailed, open_workbook


@pytest.fixture(autouse=True)
def in_english():  # the new messages are not in the catalogue yet
    with translation.override("en"):
        yield


def workbook_bytes(rows, title="Hoạt động"):
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_above_the_limit_is_refused_with_its_row_count(settings):
    settings.LIENHIEP_IMPORT_MAX_ROWS = 5_000
    content = workbook_bytes([["Tên"]] + [[f"Hội thảo {n}"] for n in range(5_001)])
    with pytest.raises(ImportFailed) as failure:
        open_workbook(content)
    assert [str(problem) for problem in failure.value.problems] == [
        "The file has 5.001 rows; at most 5.000 rows can be imported at once — split the file."
    ]


def test_a_workbook_at_the_limit_is_read(settings):
    settings.LIENHIEP_IMPORT_MAX_ROWS = 1_000
    content = workbook_bytes([["Tên"]] + [[f"Hội thảo {n}"] for n in range(1_000)])
    workbook = open_workbook(content)
    records, _positions = BaseReader().read_sheet(
        "Hoạt động", workbook["Hoạt động"], [Column("Tên", "title")]
    )
    assert len(records) == 1_000


def test_a_formula_without_a_saved_value_is_named_not_taken_for_empty():
    content = workbook_bytes([["Tên", "Số người"], ["Hội thảo", "=10+5"]])
    reader = BaseReader()
    columns = [Column("Tên", "title"), Column("Số người", "count", "int")]
    records, _positions = reader.read_sheet(
        "Hoạt động", open_workbook(content)["Hoạt động"], columns
    )
    assert (records, [str(problem) for problem in reader.problems]) == (
        [],
        [
            "Sheet “Hoạt động”, row 2, column B (Số người): the cell holds a formula (=10+5): "
            "paste its value instead"
        ],
    )
