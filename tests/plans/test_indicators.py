import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans import figures, services
from lienhiep.plans.enums import Method
from lienhiep.plans.models import AnnualPlan, Indicator, ReportedValue, Target
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


def figure(code, organisation, year=2024):
    indicator = Indicator.objects.get(code=code)
    return figures.figures(organisation, year, [indicator])[0]


def test_indicators_command_states_the_registry_and_returns(demo, capsys):
    call_command("indicators", "--org", "hoa-an", "--year", "2024")
    lines = capsys.readouterr().out.splitlines()
    assert "Tổ chức thành viên: thực hiện 31 tổ chức" in lines
    assert "Đơn vị trực thuộc: thực hiện 02 đơn vị" in lines
    assert "Hội viên: thực hiện 12.436 hội viên" in lines
    assert "Thành viên Câu lạc bộ trí thức: thực hiện 112 hội viên" in lines
    assert "Thành viên mới của Câu lạc bộ trí thức: thực hiện 07 hội viên" in lines
    assert "Báo cáo năm: 19/22 hội thành viên đã gửi báo cáo" in lines
    assert (
        "Mô hình, sản phẩm dự thi Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng: thực hiện 168 "
        "mô hình; kế hoạch 150 mô hình; đạt 112%"
    ) in lines


def test_a_planned_indicator_without_records_yet_says_so(demo, capsys):
    indicator = Indicator.objects.create(
        code="future.measure", name="Chỉ tiêu chưa có bản ghi", unit="việc", method=Method.COMPUTED
    )
    plan = AnnualPlan.objects.get(organisation=demo, year=2024)
    Target.objects.create(plan=plan, indicator=indicator, value=3)
    call_command("indicators", "--org", "hoa-an", "--year", "2024")
    lines = capsys.readouterr().out.splitlines()
    assert "Chỉ tiêu chưa có bản ghi: thực hiện —; kế hoạch 03 việc; chưa có số liệu" in lines


