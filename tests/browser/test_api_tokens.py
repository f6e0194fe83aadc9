"""A login makes an API token on the logins screen, uses it once, and revokes it."""

import pytest
from django.test import Client

from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_staff_create_use_and_revoke_a_token(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/directory/accounts/")
    section = staff.locator("section.api-tokens")
    section.locator("input[name=name]").fill("Kịch bản thử")
    section.locator("form[action$='/tokens/'] button[type=submit]").click()
    staff.wait_for_load_state()
    plain = staff.locator("code.api-token-shown").inner_text()
    headers = {"Authorization": f"Bearer {plain}"}
    assert Client().get("/api/v1/organisations", headers=headers).status_code == 200
    staff.locator("form[action$='/revoke/'] button[type=submit]").click()
    staff.wait_for_load_state()
    assert staff.locator("form[action$='/revoke/']").count() == 0
    assert Client().get("/api/v1/organisations", headers=headers).status_code == 401
