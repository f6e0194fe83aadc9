from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lienhiep.contests import queries as contest_queries
from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, EntrySource, PrizeLevel, RoundState, Stage
from lienhiep.contests.models import Assignment, Contest, ContestRound, Criterion, Entry

from .conftest import author, entry_data, judge_user, round_of_2026, union_staff

pytestmark = pytest.mark.django_db


def test_indicators_state_both_contests_from_records(demo, capsys):
    call_command("indicators", "--org", "hoa-an", "--year", "2024")
    lines = capsys.readouterr().out.splitlines()
    for line in [
        "Mô hình, sản phẩm dự thi Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng: thực hiện 168 mô hình; kế hoạch 150 mô hình; đạt 112%",
        "Giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng: thực hiện 18 giải",
        "Giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Nhất: thực hiện 01 giải",
        "Giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Nhì: thực hiện 03 giải",
        "Giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Ba: thực hiện 05 giải",
        "Giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Khuyến khích: thực hiện 09 giải",
        "Giải toàn quốc của Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Ba: thực hiện 01 giải",
        "Giải toàn quốc của Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng – giải Khuyến khích: thực hiện 01 giải",
        "Giải pháp dự thi Hội thi Sáng tạo kỹ thuật: thực hiện 47 giải pháp",
        "Giải Hội thi Sáng tạo kỹ thuật: thực hiện 21 giải",
        "Giải Hội thi Sáng tạo kỹ thuật – giải Nhất: thực hiện 01 giải",
        "Giải Hội thi Sáng tạo kỹ thuật – giải Nhì: thực hiện 04 giải",
        "Giải Hội thi Sáng tạo kỹ thuật – giải Ba: thực hiện 06 giải",
        "Giải Hội thi Sáng tạo kỹ thuật – giải Khuyến khích: thực hiện 10 giải",
    ]:
        assert line in lines, line


def test_a_round_counts_in_the_year_its_results_are_published(demo, capsys):
    call_command("indicators", "--org", "hoa-an", "--year", "2022")
    lines = capsys.readouterr().out.splitlines()
    assert "Giải pháp dự thi Hội thi Sáng tạo kỹ thuật: thực hiện 39 giải pháp" in lines
    assert "Giải Hội thi Sáng tạo kỹ thuật – giải Nhất: thực hiện 00 giải" in lines


def test_round_figures_match_the_demo_rounds(demo):
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    figures = contest_queries.round_figures(twelfth)
    assert (figures.entries, figures.prize_total, figures.forwarded) == (168, 18, 6)
    assert figures.national[PrizeLevel.THIRD] == figures.national[PrizeLevel.CONSOLATION] == 1
    assert sum(n for _name, n, _ok in figures.by_field) == 168
    thirteenth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=13)
    assert thirteenth.state == RoundState.OPEN and thirteenth.accepts_entries()


def test_a_contests_first_round_starts_with_the_usual_prize_structure(demo):
    contest = Contest.objects.create(union=demo, kind=ContestKind.TECHNICAL, name="Hội thi mới")
    first = round_of_2026(contest)
    assert contest_queries.structure(first) == {
        PrizeLevel.FIRST: 1,
        PrizeLevel.SECOND: 2,
        PrizeLevel.THIRD: 3,
        PrizeLevel.CONSOLATION: 5,
    }


def test_a_new_round_copies_the_last_rounds_settings(demo):
    eighth = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=8)
    ninth = services.launch_round(
        contest=eighth.contest,
        number=9,
        period="2025-2026",
        launch_date=date(2025, 3, 1),
        entry_deadline=date(2026, 6, 30),
        user=union_staff(eighth.contest.union),
    )
    assert [f.name for f in ninth.fields.all()] == [f.name for f in eighth.fields.all()]
    assert [(c.name, c.max_points) for c in ninth.criteria.all()] == [
        (c.name, c.max_points) for c in eighth.criteria.all()
    ]
    assert contest_queries.structure(ninth) == contest_queries.structure(eighth)
    assert (ninth.applied_since, ninth.residence, ninth.co_organisers) == (
        eighth.applied_since,
        eighth.residence,
        eighth.co_organisers,
    )
    assert ninth.state == RoundState.DRAFT and ninth.entries.count() == 0


