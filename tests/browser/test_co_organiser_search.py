"""Staff find a co-organiser by typing part of its name without diacritics, and save it."""

import pytest

from lienhiep.activities.models import Activity
from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_staff_search_the_co_organisers_and_tick_one(live_server, seeded, browser):
    url = live_server.url
    page = browser.new_context(locale="vi-VN").new_page()
    log_in(page, url, "canbo", DEMO_PASSWORD, then="/admin/activities/new/")
    box = page.locator("[data-choice-search]").first
    box.locator("input[type=search]").fill("dieu duong")
    visible = box.locator("label.choice-search__item:visible")
    assert visible.count() >= 1
    assert all("Điều dưỡng" in text for text in visible.all_inner_texts())
    visible.first.locator("input").check()
    page.select_option("select[name=kind]", label="Hội thảo khoa học")
    page.fill("input[name=title]", "Hội thảo tìm đơn vị phối hợp")
    page.fill("input[name=start_date]", "15/10/2026")
    page.get_by_role("button", name="Tạo", exact=True).click()
    page.wait_for_load_state()
    activity = Activity.objects.get(title="Hội thảo tìm đơn vị phối hợp")
    assert [o.slug for o in activity.co_organisers.all()] == ["hoi-dieu-duong"]
    assert activity.organiser.slug == "hoa-an"
