from datetime import date

import pytest
from django.core.management import call_command

from lienhiep.directory import demo as directory_demo
from lienhiep.directory import queries
from lienhiep.directory.enums import OrganisationKind, OrganisationStatus
from lienhiep.directory.models import MemberCount, Membership, Organisation, Person, Term
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def test_hoa_an_registry_at_end_of_2024_is_counted_from_records(demo):
    figures = queries.registry_figures(demo, 2024)
    assert figures.by_kind == {"member_association": 22, "collective_member": 9}
    assert figures.member_organisations == 31
    assert figures.subordinate_units == 2
    assert figures.members == 12436
    assert (figures.club_members, figures.club_new_members) == (112, 7)
    assert [o.slug for o in figures.admitted] == ["cong-nghe-sinh-hoc-xanh"]
    assert sorted(t.organisation.slug for t in figures.congresses) == [
        "hoi-dieu-duong",
        "hoi-luat-gia",
    ]
    assert [o.name for o in figures.overdue] == [
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
    assert "  - Hội Xây dựng tỉnh Hòa An (hết nhiệm kỳ 10/08/2023)" in out


def test_2023_registry_differs_where_records_differ(demo):
    figures = queries.registry_figures(demo, 2023)
    assert figures.by_kind == {"member_association": 22, "collective_member": 8}
    assert figures.members == sum(
        MemberCount.objects.filter(year=2023, organisation__parent=demo).values_list(
            "members", flat=True
        )
    )
    assert figures.club_members == 105 + 1  # the member who left in 2024 was still there


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
