"""Union staff accept a submitted yearly return with one click, in a browser."""

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_staff_accept_a_submitted_return(live_server, seeded, browser):
    url = live_server.url
    submitted = YearlyReturn.objects.get(organisation__slug="hoi-du-lich", year=2024)
    assert submitted.state == ReturnState.SUBMITTED
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then=f"/admin/plans/returns/{submitted.pk}/review/")
    staff.get_by_role("button", name="Chấp nhận").click()
    staff.wait_for_load_state()
    assert "Đã chấp nhận báo cáo." in staff.locator(".messages").inner_text()
    submitted.refresh_from_db()
    assert submitted.state == ReturnState.ACCEPTED
