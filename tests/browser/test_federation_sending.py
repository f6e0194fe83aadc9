"""The federation's staff issue a sending token; the union's staff keep it and send their year,
over real HTTP (urllib) to the live server standing for the federation's installation."""

import pytest

from lienhiep.api.enums import SendingState
from lienhiep.api.models import Sending, SendingToken
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.plans.enums import PACKAGE_SUBJECT
from lienhiep.plans.models import ReportedValue

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_token_is_issued_and_the_year_sent_to_the_federation(live_server, seeded, browser):
    url = live_server.url
    federation = browser.new_context(locale="vi-VN").new_page()
    log_in(federation, url, "lhhvn", DEMO_PASSWORD, then="/admin/federation/tokens/")
    form = federation.locator("form.issue-sending-token")
    form.locator("select[name=union]").select_option(
        label="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"
    )
    form.get_by_role("button", name="Cấp mã").click()
    federation.wait_for_load_state()
    plain = federation.locator("code.sending-token-shown").inner_text()
    assert SendingToken.objects.get().prefix == plain[:8]

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/federation/sending/?year=2024")
    connect = staff.locator("form.federation-connect")
    connect.locator("input[name=url]").fill(url)
    connect.locator("input[name=token]").fill(plain)
    connect.get_by_role("button", name="Lưu kết nối").click()
    staff.wait_for_load_state()
    assert staff.locator("input[name=token]").input_value() == ""
    assert plain not in staff.content()

    staff.goto(f"{url}/admin/federation/sending/?year=2024")
    staff.get_by_role("button", name="Gửi số liệu năm 2024 lên Trung ương").click()
    staff.wait_for_load_state()
    row = staff.locator("tr.sending").first
    assert row.locator(".sending-state").inner_text() == "Trung ương đã nhận (200)"
    union = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"
    assert (
        row.locator(".sending-answer").inner_text() == f"Đã nhận gói số liệu năm 2024 của {union}."
    )
    sent = Sending.objects.get()
    assert (sent.state, sent.requested_by.username) == (SendingState.ACCEPTED, "canbo")
    assert ReportedValue.objects.filter(subject=PACKAGE_SUBJECT, year=2024).exists()
