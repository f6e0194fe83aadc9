from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation, Person
from lienhiep.honours import importing, services
from lienhiep.honours.enums import RoundState, Threshold
from lienhiep.honours.models import (
    CommendationDecision,
    CouncilMember,
    HonourRound,
    Nomination,
    Vote,
)
from tests.counting import fresh_union, queries_for
from tests.dates import before_message, future_message, in_vietnamese, tomorrow
from tests.factories import make_org, make_person, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def council_member(round, given):
    person = make_person(round.union, "Hà", "Văn", given)
    person.account = make_user(roles.EXPERT)
    person.save()
    chair = not round.council.exists()  # the first seated chairs the council
    CouncilMember.objects.create(round=round, person=person, chair=chair)
    return person.account


@pytest.fixture
def round(demo):
    return HonourRound.objects.create(
        union=demo,
        number=3,
        year=2026,
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 6, 30),
        quota_per_unit=2,
    )


def nominated(round, staff, count=1):
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    return [
        services.nominate(
            round=round, nominee=make_person(unit, "Lý", "Thị", f"Hoa {n}"), unit=unit, user=staff
        )
        for n in range(count)
    ]


def test_indicators_state_honours_commendations_and_community(demo, capsys):
    call_command("indicators", "--org", "hoa-an", "--year", "2024")
    lines = capsys.readouterr().out.splitlines()
    for line in [
        "Hồ sơ đề cử trí thức tiêu biểu đã nhận: thực hiện 15 hồ sơ",
        "Hồ sơ đủ điều kiện: thực hiện 09 hồ sơ",
        "Trí thức được tôn vinh: thực hiện 09 trí thức",
        "Khen thưởng của Liên hiệp Hội Việt Nam cho tập thể: thực hiện 02 tập thể",
        "Khen thưởng của Liên hiệp Hội Việt Nam cho cá nhân: thực hiện 04 cá nhân",
        "Khen thưởng của Liên hiệp hội cho tập thể: thực hiện 06 tập thể",
        "Khen thưởng của Liên hiệp hội cho cá nhân: thực hiện 11 cá nhân",
        "Kinh phí các dự án cộng đồng: thực hiện 4,2 tỷ đồng",
        "Hộ nghèo được hỗ trợ vốn, kỹ thuật: thực hiện 1.250 hộ",
        "Suất học bổng: thực hiện 640 suất",
        "Nhà tình thương được xây dựng: thực hiện 12 căn",
        "Lớp tập huấn cho người dân: thực hiện 18 lớp",
        "Lượt người tham gia lớp tập huấn: thực hiện 720 lượt người",
    ]:
        assert line in lines


@pytest.mark.parametrize(
    ("threshold", "passes"), [(Threshold.MORE_THAN_HALF, True), (Threshold.TWO_THIRDS, False)]
)
def test_five_of_nine_passes_more_than_half_but_not_two_thirds(round, demo, threshold, passes):
    round.threshold = threshold
    round.save()
    staff = make_user(roles.UNION_STAFF, demo)
    [nomination] = nominated(round, staff)
    services.review(nomination=nomination, eligible=True, reason="", user=staff)
    voters = [council_member(round, f"Số {n}") for n in range(9)]
    services.close_review(round=round, user=staff)
    for index, voter in enumerate(voters):
        services.cast_vote(nomination=nomination, user=voter, agree=index < 5)
    assert services.passes(nomination) is passes


