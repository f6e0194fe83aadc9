"""The news draft from an issued report: written from the report's structure, opened where the
user may edit it."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from lienhiep.directory import roles
from lienhiep.reports import services
from lienhiep.reports.enums import ReportKind
from lienhiep.reports.models import ReportRun
from lienhiep.website.news_draft import draft_news, highlights
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


@pytest.fixture
def issued(demo, staff):
    run = ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)
    services.generate(run=run, user=staff)
    return services.issue(run=run, user=staff, day=date(2024, 12, 27))


def text_of(page):
    return " ".join(str(block.value) for block in page.body)


def test_a_news_draft_comes_from_the_issued_report(issued, staff):
    page = draft_news(run=issued, user=staff)
    assert (
        not page.live
        and page.title == "Hội nghị tổng kết hoạt động năm 2024, triển khai nhiệm vụ năm 2025"
    )
    assert "06 đề án" in text_of(page) and "168 mô hình" in text_of(page)
    issued.refresh_from_db()
    assert issued.news_article_id == page.pk


def test_the_highlights_are_found_by_the_part_code_not_its_heading():
    section = {"code": "consulting.cases", "heading": "1. Tư vấn", "blocks": [{"p": "Câu đầu."}]}
    results = {"code": "results", "heading": "Kết quả", "sections": [section], "blocks": []}
    other = {"code": "directions", "heading": "I. Nhiệm vụ", "sections": [section], "blocks": []}
    assert highlights({"parts": [other, results]}) == ["Câu đầu."]
    assert highlights({"parts": [other]}) == []


def test_a_six_month_report_drafts_a_mid_year_article(demo, staff):
    run = services.create_run(organisation=demo, year=2024, kind=ReportKind.HALF_YEAR, user=staff)
    services.generate(run=run, user=staff)
    services.issue(run=run, user=staff, day=date(2024, 7, 5))
    page = draft_news(run=run, user=staff)
    assert (
        page.title == "Hội nghị sơ kết 6 tháng đầu năm 2024, triển khai nhiệm vụ 6 tháng cuối năm"
    )
    said = text_of(page) + page.lead
    assert "6 tháng đầu năm 2024" in said and "2025" not in said


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_union_staff_who_cannot_edit_pages_go_back_to_the_report(client, issued, staff):
    client.force_login(staff)
    response = client.post(reverse("website_news_draft", args=[issued.pk]))
    assert response.url == reverse("reports_run", args=[issued.pk])
    with translation.override("vi"):
        expected = gettext(
            "A draft news article was created; the editors will finish and publish it."
        )
    assert _messages(response) == [expected]
    issued.refresh_from_db()
    assert issued.news_article is not None
    page = client.get(response.url).content.decode()
    assert "Bạn không có quyền truy cập vào khu vực này" not in page


def test_who_may_edit_pages_lands_on_the_draft(client, issued):
    admin = make_user(superuser=True)
    client.force_login(admin)
    response = client.post(reverse("website_news_draft", args=[issued.pk]))
    issued.refresh_from_db()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[issued.news_article_id])
    assert _messages(response) == ["Đã tạo bản nháp tin bài."]


def test_a_leader_cannot_draft_the_news(client, issued, demo):
    client.force_login(make_user(roles.UNION_LEADER, demo))
    response = client.post(reverse("website_news_draft", args=[issued.pk]))
    assert response.url == reverse("wagtailadmin_home")
    issued.refresh_from_db()
    assert issued.news_article is None


def test_a_report_not_yet_issued_drafts_nothing(client, demo, staff):
    run = ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)
    client.force_login(staff)
    response = client.post(reverse("website_news_draft", args=[run.pk]))
    assert response.url == reverse("reports_run", args=[run.pk])
    assert _messages(response) == ["Hãy ban hành báo cáo trước."]


def test_a_quarter_and_a_term_report_draft_articles_named_by_their_period(demo, staff):
    from lienhiep.directory.models import Term

    quarter = services.create_run(
        organisation=demo, year=2024, kind=ReportKind.QUARTER, quarter=3, user=staff
    )
    services.generate(run=quarter, user=staff)
    services.issue(run=quarter, user=staff, day=date(2024, 10, 5))
    page = draft_news(run=quarter, user=staff)
    assert page.title == "Hội nghị sơ kết quý III năm 2024, triển khai nhiệm vụ quý IV năm 2024"
    term = Term.objects.get(organisation=demo, number=5)
    whole = services.create_run(organisation=demo, kind=ReportKind.TERM, term=term, user=staff)
    services.generate(run=whole, user=staff)
    services.issue(run=whole, user=staff, day=date(2025, 9, 20))
    page = draft_news(run=whole, user=staff)
    assert (
        page.title == "Hội nghị tổng kết nhiệm kỳ 2020–2024, triển khai phương hướng nhiệm kỳ tới"
    )
    assert page.slug == f"hoi-nghi-tong-ket-nhiem-ky-2020-2024-{whole.pk}"
