"""Two unions hosted on one installation: each host name serves its own site, and only its own."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Site

from lienhiep.directory.models import Organisation, Province
from lienhiep.onboarding.services import setup_union
from lienhiep.plans import figures
from lienhiep.plans.models import Indicator
from lienhiep.website import caching
from lienhiep.website.models import HomePage, NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

HOST = "lienhiep.lamdong.vn"
LAM_DONG = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
ARTICLE = "Hội thảo cà phê bền vững Lâm Đồng"


@pytest.fixture
def lam_dong(demo):
    """A second union hosted beside the demo's Hòa An, with one article on its site."""
    union, _account = setup_union(
        user=None,
        hostname=HOST,
        name=LAM_DONG,
        province=Province.objects.get(name="Lâm Đồng"),
        slug="lam-dong",
        abbreviation="LHH",
        place_name="",
        signer_name="Nguyễn Văn An",
        signer_title="CHỦ TỊCH",
    )
    publish(union, ARTICLE, "ca-phe")
    caching.invalidate()
    yield union
    Site.clear_site_root_paths_cache()  # kept in the cache, which the rollback does not empty


def publish(union, title, slug):
    index = NewsIndexPage.objects.child_of(HomePage.objects.get(organisation=union)).get()
    article = index.add_child(
        instance=NewsArticlePage(
            title=title, slug=slug, date=date(2024, 6, 3), lead="Tin của Lâm Đồng.", live=False
        )
    )
    article.save_revision().publish()
    return article


def page(url, host="testserver"):
    response = Client().get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def demo_article():
    return NewsArticlePage.objects.live().exclude(publisher__slug="lam-dong").order_by("-date")[0]


def test_each_host_serves_its_own_home_and_news(lam_dong):
    hoa_an = demo_article().title

    home, news = page("/", HOST), page("/tin-tuc/", HOST)
    assert re.search(r"<title>([^<]*)</title>", home)[1] == f"{LAM_DONG} – {LAM_DONG}"
    assert (ARTICLE in home, hoa_an in home) == (True, False)
    assert (ARTICLE in news, hoa_an in news) == (True, False)
    demo_home, demo_news = page("/"), page("/tin-tuc/")
    assert (ARTICLE in demo_home, hoa_an in demo_home) == (False, True)
    assert (ARTICLE in demo_news, hoa_an in demo_news) == (False, True)
    assert ARTICLE in page("/tin-tuc/ca-phe/", HOST)
    assert Client().get("/tin-tuc/ca-phe/").status_code == 404


def test_news_counts_only_for_its_own_union(lam_dong, demo):
    news = Indicator.objects.get(code="website.news")
    assert (figures.value(news, lam_dong, 2024), figures.value(news, demo, 2024)) == (1, 124)


def test_search_feed_and_sitemap_do_not_mix(lam_dong):
    hoa_an = demo_article()
    query = {"q": "ca phe ben vung"}
    found = Client().get("/tim-kiem/", query, HTTP_HOST=HOST).content.decode()
    assert re.findall(r'class="search-result__title"><a href="([^"]+)"', found) == [
        "/tin-tuc/ca-phe/"
    ]
    assert "search-result__title" not in Client().get("/tim-kiem/", query).content.decode()
    found = Client().get("/tim-kiem/", {"q": hoa_an.title}, HTTP_HOST=HOST).content.decode()
    assert "search-result__title" not in found

    feed = page("/tin-tuc/rss/", HOST)
    assert re.findall(r"<item><title>(.*?)</title>", feed) == [ARTICLE]
    assert ARTICLE not in page("/tin-tuc/rss/") and hoa_an.title in page("/tin-tuc/rss/")

    lam_dong_urls = re.findall(r"<loc>(.*?)</loc>", page("/sitemap.xml", HOST))
    demo_urls = re.findall(r"<loc>(.*?)</loc>", page("/sitemap.xml"))
    assert f"http://{HOST}/tin-tuc/ca-phe/" in lam_dong_urls
    assert f"http://{HOST}{hoa_an.get_url_parts()[2]}" not in lam_dong_urls
    assert "http://testserver/tin-tuc/ca-phe/" not in demo_urls
    assert f"http://testserver{hoa_an.get_url_parts()[2]}" in demo_urls


def cached(url, host):
    return caching.lookup(RequestFactory().get(url, HTTP_HOST=host)) is not None


def test_publishing_on_one_site_empties_only_its_own_cache(lam_dong):
    urls = [("/", HOST), ("/tin-tuc/", HOST), ("/", "testserver"), ("/tin-tuc/", "testserver")]
    for url, host in urls:
        page(url, host)
    assert [cached(url, host) for url, host in urls] == [True] * 4

    publish(lam_dong, "Tập huấn ươm cây giống", "uom-cay")

    assert [cached(url, host) for url, host in urls] == [False, False, True, True]
    assert "Tập huấn ươm cây giống" in page("/tin-tuc/", HOST)
    for url, host in urls:
        page(url, host)
    demo_home = Site.objects.get(is_default_site=True).root_page
    demo_index = NewsIndexPage.objects.child_of(demo_home).get()
    demo_index.save_revision().publish()  # a page right under the demo's home: its whole site
    assert [cached(url, host) for url, host in urls] == [True, True, False, False]


def test_a_hosted_unions_host_is_served_at_once_an_unknown_host_is_refused(lam_dong, settings):
    assert HOST not in settings.SERVED_HOSTS
    assert Client().get("/", HTTP_HOST=HOST).status_code == 200
    assert Client().get("/", HTTP_HOST="ke-gia-mao.example.com").status_code == 400
    Site.objects.filter(hostname=HOST).update(hostname="lienhiep-moi.lamdong.vn")
    Site.clear_site_root_paths_cache()
    assert Client().get("/", HTTP_HOST=HOST).status_code == 400
    assert Organisation.objects.get(slug="lam-dong").is_default is False


