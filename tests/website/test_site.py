import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lienhiep.plans import figures
from lienhiep.plans.models import Indicator
from lienhiep.website import search
from lienhiep.website.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def home():
    """The tree path of the demo site's home page: search looks under it."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.path


def titles(html):
    return re.findall(r'class="search-result__title"><a href="[^"]+">(.*?)</a>', html)


def test_news_and_journal_are_counted_for_the_union(demo):
    values = {
        code: figures.value(Indicator.objects.get(code=code), demo, 2024)
        for code in ("website.news", "website.journal_issues")
    }
    assert values == {"website.news": 124, "website.journal_issues": 4}


@pytest.mark.parametrize("query", ["hoi thao", "Hội thảo", "HOI THAO", "hội   THẢO"])
def test_search_ignores_diacritics_and_case(client, demo, query):
    found = [p.title for p in search.search(query, home())]
    assert found == [p.title for p in search.search("hoi thao", home())]
    assert len(found) >= 11
    assert all("hoi thao" in p.search_text for p in search.search(query, home()))
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    assert "<mark>Hội thảo</mark>" in html


def test_search_folds_d_with_stroke(demo):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    index.add_child(
        instance=NewsArticlePage(
            title="Đoàn công tác thăm Điện Biên",
            slug="dien-bien",
            date=date(2024, 5, 7),
            lead="Chuyến thăm.",
        )
    )
    assert [p.title for p in search.search("dien bien", home())] == ["Đoàn công tác thăm Điện Biên"]
    assert [p.title for p in search.search("ĐOÀN CÔNG TÁC", home())] == [
        "Đoàn công tác thăm Điện Biên"
    ]


def test_highlight_keeps_the_original_letters():
    assert (
        str(search.highlight("Hội thảo <khoa học>", "hoi THAO"))
        == "<mark>Hội thảo</mark> &lt;khoa học&gt;"
    )


def test_article_shows_related_latest_and_neighbours(client, demo):
    article = NewsArticlePage.objects.live().order_by("date")[10]
    html = client.get(article.url).content.decode()
    assert "Xem thêm" in html and "Tin mới" in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert f"<h1>{article.title}</h1>" in html


def test_anonymous_pages_are_cached_and_publishing_refreshes_them(client, demo):
    from lienhiep.website import caching

    caching.invalidate()
    with CaptureQueriesContext(connection) as fresh:
        client.get("/")
    with CaptureQueriesContext(connection) as queries:
        cached = client.get("/")
    assert len(queries) * 3 < len(fresh)  # routing only; the page itself comes from the cache
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    article = index.add_child(
        instance=NewsArticlePage(
            title="Tin mới đăng hôm nay",
            slug="tin-moi-hom-nay",
            date=date(2026, 12, 1),
            lead="Tin.",
            live=False,
        )
    )
    assert "Tin mới đăng hôm nay" not in cached.content.decode()
    article.save_revision().publish()
    assert "Tin mới đăng hôm nay" in client.get("/").content.decode()


def test_feed_sitemap_and_robots(client, demo):
    latest = NewsArticlePage.objects.live().order_by("-date").first()
    feed = client.get("/tin-tuc/rss/").content.decode()
    assert feed.startswith("<?xml") and f"<title>{latest.title}</title>" in feed
    assert latest.url in client.get("/sitemap.xml").content.decode()
    assert (
        client.get("/robots.txt")
        .content.decode()
        .endswith("Sitemap: http://testserver/sitemap.xml\n")
    )


def test_image_blocks_require_alternative_text():
    from django.core.exceptions import ValidationError

    from lienhiep.website.blocks import CaptionedImageBlock

    with pytest.raises(ValidationError):
        CaptionedImageBlock().clean({"image": None, "alt": "", "caption": ""})


def test_pages_declare_vietnamese_and_open_graph(client, demo):
    article = NewsArticlePage.objects.live().first()
    html = client.get(article.url).content.decode()
    assert '<html lang="vi">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="og:type" content="article">' in html
