"""Consulting kinds as data: each kind gets its figure at once; light records come in from the
register of incoming documents (all or nothing); union staff see only their union's records."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lienhiep.consulting import importing
from lienhiep.consulting.enums import SENT_STATES, KindForm
from lienhiep.consulting.models import Case, ConsultingKind, ConsultingRecord, CouncilSeat, Sitting
from lienhiep.core.indicators import measure_for
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans import figures
from lienhiep.plans.enums import Method
from lienhiep.plans.models import Indicator
from tests.factories import make_org
from tests.refusals import refused

pytestmark = pytest.mark.django_db

HEADERS = [column.header for column in importing.COLUMNS]


@pytest.fixture
def comments(demo):
    return ConsultingKind.objects.create(
        name="Góp ý dự thảo văn bản", slug="gop-y", form=KindForm.RECORD, unit="văn bản"
    )


def upload(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = importing.SHEET
    sheet.append(HEADERS[:5])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "van-ban-den.xlsx"
    return buffer


def test_a_new_kind_has_its_computed_indicator_at_once(comments):
    indicator = Indicator.objects.get(code="consulting.kind-gop-y")
    assert (indicator.name, indicator.unit, indicator.method) == (
        "Góp ý dự thảo văn bản",
        "văn bản",
        Method.COMPUTED,
    )


def test_a_seat_counts_the_years_it_is_held_and_its_sittings_in_the_year(demo):
    boards = ConsultingKind.objects.create(name="Hội đồng OCOP", slug="ocop", form=KindForm.SEAT)
    seat = CouncilSeat.objects.create(
        kind=boards,
        union=demo,
        council="Hội đồng OCOP tỉnh",
        start_date=date(2023, 5, 1),
        end_date=date(2024, 4, 30),
    )
    Sitting.objects.create(seat=seat, date=date(2023, 9, 1))
    Sitting.objects.create(seat=seat, date=date(2024, 3, 1))
    seats = Indicator.objects.get(code="consulting.kind-ocop")
    sittings = Indicator.objects.get(code="consulting.kind-ocop.sittings")
    assert [figures.value(seats, demo, year) for year in (2022, 2023, 2024, 2025)] == [0, 1, 1, 0]
    assert [figures.value(sittings, demo, year) for year in (2023, 2024)] == [1, 1]


def test_the_template_has_a_guide_and_the_record_kinds(client, personas, comments):
    ConsultingKind.objects.create(name="Hội đồng ĐTM", slug="dtm", form=KindForm.SEAT)
    client.force_login(personas["union_staff"])
    response = client.get(reverse("consulting_records_import_template"))
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Hướng dẫn", importing.SHEET, importing.KINDS_SHEET]
    assert [c.value for c in book[importing.SHEET][1]] == HEADERS
    kinds = [row[0] for row in book[importing.KINDS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert kinds == ["Góp ý dự thảo văn bản"]


def test_the_import_screen_saves_the_register_for_the_users_union(client, personas, comments):
    client.force_login(personas["union_staff"])
    rows = [
        ["Góp ý dự thảo văn bản", "Dự thảo quy chế A", "02/01/2024", "Sở Nội vụ", "5/SNV"],
        ["gop-y", "Dự thảo quy chế B", "03/01/2024", "Sở Tài chính", ""],
    ]
    response = client.post(
        reverse("consulting_records_import"), {"workbook": upload(rows)}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Đã nhập: tạo mới 2 hồ sơ, cập nhật 0 hồ sơ."
    ]
    saved = ConsultingRecord.objects.order_by("date")
    assert [(r.title, r.union.slug, r.requester) for r in saved] == [
        ("Dự thảo quy chế A", "hoa-an", "Sở Nội vụ"),
        ("Dự thảo quy chế B", "hoa-an", "Sở Tài chính"),
    ]
    indicator = Indicator.objects.get(code="consulting.kind-gop-y")
    assert figures.value(indicator, Organisation.objects.get(slug="hoa-an"), 2024) == 2


def test_a_bad_row_saves_nothing_and_is_named(client, personas, comments):
    client.force_login(personas["union_staff"])
    rows = [
        ["Góp ý dự thảo văn bản", "Dự thảo quy chế A", "02/01/2024", "Sở Nội vụ", ""],
        ["Phản biện miệng", "Dự thảo quy chế B", "31/02/2024", "", ""],
    ]
    response = client.post(reverse("consulting_records_import"), {"workbook": upload(rows)})
    assert ConsultingRecord.objects.count() == 0
    assert [str(p) for p in response.context["problems"]] == [
        "Trang tính “Văn bản đến”, dòng 3, cột A (Loại công việc): "
        "“Phản biện miệng” không thuộc các giá trị: Góp ý dự thảo văn bản",
        "Trang tính “Văn bản đến”, dòng 3, cột C (Ngày văn bản): "
        "“31/02/2024” không phải là ngày viết theo dạng dd/mm/yyyy",
    ]


@pytest.mark.parametrize("persona", ["leader", "officer", "expert"])
def test_who_keeps_no_union_records_cannot_import(client, personas, comments, persona):
    client.force_login(personas[persona])
    rows = [["gop-y", "Dự thảo", "02/01/2024", "", ""]]
    assert refused(client, reverse("consulting_records_import"), {"workbook": upload(rows)})
    assert ConsultingRecord.objects.count() == 0


def test_union_staff_cannot_define_a_shared_kind(client, personas):
    client.force_login(personas["union_staff"])
    data = {"name": "Thử", "slug": "thu", "form": "record", "unit": "văn bản", "order": 0}
    assert refused(client, reverse("consulting_kind:add"), data)
    assert not ConsultingKind.objects.filter(slug="thu").exists()


def test_a_wrong_placeholder_is_refused_on_the_kind_screen(client, personas):
    client.force_login(personas["federation"])
    data = {
        "name": "Thử",
        "slug": "thu",
        "form": "record",
        "unit": "văn bản",
        "order": 0,
        "report_section": "consulting",
        "sentence": "Góp ý {so_luong} văn bản.",
    }
    response = client.post(reverse("consulting_kind:add"), data)
    assert response.context["form"].errors["sentence"] == [
        "Câu dùng {so_luong} nhưng đó không phải chỗ điền; hãy dùng {số}, {đơn vị}, "
        "{kế hoạch}, {tỷ lệ}, {kỳ}."
    ]
    assert not ConsultingKind.objects.filter(slug="thu").exists()


def records_of(count, union, kind):
    for number in range(count):
        ConsultingRecord.objects.create(
            kind=kind, union=union, title=f"Dự thảo số {number}", date=date(2024, 1, 1 + number)
        )


@pytest.mark.parametrize("count", [1, 3])
def test_the_records_list_shows_only_the_users_union(
    client, personas, comments, count, django_assert_max_num_queries
):
    other = make_org("Liên hiệp hội tỉnh Bên Cạnh", kind=OrganisationKind.UNION)
    records_of(2, other, comments)
    records_of(count, Organisation.objects.get(slug="hoa-an"), comments)
    client.force_login(personas["union_staff"])
    with django_assert_max_num_queries(30):
        response = client.get(reverse("consulting_record:index"))
    titles = [r.title for r in response.context["object_list"]]
    assert sorted(titles) == [f"Dự thảo số {n}" for n in range(count)]


def test_a_kinds_figure_shows_on_the_dashboard_and_in_the_national_table(
    client, personas, comments
):
    hoa_an = Organisation.objects.get(slug="hoa-an")
    records_of(2, hoa_an, comments)
    client.force_login(personas["union_staff"])
    dashboard = client.get(reverse("wagtailadmin_home"), {"year": 2024}).content.decode()
    assert re.search(r"<li>Góp ý dự thảo văn bản: <a [^>]*><strong>2</strong></a></li>", dashboard)
    client.force_login(personas["federation"])
    response = client.get(reverse("plans_national"), {"year": 2024})
    codes = [indicator.code for indicator in response.context["indicators"]]
    assert "consulting.kind-gop-y" in codes
    rows = [*response.context["unplaced"]]  # the demo's Hòa An has no province
    rows += [row for _province, unions in response.context["table"] for row in unions]
    [cell] = [values["consulting.kind-gop-y"] for union, values in rows if union == hoa_an]
    assert cell == 2


def test_a_case_kind_staff_add_counts_its_cases_whose_report_was_sent(demo):
    policy = ConsultingKind.objects.create(
        name="Tư vấn chính sách", slug="tu-van-chinh-sach", form=KindForm.CASE, unit="đề án"
    )
    sent = Case.objects.filter(union=demo, state__in=SENT_STATES, report_date__year=2024)
    Case.objects.filter(pk=sent.order_by("pk").first().pk).update(kind=policy)
    indicator = Indicator.objects.get(code="consulting.kind-tu-van-chinh-sach")
    assert figures.value(indicator, demo, 2024) == 1
    built_in = ConsultingKind.objects.filter(form=KindForm.CASE).exclude(pk=policy.pk)
    assert sorted(built_in.values_list("slug", flat=True)) == [
        "consultancy",
        "critique",
        "social_assessment",
    ]
    assert measure_for("consulting.kind-critique") is None  # counted by schemes_critiqued
