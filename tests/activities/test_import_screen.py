"""The activities import screen and its template workbook, as each persona sees them."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.activities import importing
from lienhiep.activities.models import Activity, ActivityKind
from tests.activities.test_activities import HEADERS, workbook

pytestmark = pytest.mark.django_db

ROW = {
    "Loại hoạt động": "hoi-thao",
    "Tên hoạt động": "Hội thảo nước sạch nông thôn",
    "Ngày bắt đầu": "5/3/2025",
    "Mã đơn vị tổ chức": "hoa-an",
    "Số người tham dự": 60,
}


def _upload(rows):
    upload = BytesIO(workbook(rows))
    upload.name = "hoat-dong.xlsx"
    return upload


def test_template_has_the_headers_and_the_kinds(client, personas):
    client.force_login(personas["union_staff"])
    response = client.get(reverse("activities_import_template"))
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-hoat-dong.xlsx"'
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Hướng dẫn", importing.SHEET, "Loại hoạt động"]
    assert [c.value for c in book[importing.SHEET][1]] == HEADERS
    kinds = [row[0] for row in book["Loại hoạt động"].iter_rows(min_row=2, values_only=True)]
    assert kinds == list(ActivityKind.objects.values_list("name", flat=True))


def test_import_screen_shows_the_form_and_the_template_link(client, personas):
    client.force_login(personas["officer"])
    html = client.get(reverse("activities_import")).content.decode()
    assert "Sổ tính Excel (.xlsx)" in html
    assert reverse("activities_import_template") in html


def test_import_screen_imports_a_good_workbook(client, personas):
    client.force_login(personas["union_staff"])
    response = client.post(reverse("activities_import"), {"workbook": _upload([ROW])}, follow=True)
    activity = Activity.objects.get(title=ROW["Tên hoạt động"])
    assert (activity.organiser.slug, activity.participants_count) == ("hoa-an", 60)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["Đã nhập: tạo mới 1 hồ sơ, cập nhật 0 hồ sơ."]


def test_import_screen_lists_problems_and_saves_nothing(client, personas):
    client.force_login(personas["union_staff"])
    before = Activity.objects.count()
    bad = ROW | {"Ngày bắt đầu": "29/02/2025"}
    response = client.post(reverse("activities_import"), {"workbook": _upload([ROW, bad])})
    assert Activity.objects.count() == before
    assert [str(p) for p in response.context["problems"]] == [
        "Trang tính “Hoạt động”, dòng 3, cột D (Ngày bắt đầu): "
        "“29/02/2025” không phải là ngày viết theo dạng dd/mm/yyyy"
    ]


@pytest.mark.parametrize("persona", ["leader", "expert", "editor"])
def test_import_screens_are_refused_to_who_may_not_add_activities(client, personas, persona):
    client.force_login(personas[persona])
    before = Activity.objects.count()
    for response in [
        client.get(reverse("activities_import_template")),
        client.post(reverse("activities_import"), {"workbook": _upload([ROW])}),
    ]:
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert Activity.objects.count() == before
