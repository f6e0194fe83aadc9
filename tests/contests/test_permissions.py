"""Who may read and who may change contests: the union leader reads, only staff change."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, PrizeLevel, RoundState
from lienhiep.contests.models import ContestRound
from lienhiep.contests.rules import entries_for, rounds_for

from .conftest import entry_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelfth(demo):
    return ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)


def test_a_leader_reads_the_unions_rounds_and_entries(client, personas, twelfth):
    leader = personas["leader"]
    assert twelfth in rounds_for(leader)
    assert entries_for(leader).filter(round=twelfth).count() == 168
    client.force_login(leader)
    page = client.get(reverse("contests_round_process", args=[twelfth.pk])).content.decode()
    assert "168 bài dự thi, 162 bài đủ điều kiện, 18 giải" in page
    judging = client.get(reverse("contests_round_judging", args=[twelfth.pk]))
    assert judging.status_code == 200 and "Điểm trung bình đã chuẩn hóa" in judging.content.decode()
    entry = twelfth.entries.order_by("code").first()
    listing = client.get(reverse("contests_entry:index") + f"?q={entry.code}").content.decode()
    assert entry.code in listing


def test_a_leader_changes_nothing_through_the_services(personas, youth_round, staff):
    leader = personas["leader"]
    entry = services.submit_entry(round=youth_round, data=entry_data(youth_round))
    refused = [
        lambda: services.launch_round(
            contest=youth_round.contest,
            number=2,
            period="2027",
            launch_date=date(2027, 1, 1),
            entry_deadline=date(2027, 6, 1),
            user=leader,
        ),
        lambda: services.review_entry(entry=entry, eligible=True, user=leader),
        lambda: services.record_entry(
            round=youth_round, data=entry_data(youth_round), source="paper", user=leader
        ),
        lambda: services.start_judging(round=youth_round, user=leader),
        lambda: services.close_round(round=youth_round, user=leader),
        lambda: services.add_judge(round=youth_round, field=entry.field, person=None, user=leader),
        lambda: services.assign_automatically(round=youth_round, user=leader),
        lambda: services.choose_finalists(round=youth_round, per_field=1, user=leader),
        lambda: services.propose_prizes(round=youth_round, user=leader),
        lambda: services.set_prize(entry=entry, level=PrizeLevel.FIRST, user=leader),
        lambda: services.approve_prizes(round=youth_round, user=leader, number="01/QĐ"),
        lambda: services.publish_results(round=youth_round, user=leader),
        lambda: services.forward(entry=entry, user=leader),
        lambda: services.record_national_result(entry=entry, level="", user=leader),
    ]
    for command in refused:
        with pytest.raises(PermissionDenied):
            command()
    entry.refresh_from_db()
    youth_round.refresh_from_db()
    assert (entry.eligible, youth_round.state) == (None, RoundState.OPEN)


@pytest.mark.parametrize(
    "command",
    [
        lambda round: services.open_round(round=round, user=None),
        lambda round: services.close_round(round=round, user=None),
        lambda round: services.publish_results(round=round, user=None),
        lambda round: services.assign_automatically(round=round, user=None),
    ],
)
def test_no_command_runs_without_a_user(demo, twelfth, command):
    """Passing no user used to skip the check: the seeding and commands now name their user."""
    with pytest.raises(PermissionDenied):
        command(twelfth)


def refused(response):
    """The Wagtail admin answers a PermissionDenied by sending the user back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    ("screen", "action"),
    [("contests_round_process", "start_judging"), ("contests_round_judging", "assign_all")],
)
def test_a_leader_posting_to_a_round_screen_is_refused(
    client, personas, youth_round, screen, action
):
    client.force_login(personas["leader"])
    url = reverse(screen, args=[youth_round.pk])
    assert client.get(url).status_code == 200
    assert refused(client.post(url, {"action": action}))
    youth_round.refresh_from_db()
    assert youth_round.state == RoundState.OPEN
    assert not youth_round.judges.exists()


def test_a_leader_cannot_record_or_import_entries(client, personas, youth_round):
    client.force_login(personas["leader"])
    for name in ("contests_paper_entry", "contests_import"):
        assert refused(client.get(reverse(name, args=[youth_round.pk])))
    assert not youth_round.entries.exists()


def test_a_leader_inspects_but_never_edits_or_deletes_in_the_admin(client, personas, twelfth):
    client.force_login(personas["leader"])
    entry = twelfth.entries.order_by("code").first()
    assert client.get(reverse("contests_round:index")).status_code == 200
    assert client.get(reverse("contests_entry:inspect", args=[entry.pk])).status_code == 200
    for name, args in [
        ("contests_round:add", []),
        ("contests_round:edit", [twelfth.pk]),
        ("contests_round:delete", [twelfth.pk]),
        ("contests_entry:edit", [entry.pk]),
        ("contests_entry:delete", [entry.pk]),
        ("contests_contest:edit", [twelfth.contest_id]),
    ]:
        assert refused(client.get(reverse(name, args=args))), name
    assert refused(client.post(reverse("contests_entry:delete", args=[entry.pk])))
    assert twelfth.entries.filter(pk=entry.pk).exists()
