from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from lienhiep.activities import importing
from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.activities.rules import activities_for
from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from tests.counting import fresh_union, queries_for, rows
from tests.factories import make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db

HEADERS = [c.header for c in importing.COLUMNS]


def workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.title = importing.SHEET
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([row.get(h, "") for h in HEADERS])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_indicators_of_2024_come_from_the_activity_and_case_records(demo, capsys):
    call_command("indicators", "--org", "hoa-an", "--year", "2024")
    lines = capsys.readouterr().out.splitlines()
    assert (
        "Đề án được tư vấn, phản biện và giám định xã hội: thực hiện 06 đề án; kế hoạch 05 đề án; "
        "đạt 120%"
    ) in lines
    assert "Hội thảo khoa học: thực hiện 11 hội thảo; kế hoạch 12 hội thảo; đạt 92%" in lines
    assert "Lớp tập huấn: thực hiện 09 lớp; kế hoạch 06 lớp; đạt 150%" in lines
    assert (
        "Buổi sinh hoạt chuyên đề của Câu lạc bộ trí thức: thực hiện 04 buổi; kế hoạch 04 buổi; đạt 100%"
        in lines
    )
    assert "Sự kiện của Liên hiệp Hội Việt Nam đã tham dự: thực hiện 06 sự kiện" in lines


def test_cancelled_and_planned_activities_do_not_count(demo):
    from lienhiep.plans import figures
    from lienhiep.plans.models import Indicator

    indicator = Indicator.objects.get(code="activities.workshops")
    assert figures.value(indicator, demo, 2024) == 11
    assert Activity.objects.filter(kind__slug="hoi-thao", start_date__year=2024).count() == 12
    assert figures.value(indicator, demo, 2025) == 0


def test_officer_records_only_their_own_activities(client, demo):
    officer = make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong"))
    assert {a.organiser.slug for a in activities_for(officer)} == {"hoi-dieu-duong"}
    client.force_login(officer)
    form = client.get(reverse("activities_activity:add")).context["form"]
    assert list(form.fields["organiser"].queryset.values_list("slug", flat=True)) == [
        "hoi-dieu-duong"
    ]
    kind = ActivityKind.objects.get(slug="hoi-nghi")
    response = client.post(
        reverse("activities_activity:add"),
        {
            "kind": kind.pk,
            "title": "Hội nghị giả mạo",
            "start_date": "01/06/2024",
            "state": "held",
            "organiser": Organisation.objects.get(slug="hoi-luat-gia").pk,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
            "attachments-MIN_NUM_FORMS": 0,
            "attachments-MAX_NUM_FORMS": 1000,
        },
    )
    assert "organiser" in response.context["form"].errors
    assert not Activity.objects.filter(title="Hội nghị giả mạo").exists()
    other = Activity.objects.filter(organiser__slug="hoi-luat-gia").first()
    assert client.get(reverse("activities_activity:edit", args=[other.pk])).status_code == 404