def test_each_home_lists_its_own_unions_coming_activities(lam_dong, demo):
    from lienhiep.activities.enums import ActivityState
    from lienhiep.activities.models import Activity, ActivityKind

    kind = ActivityKind.objects.first()
    soon = timezone.localdate() + timedelta(days=7)
    for union, title in ((demo, "Hội thảo của Hòa An"), (lam_dong, "Tập huấn của Lâm Đồng")):
        Activity.objects.create(
            kind=kind, title=title, start_date=soon, organiser=union, state=ActivityState.PLANNED
        )
    caching.invalidate()

    coming = r'</time> ([^<]+) <span class="aside-meta">'  # the side column's activities
    assert re.findall(coming, page("/", HOST)) == ["Tập huấn của Lâm Đồng"]
    assert "Hội thảo của Hòa An" in page("/") and "Tập huấn của Lâm Đồng" not in page("/")


def test_record_search_finds_only_its_own_unions_members(lam_dong, demo):
    from lienhiep.directory.enums import MEMBER_KINDS, OrganisationStatus

    member = Organisation.objects.filter(
        parent=demo, kind__in=MEMBER_KINDS, status=OrganisationStatus.ACTIVE
    ).first()
    query = {"q": member.name}

    def titles(host):
        html = Client().get("/tim-kiem/", query, HTTP_HOST=host).content.decode()
        return re.findall(r'class="search-result__meta">([^<·]+)', html)

    assert "Hội thành viên" in [kind.strip() for kind in titles("testserver")]
    assert titles(HOST) == []


def test_contests_and_honours_pages_list_only_their_own_unions_rounds(lam_dong):
    def sections(url, host):
        return len(re.findall(r'<section class="listing"', page(url, host)))

    assert sections("/hoi-thi/", "testserver") > 0
    assert sections("/ton-vinh/", "testserver") > 0
    assert (sections("/hoi-thi/", HOST), sections("/ton-vinh/", HOST)) == (0, 0)


def test_each_union_hides_unconsented_names_by_its_own_sites_rule(lam_dong, demo):
    from lienhiep.core.sites import site_of
    from lienhiep.privacy.enums import NameRule
    from lienhiep.privacy.models import PrivacySettings

    hosted = Site.objects.get(hostname=HOST)
    rules = PrivacySettings.for_site(hosted)
    rules.unconsented_names = NameRule.HIDDEN
    rules.save()

    assert site_of(lam_dong) == hosted
    assert site_of(demo).is_default_site
    assert PrivacySettings.for_site(site_of(lam_dong)).unconsented_names == NameRule.HIDDEN
    assert PrivacySettings.for_site(site_of(demo)).unconsented_names == NameRule.INITIALS


@pytest.fixture
def lam_dong_round(lam_dong):
    """An open call of Lâm Đồng's own contest, beside the demo's rounds."""
    from lienhiep.contests.enums import ContestKind, RoundState
    from lienhiep.contests.models import Contest, ContestRound

    contest = Contest.objects.create(
        union=lam_dong, kind=ContestKind.TECHNICAL, name="Hội thi sáng tạo kỹ thuật Lâm Đồng"
    )
    today = timezone.localdate()
    return ContestRound.objects.create(
        contest=contest,
        number=3,
        period="2025-2026",
        slug="sang-tao-lam-dong-3",
        launch_date=today,
        entry_deadline=today + timedelta(days=30),
        state=RoundState.OPEN,
    )


def _round_links(html):
    return set(re.findall(r'href="/cuoc-thi/([a-z0-9-]+)/"', html))


def test_contest_calls_and_results_are_each_hosts_own(lam_dong_round):
    from lienhiep.contests.enums import PUBLIC_STATES
    from lienhiep.contests.models import ContestRound

    demo_rounds = set(
        ContestRound.objects.filter(state__in=PUBLIC_STATES)
        .exclude(pk=lam_dong_round.pk)
        .values_list("slug", flat=True)
    )
    assert demo_rounds
    assert _round_links(page("/cuoc-thi/", HOST)) == {lam_dong_round.slug}
    assert _round_links(page("/cuoc-thi/")) == demo_rounds
    assert "Hội thi sáng tạo kỹ thuật Lâm Đồng" in page(f"/cuoc-thi/{lam_dong_round.slug}/", HOST)
    demo_round = sorted(demo_rounds)[0]
    assert Client().get(f"/cuoc-thi/{demo_round}/", HTTP_HOST=HOST).status_code == 404
    assert Client().get(f"/cuoc-thi/{lam_dong_round.slug}/").status_code == 404


def test_contest_part_of_the_sitemap_is_each_hosts_own(lam_dong_round):
    lam_dong_urls = re.findall(r"<loc>(.*?)</loc>", page("/sitemap.xml", HOST))
    demo_urls = re.findall(r"<loc>(.*?)</loc>", page("/sitemap.xml"))
    rounds = {u for u in lam_dong_urls if "/cuoc-thi/" in u}
    assert rounds == {f"http://{HOST}/cuoc-thi/", f"http://{HOST}/cuoc-thi/sang-tao-lam-dong-3/"}
    assert not [u for u in demo_urls if "sang-tao-lam-dong-3" in u]
    assert len([u for u in demo_urls if "/cuoc-thi/" in u]) > 1
