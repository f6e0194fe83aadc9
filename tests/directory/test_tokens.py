"""Each login makes and revokes its own API tokens; a token is shown once."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken

from lienhiep.directory import tokens


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_new_token_is_shown_once_and_kept_as_a_digest(personas):
    client = _client(personas["officer"])
    page = client.post(reverse("directory_tokens"), {"name": "Kịch bản báo cáo"})
    token = APIToken.objects.get(user=personas["officer"])
    shown = page.context["shown"]
    assert (token.name, token.key_hash) == ("Kịch bản báo cáo", APIToken.hash_token(shown))
    assert shown not in client.get(reverse("directory_tokens")).content.decode()


def test_the_logins_screen_lists_only_ones_own_tokens(personas):
    tokens.create_token(user=personas["union_staff"], name="Của tôi")
    tokens.create_token(user=personas["federation"], name="Của người khác")
    page = _client(personas["union_staff"]).get(reverse("directory_accounts"))
    assert [t.name for t in page.context["tokens"]] == ["Của tôi"]


def test_revoking_a_token_stops_it(personas):
    token, plain = tokens.create_token(user=personas["union_staff"], name="Cũ")
    _client(personas["union_staff"]).post(reverse("directory_token_revoke", args=[token.pk]))
    answer = Client().get("/api/v1/organisations", headers={"Authorization": f"Bearer {plain}"})
    token.refresh_from_db()
    assert (token.revoked_at is not None, answer.status_code) == (True, 401)


def test_nobody_revokes_anothers_token(personas):
    token, _plain = tokens.create_token(user=personas["federation"], name="Của người khác")
    answer = _client(personas["union_staff"]).post(
        reverse("directory_token_revoke", args=[token.pk])
    )
    token.refresh_from_db()
    assert (answer.status_code, token.revoked_at) == (404, None)
    with pytest.raises(PermissionDenied):
        tokens.revoke_token(user=personas["union_staff"], token=token)