def test_a_first_round_gets_the_kinds_default_fields(youth_round):
    assert youth_round.fields.count() == 5
    assert youth_round.fields.first().name == "Đồ dùng học tập"
    assert sum(c.max_points for c in youth_round.criteria.all()) == 100


def test_an_entry_gets_a_code_and_the_main_author_an_email(
    youth_round, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.submit_entry(
            round=youth_round, data=entry_data(youth_round, email="khoa@example.vn")
        )
    assert entry.code == "TN1-0001" and entry.source == EntrySource.ONLINE
    second = services.submit_entry(round=youth_round, data=entry_data(youth_round, title="Đèn học"))
    assert second.code == "TN1-0002"
    [message] = mail.outbox
    assert message.to == ["khoa@example.vn"]
    assert "TN1-0001" in message.subject and "TN1-0001" in message.body
    assert "Nguyễn Minh Khoa" in message.body


def test_an_author_too_old_is_refused_with_the_reason(youth_round):
    too_old = author("Lê Văn Tùng", born=date(2000, 1, 15), main=False)
    with pytest.raises(ValidationError) as error:
        services.submit_entry(
            round=youth_round, data=entry_data(youth_round, authors=[author(), too_old])
        )
    assert error.value.messages == [
        "Lê Văn Tùng, sinh ngày 15/01/2000, đã 26 tuổi vào ngày 31/12/2026; "
        "cuộc thi dành cho tác giả từ 6 đến 18 tuổi."
    ]
    assert not Entry.objects.filter(round=youth_round).exists()


def test_other_eligibility_rules(demo, youth_round):
    data = entry_data(youth_round, authors=[author(born=None)], resides=False)
    messages = services.refusals(youth_round, data)
    assert "Hãy cho biết ngày sinh của Nguyễn Minh Khoa: cuộc thi có giới hạn độ tuổi." in messages
    assert "Các tác giả phải sinh sống, làm việc hoặc học tập tại tỉnh Hòa An." in messages
    eighth = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=8)
    ninth = services.launch_round(
        contest=eighth.contest,
        number=9,
        period="2025-2026",
        launch_date=date(2025, 3, 1),
        entry_deadline=date(2026, 6, 30),
        user=union_staff(eighth.contest.union),
    )
    earlier = eighth.entries.first()
    repeat = services.EntryData(
        title=earlier.title.upper(),
        field=ninth.fields.first(),
        description="x",
        authors=[author(born=date(1980, 1, 1))],
        applied_since=2015,
    )
    messages = services.refusals(ninth, repeat)
    assert (
        "Giải pháp được áp dụng từ năm 2015; vòng thi chỉ nhận giải pháp được áp dụng từ năm 2017."
        in messages
    )
    assert any(earlier.code in m and "lần thứ 8 (2023-2024)" in m for m in messages)


def test_online_entries_only_while_the_round_accepts_them(youth_round):
    with pytest.raises(ValidationError):
        services.submit_entry(
            round=youth_round, data=entry_data(youth_round), today=date(2027, 1, 1)
        )
    youth_round.state = RoundState.JUDGING
    youth_round.save()
    with pytest.raises(ValidationError):
        services.submit_entry(round=youth_round, data=entry_data(youth_round))


def _eligible_entries(round, staff, count, field=None):
    entries = []
    for n in range(count):
        entry = services.submit_entry(
            round=round, data=entry_data(round, title=f"Mô hình số {n}", field=field)
        )
        services.review_entry(entry=entry, eligible=True, dossier=["registration"], user=staff)
        entries.append(entry)
    return entries


