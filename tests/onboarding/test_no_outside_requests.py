"""The admin and the site fetch nothing from outside: our logo, our guide, initials as avatars."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

# What a browser fetches by itself: sources and linked resources (stylesheets, icons), not anchors.
OUTSIDE = re.compile(r"""(?:src=|<link[^>]*href=)["'](?:https?:)?//(?!testserver)[^"']*""")


@pytest.fixture
def admin_client(client, demo):
    user = make_user(superuser=True)
    user.email = "quan-tri@hoaan.example.vn"
    user.save()
    client.force_login(user)
    return client


def test_the_admin_links_our_guide_and_not_wagtails(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("onboarding_guide") in html
    assert "guide.wagtail.org" not in html and "gravatar" not in html


def test_the_guide_is_the_vietnamese_user_guide(admin_client):
    html = admin_client.get(reverse("onboarding_guide")).content.decode()
    assert "<h1>Hướng dẫn sử dụng lienhiep</h1>" in html
    assert "<h2>Bắt đầu với liên hiệp hội của bạn</h2>" in html


@pytest.mark.parametrize("name", ["wagtailadmin_home", "wagtailusers_users:index"])
def test_admin_pages_load_nothing_from_outside(admin_client, name):
    html = admin_client.get(reverse(name)).content.decode()
    assert OUTSIDE.findall(html) == []
    assert "website/lienhiep-mark.svg" in html


def test_the_login_page_shows_the_unions_mark(client, demo):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "website/lienhiep-mark.svg" in html and OUTSIDE.findall(html) == []
