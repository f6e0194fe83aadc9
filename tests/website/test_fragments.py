"""Fragments of the public pages are kept under the page cache's versions: whatever empties a
page's entry empties them, so a page asked for with a new query string (never in the page cache)
shows a publish, an unpublish, a move or a settings change on the next request."""

import itertools
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from lienhiep.contests.enums import OPEN_FOR_ENTRIES
from lienhiep.contests.models import ContestRound
from lienhiep.website import caching
from lienhiep.website.models import NewsArticlePage, NewsIndexPage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

FRESH = itertools.count()


def page(client, url):
    """``url`` with a query string never asked for: drawn without its page-cache entry."""
    response = client.get(f"{url}{'&' if '?' in url else '?'}fresh={next(FRESH)}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def site(demo):
    caching.invalidate()
    newest = NewsArticlePage.objects.live().order_by("-date", "-pk")
    call = ContestRound.objects.filter(state__in=OPEN_FOR_ENTRIES).first()
    return {
        "home": "/",
        "index": "/tin-tuc/",
        "second_page": "/tin-tuc/?page=2",
        "article": newest[3].url,
        "search": "/tim-kiem/?q=binh+minh",
        "call": f"/cuoc-thi/{call.slug}/",
    }


def visit_all(client, site):
    return {name: page(client, url) for name, url in site.items()}


def publish_article(title, day=date(2026, 12, 1)):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    article = index.add_child(
        instance=NewsArticlePage(
            title=title, slug="tin-moi-hom-nay", date=day, lead="Hội thảo mới.", live=False
        )
    )
    article.save_revision().publish()
    return NewsArticlePage.objects.get(pk=article.pk)


def test_a_page_drawn_again_reads_its_fragments_from_the_cache(client, site):
    first = page(client, site["article"])
    with CaptureQueriesContext(connection) as queries:
        again = page(client, site["article"])
    assert again == first
    assert len(queries) <= 2  # Wagtail's view restrictions


def test_a_published_article_shows_at_once_in_the_lists_of_every_page(client, site):
    visit_all(client, site)
    publish_article("Hội thảo Bình Minh")
    shown = {name: "Bình Minh" in html for name, html in visit_all(client, site).items()}
    assert shown == {
        "home": True,
        "index": True,
        "second_page": False,  # the newest article is on the first page
        "article": True,  # its latest news
        "search": True,
        "call": False,
    }


def test_an_unpublished_article_leaves_the_lists_at_once(client, site):
    article = publish_article("Tin Bình Minh sẽ gỡ xuống")
    before = visit_all(client, site)
    article.unpublish()
    after = visit_all(client, site)
    assert [("sẽ gỡ xuống" in before[n], "sẽ gỡ xuống" in after[n]) for n in site] == [
        (True, False),
        (True, False),
        (False, False),
        (True, False),
        (True, False),
        (False, False),
    ]


def test_an_edited_article_shows_its_new_text_at_once(client, site):
    article = NewsArticlePage.objects.live().order_by("-date", "-pk")[3]
    assert "Lời dẫn đã sửa." not in page(client, site["article"])
    article.lead = "Lời dẫn đã sửa."
    article.save_revision().publish()
    assert "Lời dẫn đã sửa." in page(client, site["article"])


def menu(html):
    return html.split('<nav class="site-nav"')[1].split("</nav>")[0]


def test_a_moved_page_leaves_the_menu_at_once(client, site):
    home = Site.objects.get(is_default_site=True).root_page
    about = home.add_child(
        instance=StandardPage(title="Giới thiệu Bình Minh", slug="gioi-thieu", show_in_menus=True)
    )
    about.save_revision().publish()
    before = menu(page(client, site["article"]))
    about.move(NewsIndexPage.objects.get(slug="tin-tuc"), pos="last-child")
    after = menu(page(client, site["article"]))
    assert ("Giới thiệu Bình Minh" in before, "Giới thiệu Bình Minh" in after) == (True, False)


def test_a_settings_change_shows_on_every_page_at_once(client, site):
    visit_all(client, site)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.union_name = "Liên hiệp hội đổi tên"
    settings.address = "Số 1 đường Mới"
    settings.save()
    for name, html in visit_all(client, site).items():
        assert (name, "Liên hiệp hội đổi tên" in html, "Số 1 đường Mới" in html) == (
            name,
            True,
            True,
        )


def test_a_preview_never_reads_or_keeps_a_fragment(rf):
    request = rf.get("/")
    request.is_preview = True
    drawn = iter(["first", "second"])
    assert [caching.fragment(request, "site", "x", [], lambda: next(drawn)) for _ in "ab"] == [
        "first",
        "second",
    ]


def test_a_fragment_is_kept_until_its_versions_change(rf, demo):
    cache.clear()

    def kept(value):
        return caching.fragment(rf.get("/tin-tuc/bai-a/"), "page", "x", [], lambda: value)

    assert (kept("first"), kept("second")) == ("first", "first")
    caching.forget_paths("/tin-tuc/bai-b/")  # a sibling: its section
    assert kept("third") == "third"
