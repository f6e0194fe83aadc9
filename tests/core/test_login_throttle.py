"""Logins are throttled per address and per username (django-axes), in Vietnamese."""

import io

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.translation import ngettext

from tests.factories import make_user

PASSWORD = "matkhau-thu-nghiem"
LOCKED = ngettext(
    "Too many failed logins. Try again in %(minutes)s minute, or ask the union's staff to "
    "unlock the account.",
    "Too many failed logins. Try again in %(minutes)s minutes, or ask the union's staff to "
    "unlock the account.",
    15,
)


def log_in(username, password, address="10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )


@pytest.fixture
def staff(db):
    return make_user(superuser=True, username="canbo-thu")


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_a_username_after_the_limit(staff):
    answers = [log_in("canbo-thu", "sai", address) for address in ("10.0.0.1", "10.0.0.2")]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert log_in("canbo-thu", "sai", "10.0.0.3").status_code == 429  # the third locks
    refused = log_in("canbo-thu", PASSWORD, "10.0.0.9")
    assert refused.status_code == 429
    assert LOCKED % {"minutes": 15} in refused.text  # Vietnamese once the catalogue has it
    assert "_auth_user_id" not in refused.client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_an_address_trying_many_usernames(staff):
    for name in ("a", "b", "c"):
        log_in(name, "sai", "10.0.0.5")
    assert log_in("canbo-thu", PASSWORD, "10.0.0.5").status_code == 429
    assert log_in("canbo-thu", PASSWORD, "10.0.0.6").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_locked_username_is_unlocked_by_the_command(staff):
    for _ in range(3):
        log_in("canbo-thu", "sai", "10.0.0.7")
    call_command("axes_reset_username", "canbo-thu", stdout=io.StringIO())
    call_command("axes_reset_ip", "10.0.0.7", stdout=io.StringIO())
    assert log_in("canbo-thu", PASSWORD, "10.0.0.7").status_code == 302


def test_below_the_limit_the_right_password_works(staff):
    log_in("canbo-thu", "sai")
    assert log_in("canbo-thu", PASSWORD).status_code == 302