def test_ineligible_needs_a_reason_and_judging_needs_every_entry_reviewed(youth_round, staff):
    entry = services.submit_entry(round=youth_round, data=entry_data(youth_round))
    with pytest.raises(ValidationError):
        services.start_judging(round=youth_round, user=staff)
    with pytest.raises(ValidationError):
        services.review_entry(entry=entry, eligible=False, reason=" ", user=staff)
    services.review_entry(entry=entry, eligible=False, reason="Thiếu bản thuyết minh", user=staff)
    services.start_judging(round=youth_round, user=staff)
    assert youth_round.state == RoundState.JUDGING


def test_automatic_assignment_is_balanced_and_keeps_conflicts_out(youth_round, staff):
    field = youth_round.fields.first()
    entries = _eligible_entries(youth_round, staff, 7, field)
    services.start_judging(round=youth_round, user=staff)
    users = [judge_user(youth_round, field, name) for name in ("An", "Bình", "Chi")]
    made = services.assign_automatically(round=youth_round, user=staff)
    assert made == 14  # 7 entries × 2 judges
    loads = sorted(
        Assignment.objects.filter(entry__round=youth_round).values_list("judge", flat=True)
    )
    counts = [loads.count(j) for j in set(loads)]
    assert max(counts) - min(counts) <= 1
    assert services.assign_automatically(round=youth_round, user=staff) == 0  # idempotent
    mine = Assignment.objects.filter(judge__person__account=users[0]).first()
    replacement = services.declare_conflict(
        assignment=mine, user=users[0], reason="Tác giả là học sinh lớp tôi chủ nhiệm"
    )
    assert replacement.entry == mine.entry and replacement.judge != mine.judge
    assert Assignment.objects.filter(entry=mine.entry, conflict=False).count() == 2
    with pytest.raises(ValidationError):
        services.score(
            assignment=mine, user=users[0], points={c.pk: 10 for c in youth_round.criteria.all()}
        )
    assert entries


def test_scores_are_checked_against_each_criterion(youth_round, staff):
    field = youth_round.fields.first()
    [entry] = _eligible_entries(youth_round, staff, 1, field)
    services.start_judging(round=youth_round, user=staff)
    judge = judge_user(youth_round, field, "Dũng")
    services.assign_automatically(round=youth_round, user=staff)
    assignment = Assignment.objects.get(entry=entry)
    criteria = list(youth_round.criteria.all())
    with pytest.raises(ValidationError) as error:
        services.score(
            assignment=assignment, user=judge, points={criteria[0].pk: "45", criteria[1].pk: "20,5"}
        )
    assert "Điểm của “Tính mới, tính sáng tạo” từ 0 đến 40." in error.value.messages
    assert "Hãy cho điểm “Hiệu quả kinh tế - xã hội”." in error.value.messages
    outsider = judge_user(youth_round, youth_round.fields.last(), "Giang")
    with pytest.raises(PermissionDenied):
        services.score(assignment=assignment, user=outsider, points={})
    services.score(
        assignment=assignment,
        user=judge,
        points={criteria[0].pk: "35", criteria[1].pk: "20,5", criteria[2].pk: 25},
    )
    assignment.refresh_from_db()
    assert str(assignment.total) == "80.50"


def _score_all(round, judges, points_by_judge):
    for user in judges:
        for assignment in Assignment.objects.filter(judge__person__account=user).select_related(
            "entry"
        ):
            total = points_by_judge[user][assignment.entry.title]
            criteria = list(round.criteria.all())
            services.score(
                assignment=assignment,
                user=user,
                points={criteria[0].pk: total - 50, criteria[1].pk: 25, criteria[2].pk: 25},
            )


