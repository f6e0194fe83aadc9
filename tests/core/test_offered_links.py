"""Every link a login is offered on the admin home, in its menu and in the first rows of the
menu's lists opens: no page answers 403 or "Bạn không có quyền…" (issue 15, item 5)."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.i18n.walk import menu_urls
from tests.refusals import REFUSED

pytestmark = pytest.mark.django_db

#: The demo's logins, one for each persona (the council member is an expert seated on a council).
LOGINS = [
    "canbo",
    "lanhdao",
    "hoidieuduong",
    "lhhvn",
    "bientap",
    "giamkhao",
    "chuyengia",
    "hoidong",
]
HREF = re.compile(r'href="(/admin/[^"#]*)"')
#: Links that act rather than show (signing out) are not followed.
SKIPPED = re.compile(r"^/admin/logout/")


def links(page):
    return [url.replace("&amp;", "&") for url in HREF.findall(page) if not SKIPPED.match(url)]


def shape(url):
    return re.sub(r"\d+", "N", url.split("?")[0])


def record_links(page):
    """One link of each kind that leads to a record (its step, edit, inspect… screens)."""
    first = {}
    for url in links(page):
        if re.search(r"/\d+/", url):
            first.setdefault(shape(url), url)
    return list(first.values())


def refused(response):
    body = response.content.decode(errors="replace")
    return response.status_code == 403 or REFUSED in body or "Bạn không có quyền" in body


def offered_and_refused(client, user):
    """{address: where it was offered} of every offered link that turns the login away."""
    found, seen = {}, set()
    offered = [(url, "home") for url in links(client.get("/admin/").content.decode())]
    offered += [(url, "menu") for url in menu_urls(user)]
    for url, where in offered:
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if refused(response):
            found[url] = where
        elif where == "menu" and response.get("Content-Type", "").startswith("text/html"):
            offered += [(link, url) for link in record_links(response.content.decode())]
    return found


@pytest.mark.parametrize("username", LOGINS)
def test_every_link_offered_to_a_login_opens(client, demo, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    assert len(menu_urls(user)) >= 2
    assert offered_and_refused(client, user) == {}
