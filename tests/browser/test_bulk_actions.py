"""Staff tick three rows, click the bulk action and see the three changed, in a browser."""

from datetime import date

import pytest

from lienhiep.activities.enums import ActivityState
from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.contests import services as contests
from lienhiep.contests.enums import ContestKind, EntrySource
from lienhiep.contests.models import Contest, Entry
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from tests.contests.conftest import entry_data, round_of_2026, union_staff
from tests.factories import make_org

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _tick_and_act(page, url, ids, action_href):
    page.goto(url)
    for pk in ids:
        page.locator(f'input.bulk-action-checkbox[data-object-id="{pk}"]').check()
    page.locator(f'.bulk-actions-buttons a[href*="{action_href}"]').click()
    page.wait_for_load_state()
    page.locator(".nice-padding form button[type=submit]").click()
    page.wait_for_load_state()
    return page.locator(".messages").inner_text()


def _accept_three_returns(page, url, union):
    returns = [
        YearlyReturn.objects.create(
            organisation=make_org(parent=union),
            year=2026,
            deadline=date(2027, 1, 15),
            members=50,
            state=ReturnState.SUBMITTED,
        )
        for _ in range(3)
    ]
    message = _tick_and_act(
        page,
        f"{url}/admin/plans/returns/",
        [r.pk for r in returns],
        "/admin/bulk/plans/yearlyreturn/accept/",
    )
    assert "03" in message
    assert {YearlyReturn.objects.get(pk=r.pk).state for r in returns} == {ReturnState.ACCEPTED}


def _hold_three_activities(page, url, union):
    kind = ActivityKind.objects.get(slug="hoi-thao")
    chosen = [
        Activity.objects.create(
            kind=kind,
            title=f"Hội thảo tháng 12 số {n}",
            start_date=date(2026, 12, 20 + n),
            organiser=union,
        )
        for n in range(3)
    ]
    message = _tick_and_act(
        page,
        f"{url}/admin/activities/",
        [a.pk for a in chosen],
        "/admin/bulk/activities/activity/held/",
    )
    assert "03" in message
    assert {Activity.objects.get(pk=a.pk).state for a in chosen} == {ActivityState.HELD}


def _mark_three_entries_eligible(page, url, union):
    contest = Contest.objects.create(union=union, kind=ContestKind.YOUTH, name="Cuộc thi chọn")
    round = round_of_2026(contest)
    contests.open_round(round=round, user=union_staff(union))
    chosen = [
        contests.record_entry(
            round=round,
            data=entry_data(round, title=f"Mô hình {n}"),
            source=EntrySource.PAPER,
            user=union_staff(union),
        )
        for n in range(4)
    ]
    page.goto(f"{url}/admin/contests/rounds/{round.pk}/process/")
    for entry in chosen[:3]:
        page.locator(f'input[name="entries"][value="{entry.pk}"]').check()
    bulk = page.locator("#bulk-review")
    bulk.locator('input[name="eligible"][value="yes"]').check()
    bulk.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "03" in page.locator(".messages").inner_text()
    eligible = [Entry.objects.get(pk=e.pk).eligible for e in chosen]
    assert eligible == [True, True, True, None]


def test_staff_change_three_records_at_once_on_each_list(live_server, seeded, browser):
    union = Organisation.objects.get(slug="hoa-an")
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, live_server.url, "canbo", DEMO_PASSWORD)
    _accept_three_returns(staff, live_server.url, union)
    _hold_three_activities(staff, live_server.url, union)
    _mark_three_entries_eligible(staff, live_server.url, union)