def test_ranking_shows_mean_and_judge_normalised_mean(youth_round, staff):
    field = youth_round.fields.first()
    _eligible_entries(youth_round, staff, 3, field)
    services.start_judging(round=youth_round, user=staff)
    strict, lenient = judge_user(youth_round, field, "Hà"), judge_user(youth_round, field, "Khánh")
    services.assign_automatically(round=youth_round, user=staff)
    # The strict judge gives 60, 70, 80; the lenient one 80, 90, 84 (their ranks disagree on #2/#3).
    _score_all(
        youth_round,
        [strict, lenient],
        {
            strict: {"Mô hình số 0": 60, "Mô hình số 1": 70, "Mô hình số 2": 80},
            lenient: {"Mô hình số 0": 80, "Mô hình số 1": 90, "Mô hình số 2": 84},
        },
    )
    with CaptureQueriesContext(connection) as queries:
        rows = contest_queries.ranking(youth_round)[field]
    assert len(queries) == 3
    by_title = {r.entry.title: r for r in rows}
    assert by_title["Mô hình số 0"].mean == 70 and by_title["Mô hình số 1"].mean == 80
    assert by_title["Mô hình số 2"].mean == 82
    # z-scores: strict (−1,22; 0; 1,22), lenient (−1,14; 1,30; −0,16); all six totals: 77,33 ± 9,78
    assert round(by_title["Mô hình số 1"].normalised, 2) == 83.68
    assert round(by_title["Mô hình số 2"].normalised, 2) == 82.53
    assert [r.entry.title for r in rows] == ["Mô hình số 2", "Mô hình số 1", "Mô hình số 0"]
    youth_round.rank_by_normalised = True
    youth_round.save()
    assert contest_queries.ranking(youth_round)[field][0].entry.title == "Mô hình số 1"


def _one_judge_on_each(round, staff, count, given):
    """``count`` eligible entries in the first field, judged by one judge each; the judge's login."""
    field = round.fields.first()
    _eligible_entries(round, staff, count, field)
    services.start_judging(round=round, user=staff)
    judge = judge_user(round, field, given)
    round.judges_per_entry = 1
    round.save()
    services.assign_automatically(round=round, user=staff)
    return judge


def test_a_score_costs_the_same_queries_whatever_the_number_of_criteria(youth_round, staff):
    judge = _one_judge_on_each(youth_round, staff, 2, "Thảo")
    first, second = (
        Assignment.objects.filter(entry__round=youth_round)
        .select_related("judge__person", "entry__round")
        .order_by("entry__code")
    )

    def queries_to_score(assignment):
        points = {c.pk: 5 for c in Criterion.objects.filter(round=youth_round)}
        with CaptureQueriesContext(connection) as queries:
            services.score(assignment=assignment, user=judge, points=points)
        return len(queries)

    with_three = queries_to_score(first)
    for n in range(3):
        Criterion.objects.create(
            round=youth_round, name=f"Tiêu chí thêm {n}", max_points=10, sort_order=10 + n
        )
    assert queries_to_score(second) == with_three
    assert second.scores.count() == 6 and second.total == 30


def test_prizes_follow_the_ranking_within_the_structure(youth_round, staff):
    judge = _one_judge_on_each(youth_round, staff, 6, "Lâm")
    with pytest.raises(ValidationError, match="Còn 06 lượt chấm chưa có điểm"):
        services.propose_prizes(round=youth_round, user=staff)  # the ranking is not final yet
    _score_all(youth_round, [judge], {judge: {f"Mô hình số {n}": 60 + n for n in range(6)}})
    assert services.propose_prizes(round=youth_round, user=staff) == 5  # 1 + 1 + 1 + 2
    prizes = dict(youth_round.entries.values_list("title", "prize"))
    assert prizes["Mô hình số 5"] == PrizeLevel.FIRST and prizes["Mô hình số 0"] == ""
    assert prizes["Mô hình số 1"] == prizes["Mô hình số 2"] == PrizeLevel.CONSOLATION
    loser = youth_round.entries.get(title="Mô hình số 0")
    with pytest.raises(ValidationError):
        services.set_prize(entry=loser, level=PrizeLevel.FIRST, user=staff)
    services.set_prize(entry=youth_round.entries.get(title="Mô hình số 5"), level="", user=staff)
    services.set_prize(entry=loser, level=PrizeLevel.FIRST, user=staff)
    services.approve_prizes(round=youth_round, user=staff, number="01/QĐ-BTC")
    with pytest.raises(ValidationError):
        services.forward(entry=loser, user=staff)  # results not yet published
    services.publish_results(round=youth_round, user=staff)
    services.forward(entry=loser, user=staff)
    services.record_national_result(entry=loser, level=PrizeLevel.SECOND, user=staff)
    figures = contest_queries.round_figures(youth_round)
    assert figures.prizes[PrizeLevel.FIRST] == 1 and figures.national[PrizeLevel.SECOND] == 1
    assert youth_round.year == 2026


