"""The Excel import of entries: every bad cell named, nothing saved, or every entry created."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook

from lienhiep.contests import importing
from lienhiep.contests.enums import EntrySource
from lienhiep.privacy.enums import ConsentGiver
from tests.dates import tomorrow

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


ENTRY = ["sản phẩm thân thiện với môi trường", "Tự mở nắp.", "", None, "", ""]


def test_import_records_the_consent_forms_signed_on_paper(youth_round, staff):
    content = _workbook(
        [
            [1, "Thùng rác thông minh", *ENTRY, "Có", "không", "15/03/2026"],
            [2, "Đèn học gấp gọn", *ENTRY],
        ],
        [
            [1, "Trần Bảo Ngọc", "12/03/2013"],
            [1, "Lý Gia Hân", "01/07/2014"],
            [2, "Vi Thị Hoa", "01/02/2015"],
        ],
    )
    first, second = importing.import_entries(round=youth_round, content=content, user=staff)
    assert [(a.consent_by, a.paper_consent_on, a.publish_consent) for a in first.authors.all()] == [
        (ConsentGiver.PAPER, date(2026, 3, 15), False)
    ] * 2
    author = second.authors.get()
    assert (author.paper_consent_on, author.publish_consent) == (None, False)


def test_import_names_every_bad_consent_cell_and_saves_nothing(youth_round, staff):
    future = tomorrow().strftime("%d/%m/%Y")
    content = _workbook(
        [
            [1, "Thùng rác thông minh", *ENTRY, "Có", "Có", None],
            [2, "Đèn học gấp gọn", *ENTRY, "Không", "", "15/03/2026"],
            [3, "Quạt mini", *ENTRY, "Có lẽ", "", "15/03/2026"],
            [4, "Bình tưới", *ENTRY, "x", "", future],
        ],
        [[n, f"Tác giả {n}", "12/03/2013"] for n in range(1, 5)],
    )
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_entries(round=youth_round, content=content, user=staff)
    assert [str(p) for p in failure.value.problems] == [
        "Trang tính “Bài dự thi”, dòng 4, cột I (Đã nhận phiếu đồng ý): "
        "“Có lẽ” không phải “Có” hay “Không”",
        "Trang tính “Bài dự thi”, dòng 2, cột K (Ngày ký phiếu đồng ý): "
        "Hãy ghi ngày ký phiếu đồng ý.",
        "Trang tính “Bài dự thi”, dòng 3, cột I (Đã nhận phiếu đồng ý): "
        "ghi “Có”: dòng này ghi sự đồng ý nên đã nhận phiếu đồng ý",
        f"Trang tính “Bài dự thi”, dòng 5, cột K (Ngày ký phiếu đồng ý): "
        f"ngày {future} là ngày trong tương lai",
        "Trang tính “Tác giả”, dòng 4, cột A (Số thứ tự bài): "
        "không có bài dự thi nào mang số thứ tự 3 ở trang “Bài dự thi”",
    ]
    assert not youth_round.entries.exists()
