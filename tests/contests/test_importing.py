"""The Excel import of entries: every bad cell named, nothing saved, or every entry created."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook

from lienhiep.contests import importing
from lienhiep.contests.enums import EntrySource

pytestmark = pytest.mark.django_db


def _workbook(entries, authors, entry_headers=None, author_headers=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = importing.ENTRIES
    sheet.append(entry_headers or [c.header for c in importing.ENTRY_COLUMNS])
    for row in entries:
        sheet.append(row)
    author_sheet = workbook.create_sheet(importing.AUTHORS)
    author_sheet.append(author_headers or [c.header for c in importing.AUTHOR_COLUMNS])
    for row in authors:
        author_sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_import_names_every_bad_cell_and_saves_nothing(youth_round, staff):
    content = _workbook(
        [
            [1, "Thùng rác thông minh", "Sản phẩm thân thiện với môi trường", "Tự mở nắp."],
            [2, "Quạt năng lượng mặt trời", "Lĩnh vực lạ", "Quạt."],
            [3, "Đèn học", "do dung hoc tap", "Đèn."],
        ],
        [
            [1, "Trần Bảo Ngọc", "12/03/2013", "Trường THCS Lê Quý Đôn"],
            [1, "Phạm Quốc Huy", "02/02/1990", "Trường THCS Lê Quý Đôn"],
            [9, "Ai Đó", "01/01/2012", ""],
        ],
    )
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_entries(round=youth_round, content=content, user=staff)
    problems = [str(p) for p in failure.value.problems]
    assert any(
        p.startswith("Trang tính “Bài dự thi”, dòng 3, cột C (Lĩnh vực): “Lĩnh vực lạ”")
        for p in problems
    )
    assert any(
        p.startswith("Trang tính “Tác giả”, dòng 3, cột C (Ngày sinh): Phạm Quốc Huy")
        for p in problems
    )
    assert any(
        p.startswith("Trang tính “Tác giả”, dòng 4, cột A (Số thứ tự bài)") for p in problems
    )
    assert any(
        p.startswith("Trang tính “Bài dự thi”, dòng 4, cột A (Số thứ tự)") for p in problems
    ), problems
    assert not youth_round.entries.exists()


def test_import_names_a_missing_column_instead_of_failing(youth_round, staff):
    misspelt = _workbook(
        [[1, "Thùng rác thông minh", "Sản phẩm thân thiện với môi trường", "Tự mở nắp."]],
        [[1, "Trần Bảo Ngọc", "12/03/2013"]],
        entry_headers=["Số thứ tự", "Tên bài dự thi", "Lĩnh vực", "Mo ta"],
    )
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_entries(round=youth_round, content=misspelt, user=staff)
    assert [str(p) for p in failure.value.problems] == [
        "Trang tính “Bài dự thi”, cột “Mô tả”: thiếu cột này"
    ]
    # The youth round needs the authors' birth dates: a sheet without the column says so per row.
    no_birth_dates = _workbook(
        [[1, "Thùng rác thông minh", "Sản phẩm thân thiện với môi trường", "Tự mở nắp."]],
        [[1, "Trần Bảo Ngọc"]],
        author_headers=["Số thứ tự bài", "Họ và tên"],
    )
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_entries(round=youth_round, content=no_birth_dates, user=staff)
    [problem] = [str(p) for p in failure.value.problems]
    assert problem.startswith("Trang tính “Tác giả”, dòng 2, cột “Ngày sinh”: ")
    assert "Trần Bảo Ngọc" in problem and not youth_round.entries.exists()


def test_import_creates_entries_with_their_authors(youth_round, staff):
    content = _workbook(
        [[1, "Thùng rác thông minh", "sản phẩm thân thiện với môi trường", "Tự mở nắp."]],
        [
            [1, "Trần Bảo Ngọc", "12/03/2013", "Trường THCS Lê Quý Đôn"],
            [1, "Lý Gia Hân", date(2014, 7, 1), ""],
        ],
    )
    [entry] = importing.import_entries(round=youth_round, content=content, user=staff)
    assert (
        entry.source == EntrySource.IMPORT
        and entry.field.name == "Sản phẩm thân thiện với môi trường"
    )
    assert [(a.name, a.is_main) for a in entry.authors.all()] == [
        ("Trần Bảo Ngọc", True),
        ("Lý Gia Hân", False),
    ]
