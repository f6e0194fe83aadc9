"""The directory's report sections read their figures through the report's context."""

from datetime import date

import pytest

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Bloc, MemberCount
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
