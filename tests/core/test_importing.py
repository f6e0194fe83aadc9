from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import Workbook

from lienhiep.activities import importing as activities
from lienhiep.core.importing import missing_sheets
from lienhiep.directory import importing as directory


def test_missing_sheets_names_each_sheet_in_vietnamese():
    with translation.override("vi"):
        failure = missing_sheets("Tổ chức", "Người")
    assert [str(p) for p in failure.problems] == [
        "sổ tính không có trang tính nào trong số “Tổ chức”, “Người”"
    ]


def _book(title):
    book = Workbook()
    book.active.title = title
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (
            lambda content, user: activities.import_activities(content=content, user=user),
            "sổ tính không có trang tính nào trong số “Hoạt động”",
        ),
        (
            lambda content, user: directory.import_registry(content=content, user=user),
            "sổ tính không có trang tính nào trong số "
            + ", ".join(f"“{name}”" for name in directory.SHEETS),
        ),
    ],
)
def test_a_workbook_without_the_sheets_is_refused_naming_them(run, expected, personas):
    with translation.override("vi"), pytest.raises(activities.ImportFailed) as failure:
        run(_book("Trang 1"), personas["union_staff"])
    assert str(failure.value.problems[0]) == expected  # then any sheet it does not read
