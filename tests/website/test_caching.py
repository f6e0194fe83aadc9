"""A publish empties only the cached pages it concerns; the menu is kept in the shared cache."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from lienhiep.website import caching
from lienhiep.website.models import (
    ContestIndexPage,
    JournalIssuePage,
    NewsArticlePage,
    NewsIndexPage,
)

pytestmark = pytest.mark.django_db


def cached(url):
    return caching.lookup(RequestFactory().get(url)) is not None


def visit(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200
    return {url: cached(url) for url in urls}


@pytest.fixture
def pages(demo):
    caching.invalidate()
    articles = NewsArticlePage.objects.live().order_by("-date", "-pk")
    return {
        "home": "/",
        "index": "/tin-tuc/",
        "second_page": "/tin-tuc/?page=2",
        "sibling": articles[3].url,
        "journal": "/tap-san/",
        "issue": JournalIssuePage.objects.live().first().url,
        "about": ContestIndexPage.objects.get(slug="hoi-thi").url,
    }


def draft(title="Tin mới đăng hôm nay"):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    return index.add_child(
        instance=NewsArticlePage(
            title=title, slug="tin-moi-hom-nay", date=date(2026, 12, 1), lead="Tin.", live=False
        )
    )


def test_publishing_an_article_empties_its_index_home_and_siblings_only(client, pages):
    assert set(visit(client, *pages.values()).values()) == {True}
    draft().save_revision().publish()
    assert {name: cached(url) for name, url in pages.items()} == {
        "home": False,
        "index": False,
        "second_page": False,
        "sibling": False,
        "journal": True,
        "issue": True,
        "about": True,
    }
    assert "Tin mới đăng hôm nay" in client.get("/tin-tuc/").content.decode()


def test_unpublishing_an_article_empties_the_news_index(client, pages):
    article = draft()
    article.save_revision().publish()
    visit(client, pages["index"], pages["issue"])
    article.refresh_from_db()
    article.unpublish()
    assert (cached(pages["index"]), cached(pages["issue"])) == (False, True)
    assert "Tin mới đăng hôm nay" not in client.get("/tin-tuc/").content.decode()


def test_publishing_a_page_under_home_empties_every_page_for_the_menu(client, pages):
    visit(client, pages["issue"], pages["sibling"])
    about = ContestIndexPage.objects.get(slug="hoi-thi")
    about.title = "Hội thi sáng tạo kỹ thuật"
    about.save_revision().publish()
    assert (cached(pages["issue"]), cached(pages["sibling"])) == (False, False)
    assert "Hội thi sáng tạo kỹ thuật</a>" in client.get(pages["issue"]).content.decode()


def test_the_menu_is_worked_out_once_for_every_page(client, pages):
    client.get(pages["issue"])
    caching.forget_paths(pages["sibling"])  # the sibling's entry is gone, the menu is kept
    with CaptureQueriesContext(connection) as queries:
        html = client.get(pages["sibling"]).content.decode()
    # the menu's query is the one that filters on show_in_menus (selecting the column is no filter)
    filters = [re.search(r'"show_in_menus"\s*(\)|AND)', q["sql"]) for q in queries.captured_queries]
    assert not any(filters)
    assert '<a href="/tap-san/">Tập san</a>' in html


def test_the_rule_reaches_every_ancestor_and_the_section():
    assert caching.ancestor_paths("/tin-tuc/bai-a/") == ["/tin-tuc/bai-a/", "/tin-tuc/", "/"]
    assert (caching.parent_path("/tin-tuc/bai-a/"), caching.parent_path("/")) == ("/tin-tuc/", "/")


def test_a_page_closed_to_visitors_is_no_longer_served_from_the_cache(client, pages):
    """A view restriction added after a page was cached: the next visitor is asked to sign in,
    the page and those under it (the news index's articles) are not served from the cache."""
    from wagtail.models import PageViewRestriction

    index = NewsIndexPage.objects.get(slug="tin-tuc")
    assert set(visit(client, pages["index"], pages["sibling"]).values()) == {True}
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    for url in (pages["index"], pages["sibling"]):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert client.get(pages["sibling"]).status_code == 200


def test_a_restriction_kept_with_the_route_still_sends_visitors_to_sign_in(client, pages):
    """The page's view restrictions are kept with its route (``website.routing``): a visitor
    asking again (another query string, so no page entry) is checked without a query."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=NewsIndexPage.objects.get(slug="tin-tuc"), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(pages["sibling"] + "?lan=1").status_code == 302
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pages["sibling"] + "?lan=2")
    assert (response.status_code, "/login/" in response["Location"], len(queries)) == (302, True, 0)


def test_the_description_falls_back_to_the_lead_then_the_summary(client, pages):
    """The meta description: the page's search description, else an article's lead or an
    issue's summary, else nothing (the home page has neither)."""
    article = NewsArticlePage.objects.live().order_by("-date", "-pk")[3]
    issue = JournalIssuePage.objects.live().first()
    issue.summary = "Số đặc biệt về đổi mới sáng tạo."
    issue.save_revision().publish()

    def described(url):
        html = client.get(url).content.decode()
        return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)

    assert [described(url) for url in ("/", article.url, issue.url)] == [
        "",
        escape(article.lead),
        "Số đặc biệt về đổi mới sáng tạo.",
    ]
