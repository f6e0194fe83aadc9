import re
from datetime import date
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from lienhiep.core.indicators import MEASURES
from lienhiep.core.memo import RequestMemoMiddleware
from lienhiep.directory import demo as directory_demo
from lienhiep.directory import measures, queries, roles
from lienhiep.directory.enums import OrganisationKind, OrganisationStatus
from lienhiep.directory.models import MemberCount, Membership, Organisation, Person, Term
from lienhiep.directory.rules import subtree_ids
from lienhiep.directory.views.panels import RegistryPanel
from lienhiep.plans import figures
from lienhiep.plans.models import Indicator
from tests.factories import make_membership, make_org, make_person, make_user

pytestmark = pytest.mark.django_db


def records(code, union, year=2024):
    return MEASURES[f"directory.{code}"].queryset(subtree_ids(union.pk), year)


def test_hoa_an_registry_at_end_of_2024_is_counted_from_records(demo):
    assert measures.registry(subtree_ids(demo.pk), 2024) == {
        "member_organisations": 31,
        "member_associations": 22,
        "collective_members": 9,
        "subordinate_units": 2,
        "members": 12436,
        "members_counted_apart": 0,
        "club_members": 112,
        "new_club_members": 7,
        "admitted": 1,
        "congresses": 2,
        "overdue_congresses": 3,
    }
    assert [o.slug for o in records("admitted", demo)] == ["cong-nghe-sinh-hoc-xanh"]
    assert sorted(t.organisation.slug for t in records("congresses", demo)) == [
        "hoi-dieu-duong",
        "hoi-luat-gia",
    ]
    assert [o.name for o in records("overdue_congresses", demo).order_by("sort_key")] == [
        "Hội Châm cứu tỉnh Hòa An",
        "Hội Sử học tỉnh Hòa An",
        "Hội Xây dựng tỉnh Hòa An",
    ]


def test_registry_command_prints_vietnamese_figures(demo, capsys):
    call_command("registry", "--org", "hoa-an", "--year", "2024")
    out = capsys.readouterr().out
    assert "Tổ chức thành viên: 31 (22 hội thành viên, 09 hội viên tập thể)" in out
    assert "Đơn vị trực thuộc: 02" in out
    assert "Hội viên: 12.436" in out
    assert "Câu lạc bộ trí thức: 112 thành viên, 07 mới" in out
    assert "Kết nạp trong năm: 01" in out
    assert "Đại hội trong năm: 02" in out
    assert "Quá hạn Đại hội: 03" in out
    assert "  - Hội Xây dựng tỉnh Hòa An (hết nhiệm kỳ 10/08/2023)" in out


def test_2023_registry_differs_where_records_differ(demo):
    figures = measures.registry(subtree_ids(demo.pk), 2023)
    assert (figures["member_associations"], figures["collective_members"]) == (22, 8)
    assert figures["members"] == sum(
        MemberCount.objects.filter(year=2023, organisation__parent=demo).values_list(
            "members", flat=True
        )
    )
    assert figures["club_members"] == 105 + 1  # the member who left in 2024 was still there


def test_seed_is_idempotent(demo):
    before = [m.objects.count() for m in (Organisation, Person, Membership, Term, MemberCount)]
    directory_demo.seed()
    after = [m.objects.count() for m in (Organisation, Person, Membership, Term, MemberCount)]
    assert before == after


def test_dissolved_organisation_stops_counting_after_its_end(demo):
    union = make_org("Liên hiệp hội thử", kind=OrganisationKind.UNION)
    kept = make_org(parent=union, admission_decision_date=date(2010, 1, 1))
    make_org(
        parent=union,
        admission_decision_date=date(2010, 1, 1),
        status=OrganisationStatus.DISSOLVED,
        ended_on=date(2024, 5, 1),
    )
    make_org(parent=union, status=OrganisationStatus.DISSOLVED)  # no date: ended long ago
    assert queries.member_organisations(union, date(2023, 12, 31)).order_by("pk").first() == kept
    assert queries.member_organisations(union, date(2023, 12, 31)).count() == 2
    assert queries.member_organisations(union, date(2024, 12, 31)).count() == 1


def test_congress_due_and_overdue_use_extensions():
    union = make_org("Liên hiệp hội thử", kind=OrganisationKind.UNION)
    late = make_org(parent=union)
    extended = make_org(parent=union)
    due = make_org(parent=union)
    Term.objects.create(
        organisation=late, number=1, congress_date=date(2018, 1, 1), planned_end=date(2023, 1, 1)
    )
    Term.objects.create(
        organisation=extended,
        number=1,
        congress_date=date(2018, 1, 1),
        planned_end=date(2023, 1, 1),
        extended_until=date(2025, 6, 1),
    )
    Term.objects.create(
        organisation=due, number=2, congress_date=date(2020, 3, 1), planned_end=date(2025, 3, 1)
    )
    day = date(2025, 1, 1)
    children = Organisation.objects.filter(parent=union)
    assert list(queries.overdue_for_congress(children, day)) == [late]
    assert set(queries.due_for_congress(children, day)) == {extended, due}


