"""Staff enter a project's beneficiaries (a wrong row saves nothing), then issue the report and
draft the news article from it, clicking the buttons as a person does."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from lienhiep.community.models import Project
from lienhiep.core.indicators import SUBJECTS
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.plans.models import ReportedValue
from lienhiep.reports.enums import RunState
from lienhiep.reports.models import ReportRun

from .conftest import answer, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_figures_then_report_then_news_draft(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD)

    project = Project.objects.order_by("pk").first()
    key = SUBJECTS["community.project"].key(project)
    before = ReportedValue.objects.filter(subject=key, year=2025).count()
    staff.goto(f"{url}{reverse('community_project_figures', args=[project.pk])}?year=2025")
    staff.fill("input[name='community.scholarships-value']", "30")
    staff.fill("input[name='community.scholarships-source']", "Báo cáo quý I/2025")
    staff.fill("input[name='community.charity_houses-value']", "2")
    with staff.expect_navigation():
        staff.click("main button[type=submit]:has-text('Lưu')")
    error = staff.locator("#id_community\\.charity_houses-source-error")
    assert error.inner_text() == "Hãy ghi rõ nguồn của số liệu (văn bản hoặc người cung cấp)."
    assert ReportedValue.objects.filter(subject=key, year=2025).count() == before
    staff.fill("input[name='community.charity_houses-source']", "Biên bản bàn giao nhà")
    with staff.expect_navigation():
        staff.click("main button[type=submit]:has-text('Lưu')")
    assert "Đã lưu" in staff.inner_text("body")
    saved = ReportedValue.objects.filter(subject=key, year=2025)
    assert sorted(saved.values_list("indicator__code", "value")) == [
        ("community.charity_houses", 2),
        ("community.scholarships", 30),
    ]

    run = ReportRun.objects.get(organisation__slug="hoa-an", year=2024)
    staff.goto(f"{url}{reverse('reports_run', args=[run.pk])}")
    staff.click("text=Tạo báo cáo từ dữ liệu")
    staff.wait_for_selector("input[name=day]")
    staff.fill("input[name=day]", "27/12/2024")
    issue = "text=Ban hành với số tiếp theo trong sổ văn bản đi"
    question = answer(staff, issue, confirm=False)
    assert question.startswith("Ban hành báo cáo với số tiếp theo trong sổ văn bản đi? ")
    run.refresh_from_db()
    assert run.state == RunState.GENERATED and not run.is_issued
    answer(staff, issue, confirm=True)
    staff.wait_for_selector("text=Tạo bản nháp tin bài về hội nghị")
    assert "Sửa phần viết" not in staff.inner_text("body")
    staff.click("text=Tạo bản nháp tin bài về hội nghị")
    staff.wait_for_url(f"{url}{reverse('reports_run', args=[run.pk])}")
    with translation.override("vi"):
        created = gettext(
            "A draft news article was created; the editors will finish and publish it."
        )
    assert staff.locator(".messages").inner_text().strip() == created
    run.refresh_from_db()
    assert run.state == RunState.ISSUED and run.news_article.title.startswith("Hội nghị tổng kết")
