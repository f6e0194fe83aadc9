"""Staff open a critique case and form a panel, an expert gives an opinion, staff send the report."""

import re

import pytest

from lienhiep.consulting.models import Case
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Person

from .conftest import choose_person, close_date_pickers, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Đề án phát triển giao thông thông minh tỉnh Hòa An"
SCHEME = b"%PDF-1.4\n% du thao de an giao thong thong minh\n%%EOF\n"


def critique_row(page):
    """The plan table's critique row, read as a person does: the table behind the chart opened."""
    details = page.locator("details.plan-panel__details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return page.locator(
        "tr", has_text="Đề án được tư vấn, phản biện và giám định xã hội"
    ).inner_text()


def test_critique_case_from_request_to_report(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/?year=2024")
    assert "120%" in critique_row(staff)

    staff.goto(f"{url}/admin/consulting/cases/new/")
    staff.fill("input[name=title]", TITLE)
    staff.select_option("select[name=requester]", label="Ủy ban nhân dân tỉnh Hòa An")
    staff.fill("input[name=request_date]", "02/12/2024")
    staff.fill("input[name=deadline]", "31/12/2024")
    close_date_pickers(staff)
    staff.set_input_files(
        "input[name=scheme_file]",
        files=[{"name": "du-thao-de-an.pdf", "mimeType": "application/pdf", "buffer": SCHEME}],
    )
    staff.locator("main form button[type=submit]").first.click()
    staff.wait_for_url(re.compile(r".*/admin/consulting/cases/$"))
    case = Case.objects.get(title=TITLE)

    expert = Person.objects.get(account__username="chuyengia")
    staff.goto(f"{url}/admin/consulting/cases/{case.pk}/process/")
    choose_person(staff, "form.case-add-member", expert.full_name, str(expert))
    staff.select_option("select[name=role]", "chair")
    staff.click("form.case-add-member button[type=submit]")
    assert expert.full_name in staff.locator(".case-panel").inner_text()
    staff.fill("form.case-actions input[name=on]", "05/12/2024")
    staff.click("button[value=form_panel]")
    staff.wait_for_selector("button[value=collect_opinions]")

    expert_page = browser.new_context(locale="vi-VN").new_page()
    log_in(expert_page, url, "chuyengia", DEMO_PASSWORD, then="/admin/consulting/my-cases/")
    expert_page.click(f"text={TITLE}")
    # The scheme sent for critique is on the expert's case page, through the private-file view.
    link = expert_page.locator(".case-documents a", has_text="Dự thảo đề án")
    answer = expert_page.request.get(f"{url}{link.get_attribute('href')}")
    assert (answer.status, answer.body()) == (200, SCHEME)
    expert_page.fill(
        "textarea[name=text]", "Đề án cần bổ sung phương án kết nối dữ liệu giao thông liên tỉnh."
    )
    expert_page.click("main form button[type=submit]")
    expert_page.wait_for_selector("text=Đã gửi ý kiến của bạn.")

    staff.reload()
    assert "kết nối dữ liệu giao thông liên tỉnh" in staff.locator(".case-opinions").inner_text()
    staff.fill("form.case-actions input[name=on]", "18/12/2024")
    staff.click("button[value=collect_opinions]")
    staff.fill("input[name=on]", "20/12/2024")
    staff.click("button[value=hold_meeting]")
    staff.fill("form.case-actions input[name=on]", "23/12/2024")
    staff.click("button[value=draft_report]")
    staff.fill("input[name=on]", "27/12/2024")  # no number: the register gives the next one
    staff.fill("input[name=sent_to]", "Ủy ban nhân dân tỉnh Hòa An")
    staff.click("button[value=send_report]")
    staff.wait_for_selector("button[value=close]")
    case.refresh_from_db()
    number = case.report_number
    assert number.endswith("/BC-LHH")
    assert f"Báo cáo số {number} ngày 27/12/2024" in staff.inner_text("main")
    staff.goto(f"{url}/admin/reports/register/")
    assert f"Báo cáo phản biện: {TITLE}" in staff.locator("tr", has_text=number).inner_text()
    assert case.steps.get(step="panel_formed").done_on.isoformat() == "2024-12-05"

    staff.goto(f"{url}/admin/?year=2024")
    row = critique_row(staff)
    assert "7" in row.split() and "140%" in row
