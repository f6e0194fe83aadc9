"""A visitor meets the union's portal: logo and name, a featured story with its photo, photos on
the news cards, a side column, footer links, and a menu button on a phone."""

from pathlib import Path

import pytest

from lienhiep.website.models import NewsArticlePage, SiteSettings

from .test_dashboard_charts import OVERFLOW

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DESKTOP, PHONE = {"width": 1366, "height": 768}, {"width": 390, "height": 844}


def loaded(locator):
    """Whether every image the locator finds has been loaded and drawn."""
    return locator.evaluate_all("images => images.every(i => i.complete && i.naturalWidth > 0)")


def shoot(page, name):
    for size, label in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"portal-{name}-{label}.png"))
        page.screenshot(path=str(SCREENSHOTS / f"portal-{name}-{label}-full.png"), full_page=True)
        if label == "phone":
            assert page.evaluate(OVERFLOW) == {"scroll": 390, "width": 390, "wide": []}


def test_visitor_sees_the_portal_on_desktop_and_phone(live_server, seeded, page):
    url = live_server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    settings = SiteSettings.objects.get()
    featured = settings.featured_article
    assert featured is not None and featured.first_image_id

    page.set_viewport_size(DESKTOP)
    page.goto(f"{url}/")
    brand = page.locator(".site-header .site-brand")
    assert brand.inner_text() == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"
    assert loaded(brand.locator("img"))
    assert page.locator(".featured__title").inner_text() == featured.title
    assert loaded(page.locator(".featured__picture img"))
    cards = page.locator(".news-grid .news-card")
    assert cards.count() == 6 and page.locator(".news-grid .news-card img").count() == 6
    assert loaded(page.locator(".news-grid img"))
    assert featured.title not in page.locator(".news-grid").inner_text()
    aside = page.locator(".home-aside h2").all_inner_texts()
    assert aside == ["Hoạt động sắp diễn ra", "Thông báo cuộc thi", "Số tập san mới nhất"]
    footer = page.locator(".site-footer__links a")
    assert footer.all_inner_texts() == [
        "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        "Cổng thông tin điện tử tỉnh Hòa An",
    ]
    assert footer.first.get_attribute("href") == "https://vusta.vn/"
    assert page.locator(".site-menu-button").is_hidden()
    shoot(page, "home")

    # On a phone the link row hides behind the menu button.
    page.set_viewport_size(PHONE)
    nav = page.locator(".site-nav")
    assert nav.is_hidden()
    page.get_by_role("button", name="Danh mục").click()
    assert nav.is_visible()
    assert page.locator(".site-menu-button").get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="Tin tức").click()
    page.wait_for_url(f"{url}/tin-tuc/")
    assert page.locator(".news-grid .news-card img").count() == 12  # own photo or category's

    article = NewsArticlePage.objects.get(pk=featured.pk)
    page.goto(f"{url}{article.url}")
    assert page.locator("h1").inner_text() == article.title
    shoot(page, "article")
