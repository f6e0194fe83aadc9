"""A visitor reads the site on phone and desktop; an editor's draft is reviewed, published and shown."""

import re
from pathlib import Path

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.website.models import NewsArticlePage, NewsIndexPage

from .conftest import close_date_pickers, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

ACCESSIBILITY = """() => {
  const problems = [];
  if (document.documentElement.lang !== 'vi') problems.push('lang');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push('h1 count ' + h1);
  let last = 0;
  for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push('heading skips to ' + h.tagName + ': ' + h.textContent.trim());
    last = level;
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt ' + img.src);
  for (const field of document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea')) {
    const labelled = (field.id && document.querySelector('label[for="' + field.id + '"]')) || field.getAttribute('aria-label') || field.closest('label');
    if (!labelled) problems.push('field without label ' + field.name);
  }
  return problems;
}"""


def check(page):
    assert page.evaluate(ACCESSIBILITY) == []


def test_visitor_reads_searches_and_follows_the_feed(live_server, seeded, page):
    url = live_server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, name in ((390, "phone"), (1280, "desktop")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{url}/")
        check(page)
        page.screenshot(path=str(SCREENSHOTS / f"home-{name}.png"), full_page=True)
    article = NewsArticlePage.objects.live().filter(body__icontains="image").first()
    page.goto(f"{url}/")
    page.click("text=Tin tức")
    page.click(f"text={NewsArticlePage.objects.live().order_by('-date', '-pk').first().title}")
    page.goto(f"{url}{article.url}")
    for width, name in ((390, "phone"), (1280, "desktop")):
        page.set_viewport_size({"width": width, "height": 900})
        check(page)
        page.screenshot(path=str(SCREENSHOTS / f"article-{name}.png"), full_page=True)
    assert page.locator("h2", has_text="Xem thêm").is_visible()
    assert page.locator("h2", has_text="Tin mới").is_visible()
    assert page.locator("figure figcaption").count() == 1

    page.fill("#site-search-q", "hoi thao")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/tim-kiem/\?q=hoi\+thao"))
    found = page.locator(".search-result__title").all_inner_texts()
    assert found and all("hội thảo" in title.lower() for title in found[:11])
    assert page.locator("mark", has_text="Hội thảo").count() >= 11
    check(page)
    response = page.goto(f"{url}/tin-tuc/rss/")
    assert response.headers["content-type"].startswith("application/rss+xml")


def test_editor_draft_is_reviewed_and_published(live_server, seeded, browser):
    url = live_server.url
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    title = "Liên hiệp hội tỉnh Hòa An tổng kết năm 2024"

    editor = browser.new_context(locale="vi-VN").new_page()
    log_in(
        editor,
        url,
        "bientap",
        DEMO_PASSWORD,
        then=f"/admin/pages/add/website/newsarticlepage/{index.pk}/",
    )
    editor.fill("#id_title", title)
    editor.fill("#id_date", "27/12/2024")
    close_date_pickers(editor)
    editor.fill("#id_lead", "Hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025.")
    editor.evaluate("document.querySelector('#id_slug').value = 'tong-ket-nam-2024'")
    with editor.expect_navigation():
        editor.evaluate("document.querySelector('button[name=action-submit]').click()")
    draft = NewsArticlePage.objects.get(title=title)
    assert not draft.live and draft.current_workflow_state is not None

    visitor = browser.new_context(locale="vi-VN").new_page()
    visitor.goto(f"{url}/")
    assert title not in visitor.inner_text("main")

    reviewer = browser.new_context(locale="vi-VN").new_page()
    log_in(reviewer, url, "lanhdao", DEMO_PASSWORD, then=f"/admin/pages/{draft.pk}/edit/")
    with reviewer.expect_navigation():
        reviewer.evaluate(
            "document.querySelector('button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])')"
            ".click()"
        )
    draft.refresh_from_db()
    assert draft.live

    visitor.goto(f"{url}/")
    assert title in visitor.inner_text("main")
