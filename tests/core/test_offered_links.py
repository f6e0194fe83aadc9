"""Every link a login is offered on the admin home, in its menu and in the first rows of the
menu's lists opens: no page answers 403 or "Bạn không có quyền…" (issue 15, item 5); and every
page it opens speaks Vietnamese: no True/False, None, English labels or buttons, permission
names, codes or English time units (``tests/i18n/walk.py``). One walk for both: walking the
admin twice cost the suite about forty seconds."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_user
from tests.i18n.walk import menu_urls, page_problems
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
    "administrator",  # a superuser, made for the test: the whole menu
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


def walk(client, user):
    """({address: where it was offered} of every offered link that turns the login away,
    {address: the words a reader meets there that are not Vietnamese})."""
    refused_at, english, seen = {}, {}, set()
    offered = [(url, "home") for url in links(client.get("/admin/").content.decode())]
    offered += [(url, "menu") for url in menu_urls(user)]
    for url, where in offered:
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if refused(response):
            refused_at[url] = where
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        page = response.content.decode()
        if words := page_problems(url, page):
            english[url] = words
        if where == "menu":
            offered += [(link, url) for link in record_links(page)]
    return refused_at, english


def login(username):
    if username == "administrator":
        return make_user(superuser=True)
    return get_user_model().objects.get(username=username)


@pytest.mark.parametrize("username", LOGINS)
def test_every_link_offered_to_a_login_opens_in_vietnamese(client, demo, username):
    user = login(username)
    client.force_login(user)
    assert len(menu_urls(user)) >= 2
    if user.is_superuser:
        assert "/admin/groups/" in menu_urls(user)
    refused_at, english = walk(client, user)
    assert refused_at == {}
    assert english == {}