def test_term_label_uses_roman_numerals():
    term = Term(number=4, congress_date=date(2022, 5, 1), planned_end=date(2027, 5, 1))
    assert str(term.label) == "nhiệm kỳ IV (2022-2027)"


@pytest.fixture
def deep_union(db):
    """A union whose registry lies below its direct children: an association with its own unit
    and member associations (one admitted, one holding its congress in 2024, one overdue), and
    two clubs."""
    union = make_org("Liên hiệp hội tỉnh Sâu", kind=OrganisationKind.UNION)
    association = make_org(parent=union, admission_decision_date=date(2010, 1, 1))
    make_org(
        parent=association,
        kind=OrganisationKind.SUBORDINATE_UNIT,
        founding_decision_date=date(2015, 1, 1),
    )
    admitted = make_org(
        "Hội Mới",
        parent=association,
        admission_decision_number="07/QĐ-LHH",
        admission_decision_date=date(2024, 5, 1),
    )
    late = make_org(parent=association, admission_decision_date=date(2012, 1, 1))
    for organisation, members in ((association, 100), (admitted, 50)):
        MemberCount.objects.create(organisation=organisation, year=2024, members=members)
    for organisation, congress in ((association, 2018), (admitted, 2024), (late, 2017)):
        Term.objects.create(
            organisation=organisation,
            number=1,
            congress_date=date(congress, 6, 1),
            planned_end=date(congress + 5, 6, 1),
        )
    for club in (make_org(parent=union, kind=OrganisationKind.CLUB) for _ in range(2)):
        for start in (date(2020, 1, 1), date(2024, 3, 1)):
            make_membership(make_person(union), club, start=start)
    return union


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


#: The indicator registry's figures of ``deep_union`` at the end of 2024.
DEEP = {
    "member_organisations": 3,
    "member_associations": 3,
    "collective_members": 0,
    "subordinate_units": 1,
    "members": 150,
    "members_counted_apart": 0,
    "club_members": 4,
    "new_club_members": 2,
    "admitted": 1,
    "congresses": 1,
    "overdue_congresses": 2,
}


def test_indicators_count_the_whole_tree(deep_union):
    indicators = Indicator.objects.filter(code__in=[f"directory.{code}" for code in DEEP])
    assert {
        f.indicator.code.removeprefix("directory."): f.value
        for f in figures.figures(deep_union, 2024, indicators)
    } == DEEP


def test_dashboard_and_command_state_the_indicator_figures_of_the_whole_tree(client, deep_union):
    client.force_login(make_user(roles.UNION_STAFF, deep_union))
    dashboard = words(client.get("/admin/?year=2024").content.decode())
    for line in (
        "Tổ chức thành viên: 3 (hội thành viên 3, hội viên tập thể 0)",
        "Đơn vị trực thuộc: 1",
        "Hội viên: 150",
        "Thành viên câu lạc bộ trí thức: 4 (mới 2)",
        "Kết nạp trong năm: 1",
        "Đại hội trong năm: 1",
        "Quá hạn Đại hội: 2",
        "Quá hạn: 2",  # the plan panel's congresses: the same measure, written the same way
    ):
        assert line in dashboard, line
    out = StringIO()
    call_command("registry", "--org", deep_union.slug, "--year", "2024", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[1:7] == [
        "Tổ chức thành viên: 03 (03 hội thành viên, 00 hội viên tập thể)",
        "Đơn vị trực thuộc: 01",
        "Hội viên: 150",
        "Câu lạc bộ trí thức: 4 thành viên, 02 mới",
        "Kết nạp trong năm: 01",
        "  - Hội Mới (07/QĐ-LHH, 01/05/2024)",
    ]
    assert "Đại hội trong năm: 01" in lines and "Quá hạn Đại hội: 02" in lines
    assert measures.registry(subtree_ids(deep_union.pk), 2024) == DEEP


def test_registry_panel_costs_the_same_queries_with_more_records(
    rf, deep_union, django_assert_num_queries
):
    request = rf.get("/admin/")
    request.user = make_user(roles.UNION_STAFF, deep_union)
    panel = RegistryPanel(request)
    # drawn within a request, as the dashboard is: what it works out once per request is kept
    context = RequestMemoMiddleware(lambda _request: panel.get_context_data({}))
    context(request)  # the user's groups, scope and what they see, once per request
    cache.clear()  # the year and figures worked out, not kept (``core.generation``)
    with django_assert_num_queries(3):  # the tree, the year, the 11 figures in one query
        assert context(request)["figures"] == DEEP
    association = Organisation.objects.get(parent=deep_union, kind="member_association")
    for n in range(3):
        make_org(parent=association, admission_decision_date=date(2024, 2, 1 + n))
    context(request)  # a new organisation: what the user sees is worked out again
    cache.clear()
    with django_assert_num_queries(3):
        assert context(request)["figures"]["admitted"] == 4
