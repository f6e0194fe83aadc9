"""The Content-Security-Policy header: strict on the site and the login page, the admin's
allowances past it."""

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

STRICT = "script-src 'self'; style-src 'self'"


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split("; ")}


def test_the_login_page_allows_no_inline_script_or_style(client):
    policy = directives(client.get(reverse("wagtailadmin_login")))
    assert (policy["script-src"], policy["style-src"], policy["object-src"]) == (
        "'self'",
        "'self'",
        "'none'",
    )


def test_admin_screens_allow_what_wagtail_widgets_need(client):
    client.force_login(make_user(superuser=True))
    policy = directives(client.get(reverse("wagtailadmin_home")))
    assert (policy["script-src"], policy["style-src"]) == (
        "'self' 'unsafe-inline'",
        "'self' 'unsafe-inline'",
    )


def test_public_responses_carry_the_strict_policy(client):
    policy = directives(client.get(reverse("contest_index")))
    assert (policy["script-src"], policy["style-src"], policy["frame-ancestors"]) == (
        "'self'",
        "'self'",
        "'self'",
    )