def admitted_row(client):
    """The words of the dashboard's plan row for admissions, as a reader sees them."""
    html = client.get("/admin/?year=2024").content.decode()
    rows = re.findall(r'<tr class="plan-row[^"]*">(.*?)</tr>', html, re.S)
    [row] = [r for r in rows if "Tổ chức được kết nạp" in r]
    row = re.sub(r"<meter.*?</meter>", " ", row, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    return ["Tổ chức được kết nạp", *text.replace("Tổ chức được kết nạp", "").split()]


def test_one_more_record_moves_figure_achievement_and_dashboard(client, demo):
    plan = AnnualPlan.objects.get(organisation=demo, year=2024)
    Target.objects.create(
        plan=plan, indicator=Indicator.objects.get(code="directory.admitted"), value=2
    )
    before = figure("directory.admitted", demo)
    assert (before.value, before.achievement, before.standing) == (1, 50, "below")
    client.force_login(make_user(roles.UNION_STAFF, demo))
    assert admitted_row(client) == [
        "Tổ chức được kết nạp",
        "2",
        "1",
        "50%",
        "▼",
        "Dưới",
        "kế",
        "hoạch",
    ]

    make_org(
        "Hợp tác xã Nông nghiệp công nghệ cao",
        kind=OrganisationKind.COLLECTIVE_MEMBER,
        parent=demo,
        admission_decision_date=date(2024, 11, 20),
    )

    after = figure("directory.admitted", demo)
    assert (after.value, after.achievement, after.standing) == (2, 100, "at")
    assert admitted_row(client) == [
        "Tổ chức được kết nạp",
        "2",
        "2",
        "100%",
        "●",
        "Đạt",
        "kế",
        "hoạch",
    ]
    assert figure("directory.member_organisations", demo).value == 32


def test_a_reported_value_needs_a_source(demo):
    indicator = Indicator.objects.create(
        code="community.households", name="Hộ nghèo được hỗ trợ", unit="hộ", method=Method.REPORTED
    )
    staff = make_user(roles.UNION_STAFF, demo)
    with pytest.raises(ValidationError) as error:
        services.report_value(
            indicator=indicator, organisation=demo, year=2024, value=1250, source="  ", user=staff
        )
    assert error.value.message_dict == {
        "source": ["Hãy ghi rõ nguồn của số liệu (văn bản hoặc người cung cấp)."]
    }
    assert not ReportedValue.objects.filter(indicator=indicator).exists()
    services.report_value(
        indicator=indicator,
        organisation=demo,
        year=2024,
        value=1250,
        source="Báo cáo số 15/BC-TTPTCĐ ngày 20/12/2024",
        user=staff,
    )
    assert figure("community.households", demo).value == Decimal(1250)


def test_reported_values_roll_up_by_their_rule(demo):
    centre = Organisation.objects.get(slug="trung-tam-phat-trien-cong-dong")
    staff = make_user(roles.UNION_STAFF, demo)
    summed = Indicator.objects.create(code="t.sum", name="Tổng", unit="hộ", method=Method.REPORTED)
    own = Indicator.objects.create(
        code="t.own", name="Riêng", unit="hộ", method=Method.REPORTED, rollup="none"
    )
    biggest = Indicator.objects.create(
        code="t.max", name="Lớn nhất", unit="hộ", method=Method.REPORTED, rollup="max"
    )
    for indicator in (summed, own, biggest):
        services.report_value(
            indicator=indicator, organisation=centre, year=2024, value=30, source="x", user=staff
        )
        services.report_value(
            indicator=indicator, organisation=demo, year=2024, value=5, source="x", user=staff
        )
    assert [figure(code, demo).value for code in ("t.sum", "t.own", "t.max")] == [35, 5, 30]


def test_computed_indicator_refuses_reported_values(demo):
    with pytest.raises(ValidationError) as error:
        services.report_value(
            indicator=Indicator.objects.get(code="directory.members"),
            organisation=demo,
            year=2024,
            value=1,
            source="x",
            user=make_user(roles.UNION_STAFF, demo),
        )
    assert "indicator" in error.value.message_dict


def test_federation_figure_sums_its_unions(demo):
    federation = Organisation.objects.get(slug="vusta")
    other = make_org("Liên hiệp hội tỉnh Khác", kind=OrganisationKind.UNION, parent=federation)
    make_org(parent=other)
    assert figure("directory.member_associations", federation).value == 23


def test_national_table_puts_pre_merger_unions_under_their_unit(demo):
    from lienhiep.directory.models import FormerProvince

    federation = Organisation.objects.get(slug="vusta")
    binh_thuan = make_org(
        "Liên hiệp hội tỉnh Bình Thuận",
        kind=OrganisationKind.UNION,
        parent=federation,
        former_province=FormerProvince.objects.get(name="Bình Thuận"),
    )
    make_org(parent=binh_thuan)
    make_org(parent=binh_thuan)
    indicators = [Indicator.objects.get(code="directory.member_associations")]
    table = {
        p.name if p else None: unions for p, unions in figures.national_table(2024, indicators)
    }
    assert len(table) == 35  # the 34 units, and Hòa An (fictional) without a province
    assert [(u.name, v) for u, v in table["Lâm Đồng"]] == [
        ("Liên hiệp hội tỉnh Bình Thuận", {"directory.member_associations": 2})
    ]


def test_figure_links_to_its_records(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    url = figure("directory.congresses", demo).records_url
    response = client.get(url)
    assert response.context["total"] == 2
    assert sorted(r["label"] for r in response.context["rows"]) == [
        "Hội Luật gia tỉnh Hòa An – nhiệm kỳ IV (2024-2029)",
        "Hội Điều dưỡng tỉnh Hòa An – nhiệm kỳ IV (2024-2029)",
    ]
    assert all(r["url"] for r in response.context["rows"])


def test_records_of_another_union_are_not_reachable(client, demo):
    federation = Organisation.objects.get(slug="vusta")
    other = make_org("Liên hiệp hội tỉnh Khác", kind=OrganisationKind.UNION, parent=federation)
    client.force_login(make_user(roles.UNION_STAFF, other))
    url = reverse("plans_figure_records", args=["directory.members"])
    assert client.get(f"{url}?org={demo.pk}&year=2024").status_code == 404
    html = client.get(f"/admin/?org={demo.pk}&year=2024").content.decode()
    assert "12.436" not in html and "Hòa An" not in html


def test_national_table_is_for_federation_staff_only(client, personas):
    client.force_login(personas["federation"])
    response = client.get(reverse("plans_national"), {"year": 2024})
    assert response.status_code == 200
    assert response.context["totals"]["directory.members"] == 12436
    for persona in ("union_staff", "officer"):
        client.force_login(personas[persona])
        response = client.get(reverse("plans_national"))
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_dashboard_opens_on_the_latest_year_with_records_then_the_year_chosen(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))

    first = client.get("/admin/").content.decode()
    assert 'name="year" value="2024"' in first  # the demo's latest year, not the calendar's

    client.get("/admin/", {"year": 2023})
    assert 'name="year" value="2023"' in client.get("/admin/").content.decode()
