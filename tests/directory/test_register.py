"""The register of outgoing documents (sổ văn bản đi): critique reports, honours proposals and
annual reports take their numbers from one series per union and year."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from lienhiep.consulting import services as consulting
from lienhiep.consulting.enums import PanelRole
from lienhiep.directory import register, roles
from lienhiep.directory.models import Organisation, OutgoingDocument
from lienhiep.honours import services as honours
from lienhiep.honours.enums import RoundState
from lienhiep.honours.models import CouncilMember, HonourRound
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db


def drafted_case(union, staff, day):
    case = consulting.open_case(
        user=staff,
        title="Đề án phát triển du lịch cộng đồng",
        union=union,
        requester=Organisation.objects.get(slug="so-nn-mt-hoa-an"),
        request_date=day,
        deadline=date(day.year, 12, 31),
    )
    expert = make_person(union, "Võ", "Minh", "Hải")
    expert.account = make_user(roles.EXPERT)
    expert.save()
    consulting.add_panel_member(case=case, person=expert, role=PanelRole.CHAIR, user=staff)
    for step in (
        consulting.form_panel,
        consulting.collect_opinions,
        consulting.hold_meeting,
        consulting.draft_report,
    ):
        step(case=case, user=staff, on=day)
    return case


def voted_round(union, staff, day, number=9):
    round = HonourRound.objects.create(
        union=union, number=number, year=day.year, opens_on=day, closes_on=day
    )
    member = make_person(union, "Hà", "Văn", f"An {number}")
    member.account = make_user(roles.EXPERT)
    member.save()
    CouncilMember.objects.create(round=round, person=member, chair=True)
    honours.close_review(round=round, user=staff, on=day)
    honours.close_voting(round=round, user=staff, on=day)
    return round


def test_a_critique_report_and_an_honours_proposal_never_share_a_number(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    day = date(2026, 5, 4)
    before = OutgoingDocument.objects.filter(organisation=demo, year=2026).count()
    case = drafted_case(demo, staff, day)
    round = voted_round(demo, staff, day)

    consulting.send_report(case=case, user=staff, sent_to="UBND tỉnh", on=day)
    honours.propose(round=round, user=staff, on=day)
    case.refresh_from_db()
    round.refresh_from_db()

    report, proposal = case.report_document, round.proposal_document
    assert (report.number, proposal.number) == (before + 1, before + 2)
    assert case.report_number == f"{before + 1:02d}/BC-LHH"
    assert round.proposal_number == f"{before + 2:02d}/TTr-LHH"
    assert report.subject == "Báo cáo phản biện: Đề án phát triển du lịch cộng đồng"

    # A number written by hand that another kind already holds is refused, and nothing moves.
    other = voted_round(demo, staff, day, number=10)
    with pytest.raises(ValidationError) as refused:
        honours.propose(round=other, user=staff, number=f"{report.number}/TTr-LHH", on=day)
    assert f"Số {report.number} năm 2026 đã được dùng cho {report}" in refused.value.messages[0]
    other.refresh_from_db()
    assert (other.state, other.proposal_document) == (RoundState.VOTED, None)
    assert OutgoingDocument.objects.filter(organisation=demo, year=2026).count() == before + 2


def test_a_refused_step_leaves_no_line_in_the_register(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    day = date(2026, 6, 1)
    case = consulting.open_case(
        user=staff,
        title="Đề án chưa có hội đồng",
        union=demo,
        requester=Organisation.objects.get(slug="so-nn-mt-hoa-an"),
        request_date=day,
        deadline=date(2026, 12, 31),
    )
    before = OutgoingDocument.objects.count()
    with pytest.raises(ValidationError):
        consulting.send_report(case=case, user=staff, sent_to="UBND tỉnh", on=day)
    assert OutgoingDocument.objects.count() == before


def test_a_number_that_is_not_one_is_refused_in_vietnamese(demo):
    with pytest.raises(ValidationError) as refused:
        register.parse_number("mười hai")
    assert "“mười hai” không phải là số văn bản" in refused.value.messages[0]


def test_the_sent_critique_report_is_listed_in_the_register(client, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    day = date(2026, 7, 2)
    case = drafted_case(demo, staff, day)
    consulting.send_report(case=case, user=staff, sent_to="UBND tỉnh", on=day)
    case.refresh_from_db()
    client.force_login(staff)
    page = client.get(reverse("reports_register:index")).content.decode()
    assert "Sổ văn bản đi" in page
    assert str(case.report_document) in page
    assert "Báo cáo phản biện: Đề án phát triển du lịch cộng đồng" in page


@pytest.mark.empty_installation
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"
)
def test_concurrent_allocations_take_different_numbers(empty_installation):
    union = Organisation.objects.create(name="Liên hiệp hội thử", slug="lhh-thu", kind="union")
    staff = make_user(roles.UNION_STAFF, union)
    numbers, errors, start = [], [], threading.Barrier(6)

    def allocate(index):
        try:
            start.wait()
            document = register.register_document(
                organisation=union,
                day=date(2031, 1, 2),
                kind=register.REPORT,
                subject=f"Văn bản {index}",
                user=staff,
            )
            numbers.append(document.number)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread's own connection

    threads = [threading.Thread(target=allocate, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]
