"""Staff create a quarter report and a term report on the create screen (kind, year and quarter;
the term chosen from the union's congresses) and generate each with its button."""

import re

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Term
from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

UNION = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"


def create(page, url, fill):
    page.goto(f"{url}/admin/reports/runs/new/")
    page.select_option("select[name=organisation]", label=UNION)
    fill(page)
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")
    page.wait_for_url(re.compile(r".*/admin/reports/run/\d+/$"))
    return ReportRun.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[-1]))


def generate(page):
    with page.expect_navigation():
        page.click("text=Tạo báo cáo từ dữ liệu")
    page.wait_for_selector("input[name=day]")
    return page.inner_text(".report-preview")


def test_staff_create_and_generate_a_quarter_and_a_term_report(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD)

    def quarter(page):
        page.select_option("select[name=kind]", ReportKind.QUARTER)
        page.fill("input[name=year]", "2024")
        page.select_option("select[name=quarter]", label="Quý III")

    run = create(staff, url, quarter)
    assert (run.kind, run.year, run.quarter) == (ReportKind.QUARTER, 2024, 3)
    assert staff.inner_text("h1") == f"Báo cáo sơ kết quý III năm 2024 – {UNION}"
    preview = " ".join(generate(staff).split())
    run.refresh_from_db()
    assert run.state == RunState.GENERATED
    assert "Kết quả công tác quý III năm 2024 và nhiệm vụ quý IV năm 2024" in preview
    assert "Tổ chức 03 hội thảo (kế hoạch 12 hội thảo, đạt 25% kế hoạch):" in preview

    term = Term.objects.get(organisation__slug="hoa-an", number=5)

    def term_report(page):
        page.select_option("select[name=kind]", ReportKind.TERM)
        page.select_option("select[name=term]", str(term.pk))

    run = create(staff, url, term_report)
    assert (run.kind, run.year, run.term) == (ReportKind.TERM, 2024, term)
    assert staff.inner_text("h1") == f"Báo cáo tổng kết nhiệm kỳ 2020–2024 – {UNION}"
    preview = " ".join(generate(staff).split())
    run.refresh_from_db()
    assert run.state == RunState.GENERATED
    assert "Tổng kết nhiệm kỳ 2020–2024 và phương hướng, nhiệm vụ nhiệm kỳ tới" in preview
    assert (
        "Đại hội đã tổ chức: 27 đại hội (2020: 03; 2021: 11; 2022: 06; 2023: 05; 2024: 02)"
        in preview
    )
    assert "Chưa có chỉ tiêu nhiệm kỳ." in preview


def test_a_quarter_without_its_quarter_is_refused_on_the_screen(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/reports/runs/new/")
    staff.select_option("select[name=organisation]", label=UNION)
    staff.select_option("select[name=kind]", ReportKind.QUARTER)
    staff.fill("input[name=year]", "2024")
    before = ReportRun.objects.count()
    with staff.expect_navigation():
        staff.click("main form button[type=submit] >> nth=0")
    assert "Hãy chọn quý mà báo cáo đề cập." in staff.inner_text("main")
    assert ReportRun.objects.count() == before