def test_prizes_are_never_approved_before_a_judge_has_scored(youth_round, staff):
    _one_judge_on_each(youth_round, staff, 2, "Hạnh")
    with pytest.raises(ValidationError) as error:
        services.approve_prizes(round=youth_round, user=staff, number="02/QĐ-BTC")
    assert error.value.messages == [
        "Chưa có giám khảo nào chấm bài của lần thi này: chưa thể phê duyệt giải."
    ]
    youth_round.refresh_from_db()
    assert (youth_round.state, youth_round.approval_number) == (RoundState.JUDGING, "")


def test_the_national_quota_is_kept(demo, staff):
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    twelfth.national_quota = 6
    twelfth.save()
    unsent = twelfth.entries.filter(eligible=True, forwarded=False).first()
    with pytest.raises(ValidationError) as error:
        services.forward(entry=unsent, user=staff)
    assert "tối đa 06 bài" in error.value.messages[0]


def test_only_staff_of_the_union_manage_a_round(youth_round, personas):
    for persona in ("officer", "judge", "expert", "leader"):
        with pytest.raises(PermissionDenied):
            services.open_round(round=youth_round, user=personas[persona])


def test_the_entry_code_sequence_is_per_round(demo):
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    codes = list(twelfth.entries.values_list("code", flat=True))
    assert len(set(codes)) == 168 and min(codes) == "TN12-0001" and max(codes) == "TN12-0168"
    assert Contest.objects.filter(union=demo).count() == 2
    assert twelfth.final_stage == Stage.PRELIMINARY


def test_a_two_stage_round_judges_only_finalists_in_the_final(youth_round, staff):
    youth_round.two_stages = True
    youth_round.judges_per_entry = 1
    youth_round.save()
    field = youth_round.fields.first()
    _eligible_entries(youth_round, staff, 4, field)
    services.start_judging(round=youth_round, user=staff)
    judge = judge_user(youth_round, field, "Quang")
    services.assign_automatically(round=youth_round, stage=Stage.PRELIMINARY, user=staff)
    _score_all(youth_round, [judge], {judge: {f"Mô hình số {n}": 70 + n for n in range(4)}})
    assert services.choose_finalists(round=youth_round, per_field=2, user=staff) == 2
    assert set(youth_round.entries.filter(finalist=True).values_list("title", flat=True)) == {
        "Mô hình số 3",
        "Mô hình số 2",
    }
    assert services.assign_automatically(round=youth_round, stage=Stage.FINAL, user=staff) == 2
    preliminary = Assignment.objects.filter(entry__round=youth_round, stage=Stage.PRELIMINARY)
    with pytest.raises(ValidationError, match="Vòng sơ khảo đã kết thúc"):
        services.score(
            assignment=preliminary.first(),
            user=judge,
            points={c.pk: 1 for c in youth_round.criteria.all()},
        )
    final = Assignment.objects.filter(stage=Stage.FINAL)
    criteria = list(youth_round.criteria.all())
    for assignment, total in zip(final.order_by("entry__code"), (90, 60), strict=True):
        services.score(
            assignment=assignment,
            user=judge,
            points={criteria[0].pk: total - 50, criteria[1].pk: 25, criteria[2].pk: 25},
        )
    rows = contest_queries.ranking(youth_round)[field]
    assert [r.entry.title for r in rows] == ["Mô hình số 2", "Mô hình số 3"]
    services.propose_prizes(round=youth_round, user=staff)
    assert youth_round.entries.get(title="Mô hình số 2").prize == PrizeLevel.FIRST
    assert youth_round.entries.exclude(prize="").count() == 2


