"""The directory's report sections read their figures through the report's context."""

from datetime import date

import pytest

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Bloc, MemberCount
from lienhiep.directory.report import build_blocs
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from lienhiep.reports import content
from lienhiep.reports.enums import ReportKind
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def bloc_lines(union, kind):
    data = content.build(union, 2024, kind)
    [section] = [
        s
        for s in data["parts"][0]["sections"]
        if "Hoạt động của các hội thành viên" in s["heading"]
    ]
    return [item for block in section["blocks"] for item in block.get("list", [])]


@pytest.fixture
def union():
    """A union with one association in the health bloc: an activity in March, one in October."""
    union = make_org("Liên hiệp hội tỉnh Thử", kind=OrganisationKind.UNION)
    bloc = Bloc.objects.create(name="Khối Thử", slug="khoi-thu")
    association = make_org(parent=union, bloc=bloc, admission_decision_date=date(2010, 1, 1))
    MemberCount.objects.create(organisation=association, year=2024, members=40)
    kind = ActivityKind.objects.create(name="Sinh hoạt", slug="sinh-hoat-thu")
    for day in (date(2024, 3, 8), date(2024, 10, 20)):
        Activity.objects.create(
            kind=kind, title="Sinh hoạt", start_date=day, organiser=association, state="held"
        )
    return union


def test_a_six_month_report_leaves_out_a_bloc_activity_held_in_october(union):
    assert bloc_lines(union, ReportKind.HALF_YEAR) == [
        "Khối Thử: 01 hội, 40 hội viên; 01 hoạt động"
    ]
    assert bloc_lines(union, ReportKind.ANNUAL) == ["Khối Thử: 01 hội, 40 hội viên; 02 hoạt động"]


def accepted_return(organisation, **figures):
    return YearlyReturn.objects.create(
        organisation=organisation,
        year=2024,
        deadline=date(2025, 1, 15),
        state=ReturnState.ACCEPTED,
        **figures,
    )


def test_without_blocs_the_returns_are_one_list_and_counted_from_accepted_ones():
    union = make_org("Liên hiệp hội tỉnh Không Khối", kind=OrganisationKind.UNION)
    first = make_org("Hội Cơ khí tỉnh", parent=union)
    second = make_org("Hội Thủy lợi tỉnh", parent=union)
    waiting = make_org("Hội Tin học tỉnh", parent=union)
    accepted_return(first, research_projects=2, charity=15_000_000, activities="Hội thảo máy sấy")
    accepted_return(second, activities="Ra mắt Ban Chấp hành\nTập huấn tưới tiết kiệm")
    YearlyReturn.objects.create(
        organisation=waiting,
        year=2024,
        deadline=date(2025, 1, 15),
        state=ReturnState.SUBMITTED,
        research_projects=7,
    )
    built = build_blocs(content.Context(union, 2024))
    assert [b.get("p") or b.get("list") for b in built if b] == [
        "02 báo cáo năm đã được chấp nhận của các tổ chức thành viên cho biết: 02 đề tài được "
        "ứng dụng, 15 triệu đồng ủng hộ từ thiện.",
        "Hội Cơ khí tỉnh: 02 đề tài được ứng dụng, 15 triệu đồng ủng hộ từ thiện.",
        ["Hội thảo máy sấy"],
        "Hội Thủy lợi tỉnh:",
        ["Ra mắt Ban Chấp hành", "Tập huấn tưới tiết kiệm"],
    ]


@pytest.mark.parametrize("associations", [1, 3])
def test_the_member_associations_section_reads_a_fixed_number_of_queries(
    associations, django_assert_max_num_queries
):
    union = make_org("Liên hiệp hội tỉnh Đếm", kind=OrganisationKind.UNION)
    bloc = Bloc.objects.create(name="Khối Đếm", slug="khoi-dem")
    for number in range(associations):
        organisation = make_org(f"Hội Đếm {number}", parent=union, bloc=bloc)
        accepted_return(organisation, research_projects=1, activities="Sinh hoạt")
    context = content.Context(union, 2024)
    with django_assert_max_num_queries(9):
        blocks = build_blocs(context)
    assert len([b for b in blocks if b and "p" in b and b["p"].startswith("Hội Đếm")]) == (
        associations
    )
