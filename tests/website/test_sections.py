import re

import pytest

from lienhiep.contests.enums import PUBLIC_STATES, RESULT_STATES, RoundState
from lienhiep.contests.models import ContestRound
from lienhiep.contests.queries import winners
from lienhiep.honours.enums import RoundState as HonourState
from lienhiep.honours.models import HonourRound, Nomination
from lienhiep.website import caching
from lienhiep.website.models import ContestIndexPage, HonoursIndexPage

pytestmark = pytest.mark.django_db


def headings(html, level):
    return [
        re.sub(r"<[^>]+>", "", h) for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html)
    ]


def test_sections_are_pages_of_their_own(demo):
    assert ContestIndexPage.objects.get().url == "/hoi-thi/"
    assert HonoursIndexPage.objects.get().url == "/ton-vinh/"


def test_contests_page_lists_the_public_rounds_with_winners(client, demo):
    html = client.get("/hoi-thi/").content.decode()
    public = ContestRound.objects.filter(state__in=PUBLIC_STATES).select_related("contest")
    assert sorted(headings(html, 3)) == sorted(str(r.label) for r in public)
    assert sorted(headings(html, 2)) == sorted({r.contest.name for r in public})
    published = public.filter(state__in=RESULT_STATES).first()
    for entry in winners(published):
        assert f"{entry.title} – " in html
    assert "Gửi bài dự thi" in html  # the open round's call


def test_contests_page_hides_drafts_and_unpublished_winners(client, demo):
    awarded = ContestRound.objects.filter(state__in=RESULT_STATES).first()
    ContestRound.objects.filter(pk=awarded.pk).update(state=RoundState.AWARDED)
    draft = ContestRound.objects.exclude(pk=awarded.pk).first()
    ContestRound.objects.filter(pk=draft.pk).update(state=RoundState.DRAFT)
    caching.invalidate()
    html = client.get("/hoi-thi/").content.decode()
    assert str(draft.label) not in headings(html, 3)
    assert all(f"{e.title} – " not in html for e in winners(awarded))


def test_honours_page_lists_the_decided_rounds_and_the_honoured(client, demo):
    html = client.get("/ton-vinh/").content.decode()
    decided = HonourRound.objects.filter(state=HonourState.DECIDED)
    assert headings(html, 2) == [str(r) for r in decided]
    honoured = Nomination.objects.filter(honoured=True).select_related("nominee")
    names = re.findall(r'class="person-card">.*?<strong>(.*?)</strong>', html, re.S)
    assert sorted(names) == sorted(n.nominee.honorific for n in honoured)
    assert len(names) >= 1
    assert "1890/QĐ-UBND" in html
    not_honoured = Nomination.objects.filter(honoured=False).select_related("nominee").first()
    assert not_honoured.nominee.honorific not in names


def page_queries(client, url):
    """Queries of one uncached request (a session cookie keeps the page cache out of the way)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.cookies["sessionid"] = "none"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_section_pages_cost_the_same_for_more_rounds(client, demo):
    from lienhiep.contests.models import Entry

    contests, honours = page_queries(client, "/hoi-thi/"), page_queries(client, "/ton-vinh/")
    published = ContestRound.objects.filter(state__in=RESULT_STATES).first()
    copy = ContestRound.objects.get(pk=published.pk)
    copy.pk, copy.number, copy.slug = None, 99, "vong-99"
    copy.save()
    for entry in Entry.objects.filter(round=published).exclude(prize="")[:3]:
        authors = list(entry.authors.all())
        entry.pk, entry.round, entry.code = None, copy, f"X-{entry.code}"
        entry.save()
        for author in authors:
            author.pk, author.entry = None, entry
            author.save()
    decided = HonourRound.objects.filter(state=HonourState.DECIDED).first()
    twin = HonourRound.objects.get(pk=decided.pk)
    twin.pk, twin.number = None, 99
    twin.proposal_document = None  # a register line is one document's alone
    twin.save()
    for nomination in Nomination.objects.filter(round=decided, honoured=True)[:3]:
        nomination.pk, nomination.round = None, twin
        nomination.save()
    assert page_queries(client, "/hoi-thi/") == contests
    assert page_queries(client, "/ton-vinh/") == honours


def test_each_home_page_may_have_its_own_sections(demo):
    from lienhiep.website.models import HomePage

    first = HomePage.objects.get()
    second = first.get_parent().add_child(
        instance=HomePage(title="Liên hiệp hội tỉnh thứ hai", slug="tinh-thu-hai")
    )
    for section in (ContestIndexPage, HonoursIndexPage):
        assert not section.can_create_at(first)  # it has its section already
        assert section.can_create_at(second)  # a second hosted union gets its own
