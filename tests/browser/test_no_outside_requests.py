"""No page makes a request outside the site: the admin and the public site, as Chromium sees them."""

from urllib.parse import urlsplit

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.website.models import NewsArticlePage

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def outside_hosts(page, address, host):
    """The hosts other than the site's that the page asked for while loading."""
    asked = []

    def record(request):
        asked.append(request)

    page.on("request", record)
    page.goto(address, wait_until="networkidle")
    page.remove_listener("request", record)
    hosts = {urlsplit(request.url).netloc for request in asked}
    return sorted(h for h in hosts if h and h != host)


def test_admin_and_public_pages_ask_nothing_from_outside(live_server, seeded, page):
    url, host = live_server.url, urlsplit(live_server.url).netloc
    article = NewsArticlePage.objects.live().order_by("-date", "-pk").first()
    log_in(page, url, "demo", DEMO_PASSWORD)
    for path in ["/admin/", "/admin/directory/people/", "/admin/huong-dan/", "/", article.url]:
        assert (path, outside_hosts(page, f"{url}{path}", host)) == (path, [])
    assert page.locator("img[src*='gravatar']").count() == 0