def test_a_conflict_declared_in_the_preliminary_holds_in_the_final(youth_round, staff):
    youth_round.two_stages = True
    youth_round.judges_per_entry = 1
    youth_round.save()
    field = youth_round.fields.first()
    [entry] = _eligible_entries(youth_round, staff, 1, field)
    services.start_judging(round=youth_round, user=staff)
    colleague = judge_user(youth_round, field, "Uyên")
    other = judge_user(youth_round, field, "Vũ")
    services.assign_automatically(round=youth_round, stage=Stage.PRELIMINARY, user=staff)
    first = Assignment.objects.get(entry=entry)
    if first.judge.person.account != colleague:  # the colleague of the author must hold it
        services.unassign(assignment=first, user=staff)
        first = services.assign(
            entry=entry, judge=youth_round.judges.get(person__account=colleague), user=staff
        )
    services.declare_conflict(assignment=first, user=colleague, reason="Đồng nghiệp của tác giả")
    replacement = Assignment.objects.get(entry=entry, conflict=False)
    services.score(
        assignment=replacement,
        user=other,
        points={c.pk: c.max_points for c in youth_round.criteria.all()},
    )
    services.choose_finalists(round=youth_round, per_field=1, user=staff)
    services.assign_automatically(round=youth_round, stage=Stage.FINAL, user=staff)
    final = Assignment.objects.get(entry=entry, stage=Stage.FINAL)
    assert final.judge.person.account == other  # the colleague, with less to judge, is skipped
    services.unassign(assignment=final, user=staff)
    with pytest.raises(ValidationError, match="đã khai báo xung đột lợi ích"):
        services.assign(
            entry=entry,
            judge=youth_round.judges.get(person__account=colleague),
            stage=Stage.FINAL,
            user=staff,
        )


def test_a_judge_declares_a_conflict_once_and_bad_levels_are_refused(youth_round, staff):
    field = youth_round.fields.first()
    [entry] = _eligible_entries(youth_round, staff, 1, field)
    services.start_judging(round=youth_round, user=staff)
    users = [judge_user(youth_round, field, name) for name in ("Xuân", "Yên", "Vân")]
    services.assign_automatically(round=youth_round, user=staff)
    mine = Assignment.objects.filter(judge__person__account__in=users).first()
    judge = mine.judge.person.account
    services.declare_conflict(assignment=mine, user=judge, reason="Người thân")
    with pytest.raises(ValidationError):
        services.declare_conflict(assignment=mine, user=judge, reason="Người thân")
    assert Assignment.objects.filter(entry=entry, conflict=False).count() == 2
    with pytest.raises(ValidationError):
        services.set_prize(entry=entry, level="vang", user=staff)
    other = Assignment.objects.filter(entry=entry, conflict=False).first()
    with pytest.raises(ValidationError) as error:
        services.score(
            assignment=other,
            user=other.judge.person.account,
            points={c.pk: "nan" for c in youth_round.criteria.all()},
        )
    assert "“NaN” không phải là số." in error.value.messages


def test_two_other_contests_number_their_entries_apart(demo):
    rounds = []
    for name in ("Cuộc thi A", "Cuộc thi A"):
        contest = Contest.objects.create(union=demo, kind=ContestKind.OTHER, name=name)
        round = round_of_2026(contest)
        services.open_round(round=round, user=union_staff(demo)) if round.fields.exists() else None
        rounds.append(round)
    assert rounds[0].slug != rounds[1].slug
