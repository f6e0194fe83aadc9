"""The activities workbook: its guide sheet, its co-organisers column; the list's link."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.activities import importing
from lienhiep.activities.exporters import ImportTemplate
from lienhiep.activities.models import Activity
from tests.factories import make_org

from .test_activities import workbook

pytestmark = pytest.mark.django_db


def row(**cells):
    return {
        "Loại hoạt động": "hoi-thao",
        "Tên hoạt động": "Hội thảo phối hợp",
        "Ngày bắt đầu": "10/03/2025",
        "Mã đơn vị tổ chức": "hoa-an",
        **cells,
    }


def test_the_template_has_a_guide_to_every_column_and_names_co_organisers(demo):
    book = load_workbook(BytesIO(ImportTemplate().render().content))
    assert book.sheetnames == ["Hướng dẫn", "Hoạt động", "Loại hoạt động"]
    assert book.active.title == "Hoạt động"
    guide = [[c.value for c in r] for r in book["Hướng dẫn"].iter_rows()]
    assert guide[0] == ["Trang tính", "Cột", "Bắt buộc", "Cách ghi"]
    assert [r[1] for r in guide[1:]] == [c.header for c in importing.COLUMNS]
    [co] = [r for r in guide if r[1] == "Mã đơn vị phối hợp"]
    assert co[2] in (None, "") and ";" in co[3]
    assert "Mã đơn vị phối hợp" in [c.value for c in book["Hoạt động"][1]]


def test_co_organisers_are_imported_from_their_codes(personas, demo):
    rows = [row(**{"Mã đơn vị phối hợp": "hoi-dieu-duong; hoi-luat-gia"})]
    importing.import_activities(content=workbook(rows), user=personas["union_staff"])
    activity = Activity.objects.get(title="Hội thảo phối hợp")
    assert sorted(o.slug for o in activity.co_organisers.all()) == [
        "hoi-dieu-duong",
        "hoi-luat-gia",
    ]


def test_unknown_and_out_of_scope_co_organisers_are_refused_and_named(personas, demo):
    make_org(name="Hội ngoài tỉnh", slug="hoi-ngoai-tinh")
    rows = [row(**{"Mã đơn vị phối hợp": "hoi-dieu-duong;khong-co;hoi-ngoai-tinh"})]
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_activities(content=workbook(rows), user=personas["union_staff"])
    [problem] = failure.value.problems
    assert (problem.row, problem.header) == (2, "Mã đơn vị phối hợp")
    assert "“khong-co”, “hoi-ngoai-tinh”" in problem.reason
    assert not Activity.objects.filter(title="Hội thảo phối hợp").exists()


def test_the_activities_list_links_its_import(client, personas):
    client.force_login(personas["union_staff"])
    page = client.get(reverse("activities_activity:index")).content.decode()
    assert f'href="{reverse("activities_import")}"' in page
    client.force_login(personas["leader"])
    page = client.get(reverse("activities_activity:index")).content.decode()
    assert f'href="{reverse("activities_import")}"' not in page
