import re
from datetime import date
from urllib.parse import quote

import pytest
from django.utils import translation
from taggit.models import Tag

from lienhiep.contests.enums import RESULT_STATES, RoundState
from lienhiep.contests.models import ContestRound, Entry
from lienhiep.core.formatting import fold
from lienhiep.directory.enums import MEMBER_KINDS, OrganisationStatus
from lienhiep.directory.models import Organisation
from lienhiep.honours.models import Nomination
from lienhiep.website import caching
from lienhiep.website.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def vi(message):
    """A new message as the site shows it (in Vietnamese once the catalogue has it)."""
    with translation.override("vi"):
        return translation.gettext(message)


def results(client, query):
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    items = re.findall(r"<li><h2 class=\"search-result__title\">(.*?)</li>", html, re.S)
    return [
        (
            re.sub(r"<[^>]+>", "", re.search(r"(.*?)</h2>", item, re.S).group(1)),
            re.search(r'class="search-result__meta">(.*?)</p>', item, re.S).group(1),
            (re.search(r'href="([^"]+)"', item) or [None, None])[1],
        )
        for item in items
    ]


def test_search_finds_a_member_association_with_its_date(client, demo):
    member = Organisation.objects.get(slug="hoi-dieu-duong")
    assert member.kind in MEMBER_KINDS and member.parent == demo
    Organisation.objects.filter(pk=member.pk).update(admission_decision_date=date(2019, 3, 8))
    found = [r for r in results(client, "dieu duong") if r[0] == member.name]
    assert found == [
        (
            member.name,
            'Hội thành viên · <time datetime="2019-03-08">08/03/2019</time>',
            member.website or None,
        )
    ]


def test_search_leaves_out_dissolved_members(client, demo):
    member = Organisation.objects.get(slug="hoi-dieu-duong")
    Organisation.objects.filter(pk=member.pk).update(status=OrganisationStatus.DISSOLVED)
    assert [r for r in results(client, "dieu duong") if r[0] == member.name] == []


def test_search_finds_published_winners_by_author(client, demo):
    entry = Entry.objects.filter(round__state__in=RESULT_STATES).exclude(prize="").first()
    author = entry.authors.first().name
    found = [r for r in results(client, fold(author)) if r[0] == entry.title]
    day = entry.round.results_published_on
    assert found == [
        (
            entry.title,
            f'{vi("Contest winner")} · <time datetime="{day:%Y-%m-%d}">{day:%d/%m/%Y}</time>',
            f"/cuoc-thi/{entry.round.slug}/#{entry.code}",
        )
    ]


def test_search_leaves_out_winners_before_results_are_published(client, demo):
    entry = Entry.objects.filter(round__state__in=RESULT_STATES).exclude(prize="").first()
    ContestRound.objects.filter(pk=entry.round_id).update(state=RoundState.AWARDED)
    assert [r for r in results(client, entry.title) if r[0] == entry.title] == []


def test_search_finds_the_honoured_only(client, demo):
    honoured = Nomination.objects.filter(honoured=True).select_related("nominee", "round").first()
    other = Nomination.objects.filter(honoured=False).select_related("nominee").first()
    person, day = honoured.nominee, honoured.round.decision_date
    found = [r for r in results(client, person.full_name) if r[0] == person.honorific]
    assert found == [
        (
            person.honorific,
            f'{vi("Honoured intellectual")} · <time datetime="{day:%Y-%m-%d}">{day:%d/%m/%Y}</time>',
            f"/ton-vinh/#honours-{honoured.round_id}",
        )
    ]
    assert [
        r for r in results(client, other.nominee.full_name) if vi("Honoured intellectual") in r[1]
    ] == []


def test_news_results_show_their_dates(client, demo):
    rows = results(client, "hoi thao")
    assert rows and all("<time datetime=" in meta for _title, meta, _url in rows)


def add_article(index, title, day, tags=(), category=None):
    article = index.add_child(
        instance=NewsArticlePage(
            title=title, slug=fold(title).replace(" ", "-"), date=day, lead="."
        )
    )
    article.category = category
    article.tags.add(*tags)
    article.save_revision().publish()
    return article


def test_see_also_relates_by_tags_without_the_latest(client, demo):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    old = add_article(index, "Bài cũ về cầu Bến Lức", date(2015, 1, 5), tags=["cầu Bến Lức"])
    unrelated = add_article(index, "Bài cũ khác", date(2015, 1, 6), tags=["khác"])
    article = add_article(index, "Bài mới về cầu Bến Lức", date(2015, 2, 1), tags=["cầu Bến Lức"])
    caching.invalidate()
    html = client.get(article.url).content.decode()
    see_also = re.search(r'id="related-heading">.*?</section>', html, re.S).group(0)
    latest = re.search(r'id="latest-heading">.*?</section>', html, re.S).group(0)
    related_titles = re.findall(r'">([^<]+)</a>', see_also)
    assert related_titles[0] == old.title
    assert unrelated.title not in related_titles
    assert not set(related_titles) & set(re.findall(r'">([^<]+)</a>', latest))


def test_tags_are_links_to_the_news_tagged_so(client, demo):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    tagged = add_article(index, "Bài có thẻ riêng", date(2015, 3, 1), tags=["Thẻ riêng biệt"])
    caching.invalidate()
    html = client.get(tagged.url).content.decode()
    (link,) = re.findall(r'<a href="([^"]+)" rel="tag">Thẻ riêng biệt</a>', html)
    assert link == f"/tin-tuc/?tag={quote(Tag.objects.get(name='Thẻ riêng biệt').slug)}"
    listing = client.get(link).content.decode()
    assert re.findall(r'class="news-card__title"><a href="[^"]+">(.*?)</a>', listing) == [
        tagged.title
    ]


def test_see_also_on_a_demo_article_repeats_none_of_the_latest(client, demo):
    article = NewsArticlePage.objects.live().order_by("-date", "-pk")[2]
    html = client.get(article.url).content.decode()
    see_also = re.search(r'id="related-heading">.*?</section>', html, re.S).group(0)
    latest = re.search(r'id="latest-heading">.*?</section>', html, re.S).group(0)
    related_titles = re.findall(r'">([^<]+)</a>', see_also)
    assert len(related_titles) == 5
    assert not set(related_titles) & set(re.findall(r'">([^<]+)</a>', latest))