def test_council_member_votes_once_and_only_in_their_round(round, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    [nomination] = nominated(round, staff)
    services.review(nomination=nomination, eligible=True, reason="", user=staff)
    voter = council_member(round, "An")
    services.close_review(round=round, user=staff)
    services.cast_vote(nomination=nomination, user=voter, agree=True)
    with pytest.raises(ValidationError):
        services.cast_vote(nomination=nomination, user=voter, agree=False)
    assert Vote.objects.filter(nomination=nomination).count() == 1
    other_round = HonourRound.objects.get(union=demo, number=2)
    other = other_round.nominations.filter(eligible=True).first()
    with pytest.raises(PermissionDenied):
        services.cast_vote(nomination=other, user=voter, agree=True)
    outsider = make_user(roles.EXPERT)
    with pytest.raises(PermissionDenied):
        services.cast_vote(nomination=nomination, user=outsider, agree=True)


def test_officer_nominates_only_for_its_organisation_and_within_quota(round, demo):
    own = Organisation.objects.get(slug="hoi-dieu-duong")
    officer = make_user(roles.OFFICER, own)
    for n in range(2):
        services.nominate(
            round=round, nominee=make_person(own, "Lê", "Thị", f"Lan {n}"), unit=own, user=officer
        )
    with pytest.raises(ValidationError) as error:
        services.nominate(
            round=round, nominee=make_person(own, "Lê", "Thị", "Lan 3"), unit=own, user=officer
        )
    assert "đã đề cử đủ 2 hồ sơ" in " ".join(error.value.messages)
    other = Organisation.objects.get(slug="hoi-luat-gia")
    with pytest.raises(PermissionDenied):
        services.nominate(
            round=round, nominee=make_person(other, "Võ", "Văn", "Khoa"), unit=other, user=officer
        )
    assert Nomination.objects.filter(round=round).count() == 2


def test_decision_honours_the_passed_and_records_commendations(round, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    first, second = nominated(round, staff, 2)
    day = date(2026, 7, 1)
    services.review(nomination=first, eligible=True, reason="", user=staff, on=day)
    services.review(
        nomination=second, eligible=False, reason="Chưa đủ năm công tác", user=staff, on=day
    )
    voters = [council_member(round, f"Thành viên {n}") for n in range(3)]
    services.close_review(round=round, user=staff, on=date(2026, 7, 10))
    for voter in voters:
        services.cast_vote(nomination=first, user=voter, agree=True, on=date(2026, 8, 1))
    services.close_voting(round=round, user=staff, on=date(2026, 8, 2))
    services.propose(round=round, user=staff, number="12/TTr-LHH", on=date(2026, 9, 1))
    decision = services.decide(round=round, user=staff, number="999/QĐ-UBND", on=date(2026, 10, 1))
    round.refresh_from_db()
    assert round.state == RoundState.DECIDED
    assert [c.person for c in decision.recipients.all()] == [first.nominee]
    assert list(Nomination.objects.filter(round=round, honoured=True)) == [first]


def test_decision_tells_the_public_site(round, demo, django_capture_on_commit_callbacks):
    from lienhiep.core.signals import public_content_changed

    staff = make_user(roles.UNION_STAFF, demo)
    (first,) = nominated(round, staff, 1)
    services.review(nomination=first, eligible=True, reason="", user=staff, on=date(2026, 7, 1))
    voter = council_member(round, "Thành viên")
    services.close_review(round=round, user=staff, on=date(2026, 7, 10))
    services.cast_vote(nomination=first, user=voter, agree=True, on=date(2026, 8, 1))
    services.close_voting(round=round, user=staff, on=date(2026, 8, 2))
    services.propose(round=round, user=staff, number="12/TTr-LHH", on=date(2026, 9, 1))
    senders = []
    public_content_changed.connect(receiver := lambda sender, **kw: senders.append(sender))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.decide(round=round, user=staff, number="9/QĐ-UBND", on=date(2026, 10, 1))
    finally:
        public_content_changed.disconnect(receiver)
    assert senders == [HonourRound]


def test_commendation_recipients_import_all_or_nothing(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    decision = CommendationDecision.objects.get(number="62/QĐ-LHH")
    before = decision.recipients.count()
    person = Person.objects.filter(home__slug="clb-tri-thuc").last()

    def book(rows):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = importing.SHEET
        sheet.append([c.header for c in importing.COLUMNS])
        for row in rows:
            sheet.append(row)
        buffer = BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    bad = book(
        [
            ["Cá nhân", "", person.code, "Tốt"],
            ["Tập thể", "", "", ""],
            ["Nhóm", "hoi-y-hoc", "", ""],
        ]
    )
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_recipients(decision=decision, content=bad, user=staff)
    assert sorted((p.row, p.column) for p in failure.value.problems) == [(3, "B"), (4, "A")]
    assert decision.recipients.count() == before
    good = book([["Cá nhân", "", person.code, "Tốt"], ["Tập thể", "hoi-y-hoc", "", ""]])
    assert importing.import_recipients(decision=decision, content=good, user=staff) == 2
    assert importing.import_recipients(decision=decision, content=good, user=staff) == 0


def test_nomination_form_offers_only_the_officers_rounds_and_unit(client, round, demo):
    other_union = Organisation.objects.create(
        name="Liên hiệp hội tỉnh Khác", slug="lhh-khac", kind="union"
    )
    foreign = HonourRound.objects.create(
        union=other_union,
        number=1,
        year=2026,
        opens_on=date(2026, 1, 1),
        closes_on=date(2026, 12, 31),
    )
    client.force_login(make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong")))
    form = client.get("/admin/honours/nominations/new/").context["form"]
    assert foreign not in form.fields["round"].queryset
    assert round in form.fields["round"].queryset
    assert list(form.fields["nominating_unit"].queryset.values_list("slug", flat=True)) == [
        "hoi-dieu-duong"
    ]


def test_a_union_leader_reads_rounds_but_never_changes_them(client, personas, round):
    leader, staff = personas["leader"], personas["union_staff"]
    [nomination] = nominated(round, staff)
    client.force_login(leader)
    listing = client.get(reverse("honours_round:index")).context["object_list"]
    assert round in list(listing)
    page = client.get(reverse("honours_round_process", args=[round.pk])).content.decode()
    assert nomination.nominee.honorific in page
    assert 'value="close_review"' not in page and 'class="review-form"' not in page
    with pytest.raises(PermissionDenied):
        services.review(nomination=nomination, eligible=True, reason="", user=leader)
    with pytest.raises(PermissionDenied):
        services.close_review(round=round, user=leader)
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    with pytest.raises(PermissionDenied):
        services.nominate(round=round, nominee=make_person(unit), unit=unit, user=leader)
    url = reverse("honours_round_process", args=[round.pk])
    assert refused(
        client, url, {"action": "review", "nomination": nomination.pk, "eligible": "yes"}
    )
    assert refused(client, url, {"action": "close_review"})
    round.refresh_from_db()
    nomination.refresh_from_db()
    assert (round.state, nomination.eligible) == (RoundState.OPEN, None)
    assert list(round.nominations.all()) == [nomination]


def test_a_round_cannot_skip_a_step_and_each_step_is_logged(round, personas):
    staff = personas["union_staff"]
    with pytest.raises(ValidationError) as error:
        services.close_voting(round=round, user=staff)
    [message] = error.value.messages  # the core helper's sentence, naming both steps
    assert "“Đang nhận hồ sơ đề cử”" in message and "“Hội đồng đã bỏ phiếu”" in message
    round.refresh_from_db()
    assert round.state == RoundState.OPEN
    council_member(round, "An")
    services.close_review(round=round, user=staff, on=date(2026, 7, 10))
    services.close_voting(round=round, user=staff, on=date(2026, 8, 2))
    services.propose(round=round, user=staff, number="12/TTr-LHH", on=date(2026, 9, 1))
    round.refresh_from_db()
    assert (round.state, round.proposal_number) == (RoundState.PROPOSED, "12/TTr-LHH")
    actions = ModelLogEntry.objects.for_instance(round).order_by("timestamp", "pk")
    assert [e.action for e in actions] == [
        "honours.round.reviewed",
        "honours.round.voted",
        "honours.round.proposed",
    ]


def reviewed_round(union, staff, count):
    """A round of ``union`` with ``count`` eligible nominations, each voted on by a council of 3."""
    round = HonourRound.objects.create(
        union=union, number=1, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 6, 30)
    )
    round.quota_per_unit = count
    round.save()
    unit = make_org(parent=union)
    for n in range(count):
        nomination = services.nominate(
            round=round, nominee=make_person(unit, "Lý", "Thị", f"Hoa {n}"), unit=unit, user=staff
        )
        services.review(nomination=nomination, eligible=True, reason="", user=staff)
    voters = [council_member(round, f"Số {n}") for n in range(3)]
    services.close_review(round=round, user=staff)
    for index, voter in enumerate(voters):
        for nomination in round.nominations.all():
            services.cast_vote(nomination=nomination, user=voter, agree=index < 2)
    return round


def honours_screen(client, screen, size):
    """Log in as the staff of a union with ``size`` rows on each honours screen; its URL."""
    union, staff = fresh_union()
    round = reviewed_round(union, staff, size)
    for n in range(size):
        CommendationDecision.objects.create(
            union=union, issuer_kind="union", form="giay_khen", number=f"{n}/QĐ", date=date.today()
        )
    for n in range(2, size + 1):
        HonourRound.objects.create(
            union=union, number=n, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 6, 30)
        )
    client.force_login(staff)
    return (
        reverse(screen, args=[round.pk]) if screen == "honours_round_process" else reverse(screen)
    )


@pytest.mark.parametrize(
    "screen",
    [
        "honours_round_process",
        "honours_round:index",
        "honours_nomination:index",
        "honours_decision:index",
    ],
)
def test_honours_screens_cost_the_same_for_one_row_as_for_four(
    client, demo, django_assert_num_queries, screen
):
    one, _response = queries_for(client, honours_screen(client, screen, 1))
    url = honours_screen(client, screen, 4)
    client.get(url)
    with django_assert_num_queries(one):
        response = client.get(url)
    if screen == "honours_round_process":
        page = response.content.decode()
        assert [f"Lý Thị Hoa {n}" in page for n in range(4)] == [True] * 4
        assert page.count("2/3") == 4  # each row: two of the council of three agree
    else:
        assert len(response.context["object_list"]) == 4


def test_the_passed_nominations_cost_the_same_for_one_as_for_four(demo, django_assert_num_queries):
    union, staff = fresh_union()
    one = reviewed_round(union, staff, 1)
    with CaptureQueriesContext(connection) as queries:
        assert len(services.passed(one)) == 1
    other_union, other_staff = fresh_union()
    four = reviewed_round(other_union, other_staff, 4)
    with django_assert_num_queries(len(queries)):
        assert len(services.passed(four)) == 4


def test_the_steps_of_a_past_year_keep_their_own_dates(round, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    round.opens_on, round.year = date(2025, 3, 1), 2025
    round.save()
    [nomination] = nominated(round, staff)
    services.review(
        nomination=nomination, eligible=True, reason="", user=staff, on=date(2025, 7, 1)
    )
    voter = council_member(round, "An")
    services.close_review(round=round, user=staff, on=date(2025, 7, 10))
    services.cast_vote(nomination=nomination, user=voter, agree=True, on=date(2025, 8, 1))
    services.close_voting(round=round, user=staff, on=date(2025, 8, 2))
    services.propose(round=round, user=staff, number="5/TTr-LHH", on=date(2025, 9, 1))
    decision = services.decide(round=round, user=staff, number="9/QĐ-UBND", on=date(2025, 10, 1))
    round.refresh_from_db()
    nomination.refresh_from_db()
    assert (round.reviewed_on, round.voted_on, round.proposal_date, round.decision_date) == (
        date(2025, 7, 10),
        date(2025, 8, 2),
        date(2025, 9, 1),
        date(2025, 10, 1),
    )
    assert (nomination.reviewed_on, nomination.votes.get().cast_on) == (
        date(2025, 7, 1),
        date(2025, 8, 1),
    )
    assert (decision.date, nomination.honoured) == (date(2025, 10, 1), True)


def test_a_step_in_the_future_or_before_the_step_before_is_refused(round, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    [nomination] = nominated(round, staff)
    with pytest.raises(ValidationError) as early:
        services.review(
            nomination=nomination, eligible=True, reason="", user=staff, on=date(2026, 2, 1)
        )
    assert early.value.messages == [before_message(date(2026, 2, 1), date(2026, 3, 1))]
    services.review(
        nomination=nomination, eligible=True, reason="", user=staff, on=date(2026, 7, 1)
    )
    council_member(round, "An")
    with pytest.raises(ValidationError) as future:
        services.close_review(round=round, user=staff, on=tomorrow())
    assert future.value.messages == [future_message()]
    with pytest.raises(ValidationError) as before:
        services.close_review(round=round, user=staff, on=date(2026, 6, 30))
    assert before.value.messages == [before_message(date(2026, 6, 30), date(2026, 7, 1))]
    round.refresh_from_db()
    assert (round.state, round.reviewed_on) == (RoundState.OPEN, None)


def test_voting_does_not_open_before_an_empty_council_or_one_without_a_chair(round, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    with pytest.raises(ValidationError) as empty:
        services.close_review(round=round, user=staff)
    assert empty.value.messages == [
        in_vietnamese("Seat the council before voting opens: it has no member yet.")
    ]
    council_member(round, "An")
    round.council.update(chair=False)
    with pytest.raises(ValidationError) as chairless:
        services.close_review(round=round, user=staff)
    assert chairless.value.messages == [
        in_vietnamese("Name the council's chair before voting opens.")
    ]
    round.refresh_from_db()
    assert round.state == RoundState.OPEN