def test_malformed_workbook_imports_nothing_and_names_every_bad_cell(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    before = Activity.objects.count()
    rows = [
        {
            "Loại hoạt động": "Hội thảo khoa học",
            "Tên hoạt động": "Hội thảo tốt",
            "Ngày bắt đầu": "10/03/2025",
            "Mã đơn vị tổ chức": "hoa-an",
            "Số người tham dự": 40,
        },
        {
            "Loại hoạt động": "Liên hoan",
            "Tên hoạt động": "Hoạt động sai",
            "Ngày bắt đầu": "31/02/2025",
            "Mã đơn vị tổ chức": "vusta",
            "Số người tham dự": "bốn mươi",
        },
        {
            "Loại hoạt động": "Tập huấn",
            "Tên hoạt động": "",
            "Ngày bắt đầu": date(2025, 4, 1),
            "Mã đơn vị tổ chức": "hoa-an",
            "Trạng thái": "Xong",
        },
    ]
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_activities(content=workbook(rows), user=staff)
    assert Activity.objects.count() == before
    assert sorted((p.row, p.column) for p in failure.value.problems) == [
        (3, "A"),
        (3, "D"),
        (3, "G"),
        (3, "H"),
        (4, "B"),
        (4, "K"),
    ]
    messages = [str(p) for p in failure.value.problems]
    assert (
        "Trang tính “Hoạt động”, dòng 3, cột G (Mã đơn vị tổ chức): không có tổ chức nào bạn được quản lý "
        "mang mã “vusta”"
    ) in messages


def test_good_workbook_imports_and_reimport_updates(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    rows = [
        {
            "Loại hoạt động": "hoi-thao",
            "Tên hoạt động": "Hội thảo biển xanh",
            "Ngày bắt đầu": "10/03/2025",
            "Mã đơn vị tổ chức": "hoa-an",
            "Số người tham dự": 40,
        }
    ]
    assert importing.import_activities(content=workbook(rows), user=staff) == (1, 0)
    rows[0]["Số người tham dự"] = 55
    assert importing.import_activities(content=workbook(rows), user=staff) == (0, 1)
    activity = Activity.objects.get(title="Hội thảo biển xanh")
    assert (activity.participants_count, activity.state, activity.kind.slug) == (
        55,
        "held",
        "hoi-thao",
    )


def test_calendar_shows_the_month_activities(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    html = client.get(reverse("activities_calendar"), {"y": 2024, "m": 3}).content.decode()
    assert "Tháng 3/2024" in html
    assert "Tập huấn kỹ thuật trồng cây ăn quả theo tiêu chuẩn VietGAP" in html
    assert "Hội thảo “Chuyển đổi số" not in html  # that one is in April


def test_held_activities_link_to_their_news_article(demo):
    from django.core.exceptions import ValidationError

    linked = Activity.objects.filter(news_article__isnull=False)
    assert linked.filter(kind__slug="hoi-thao").count() == 11
    assert all(a.news_article.title in (a.title, f"Câu lạc bộ Trí thức: {a.title}") for a in linked)
    planned = Activity.objects.get(state="planned")
    planned.news_article = linked.first().news_article
    with pytest.raises(ValidationError) as error:
        planned.full_clean()
    assert error.value.message_dict["news_article"] == [
        "Chỉ hoạt động đã tổ chức mới có bài viết đưa tin."
    ]


def test_a_union_leader_reads_activities_but_never_changes_them(client, personas):
    leader = personas["leader"]
    activity = Activity.objects.get(
        title="Tập huấn kỹ thuật trồng cây ăn quả theo tiêu chuẩn VietGAP"
    )
    client.force_login(leader)
    listing = client.get(reverse("activities_activity:index"), {"q": "VietGAP"})
    assert [a.title for a in listing.context["object_list"]] == [activity.title]
    edit = reverse("activities_activity:edit", args=[activity.pk])
    assert refused(client, edit, {"title": "Đổi tên", "kind": activity.kind_id})
    assert refused(client, reverse("activities_activity:delete", args=[activity.pk]))
    assert refused(client, reverse("activities_import"))
    with pytest.raises(PermissionDenied):
        importing.import_activities(content=workbook([]), user=leader)
    activity.refresh_from_db()
    assert activity.title == "Tập huấn kỹ thuật trồng cây ăn quả theo tiêu chuẩn VietGAP"


def test_the_activity_list_costs_the_same_for_one_row_as_for_four(
    client, demo, django_assert_num_queries
):
    union, staff = fresh_union()
    kind = ActivityKind.objects.get(slug="hoi-thao")

    def add(n):
        Activity.objects.create(
            kind=kind, title=f"Hội thảo {n}", start_date=date(2025, 3, n), organiser=union
        )

    add(1)
    client.force_login(staff)
    url = reverse("activities_activity:index")
    one, response = queries_for(client, url)
    assert [a.title for a in rows(response)] == ["Hội thảo 1"]
    for n in (2, 3, 4):
        add(n)
    with django_assert_num_queries(one):
        response = client.get(url)
    assert len(rows(response)) == 4
