"""The staff screens of a round: each button's form, the lists' query counts, the inspect page."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import Contest, ContestRound
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from tests.factories import make_org, make_user

from .conftest import entry_data, judge_user, union_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelfth(demo):
    return ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)


def test_staff_launch_the_next_round_with_dates_as_dd_mm_yyyy(client, twelfth, staff):
    client.force_login(staff)
    thirteenth = twelfth.contest.rounds.get(number=13)
    url = reverse("contests_round_process", args=[thirteenth.pk])
    launch = {"action": "launch_next", "period": "2025-2026", "deadline": "31/03/2026"}
    page = client.post(url, {**launch, "launch": "2025-09-01"}).content.decode()
    assert "Hãy ghi ngày theo dạng ngày/tháng/năm." in page
    page = client.post(url, {**launch, "launch": "01/09/2025", "number": "mười bốn"})
    assert "“mười bốn” không phải là số nguyên" in page.content.decode()
    assert not twelfth.contest.rounds.filter(number=14).exists()
    response = client.post(url, {**launch, "launch": "01/09/2025"})  # the number comes next
    fourteenth = twelfth.contest.rounds.get(number=14)
    assert response["Location"] == reverse("contests_round:edit", args=[fourteenth.pk])
    assert (fourteenth.launch_date, fourteenth.entry_deadline, fourteenth.period) == (
        date(2025, 9, 1),
        date(2026, 3, 31),
        "2025-2026",
    )


def test_the_judging_screen_parses_its_numbers_and_dates(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_round_judging", args=[youth_round.pk])
    page = client.post(url, {"action": "finalists", "per_field": "5a"}).content.decode()
    assert "“5a” không phải là số nguyên" in page
    page = client.post(url, {"action": "publish", "on": "32/01/2026"}).content.decode()
    assert "“32/01/2026” không phải là ngày viết theo dạng dd/mm/yyyy" in page
    youth_round.refresh_from_db()
    assert youth_round.results_published_on is None


def test_the_judging_screen_says_which_levels_have_no_prizes(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_round_judging", args=[youth_round.pk])
    assert "prize-warning" not in client.get(url).content.decode()
    youth_round.prizes.filter(level__in=[PrizeLevel.FIRST, PrizeLevel.THIRD]).update(count=0)
    page = client.get(url).content.decode()
    warning = page.split('class="help-block help-warning prize-warning">')[1].split("<a ")[0]
    assert " ".join(warning.split()) == (
        "Cơ cấu giải không có Giải Nhất, Giải Ba: đề xuất giải sẽ không trao giải nào ở các mức này."
    )
    assert reverse("contests_round:edit", args=[youth_round.pk]) in page


def test_an_unknown_action_is_a_bad_request(client, youth_round, staff):
    client.force_login(staff)
    for screen in ("contests_round_process", "contests_round_judging"):
        url = reverse(screen, args=[youth_round.pk])
        assert client.post(url, {"action": "delete_everything"}).status_code == 400


def test_an_entry_of_another_round_is_not_reviewed_from_this_one(client, youth_round, twelfth):
    client.force_login(union_staff(youth_round.contest.union))
    other = twelfth.entries.get(eligible=False, code="TN12-0002")
    url = reverse("contests_round_process", args=[youth_round.pk])
    client.post(url, {"action": "review", "entry": other.pk, "eligible": "yes"})
    other.refresh_from_db()
    assert other.eligible is False


def test_staff_inspect_an_entry(client, twelfth, staff):
    """Wagtail took the entry's ``field`` for its own display hook and answered 500."""
    client.force_login(staff)
    entry = twelfth.entries.order_by("code").first()
    response = client.get(reverse("contests_entry:inspect", args=[entry.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert entry.title in page and entry.field.name in page


def _union_with_rounds(count, entries=0):
    """A union of its own with ``count`` open rounds, the first holding ``entries`` entries."""
    union = make_org(f"Liên hiệp hội đếm {count}-{entries}", kind=OrganisationKind.UNION)
    contest = Contest.objects.create(union=union, kind=ContestKind.TECHNICAL, name="Hội thi đếm")
    staff = union_staff(union)
    rounds = [
        services.launch_round(
            contest=contest,
            number=n,
            period=str(2020 + n),
            launch_date=date(2026, 1, 1),
            entry_deadline=date(2026, 12, 31),
            user=staff,
        )
        for n in range(1, count + 1)
    ]
    for round in rounds:
        services.open_round(round=round, user=staff)
    for n in range(entries):
        services.submit_entry(
            round=rounds[0], data=entry_data(rounds[0], title=f"Bài {n}"), today=date(2026, 6, 1)
        )
    return make_user(roles.UNION_STAFF, union), rounds[0]


def _queries(client, user, url):
    client.force_login(user)
    client.get(url)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_round_list_costs_the_same_queries_with_more_rows(client, demo):
    url = reverse("contests_round:index")
    counts = [_queries(client, _union_with_rounds(size)[0], url) for size in (1, 4)]
    assert counts[0] == counts[1]


def test_a_rounds_entries_cost_the_same_queries_with_more_rows(client, demo):
    counts = []
    for size in (1, 4):
        user, round = _union_with_rounds(1, entries=size)
        counts.append(_queries(client, user, reverse("contests_round_process", args=[round.pk])))
    assert counts[0] == counts[1]


def test_the_judging_screen_costs_the_same_queries_with_more_rows(client, demo):
    counts = []
    for size in (1, 4):
        user, round = _union_with_rounds(1, entries=size)
        for entry in round.entries.all():
            services.review_entry(entry=entry, eligible=True, user=user)
        services.start_judging(round=round, user=user)
        judge_user(round, round.fields.first(), f"Đếm {size}")
        services.assign_automatically(round=round, user=user)
        counts.append(_queries(client, user, reverse("contests_round_judging", args=[round.pk])))
    assert counts[0] == counts[1]
