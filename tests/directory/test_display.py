"""Logins are shown by their Vietnamese name, with their initials as avatar, never Gravatar."""

from urllib.parse import unquote

import pytest
from django.urls import reverse

from lienhiep.directory.display import avatar_data_url, initials
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanh():
    user = make_user(username="hanh")
    user.first_name, user.last_name, user.email = "Hạnh", "Nguyễn Thị", "hanh@example.vn"
    user.save()
    return user


def test_a_login_is_named_family_middle_given(hanh):
    assert hanh.get_full_name() == "Nguyễn Thị Hạnh"


def test_a_login_linked_to_a_person_takes_the_persons_name(hanh, demo):
    make_person(demo, family="Trần", middle="Văn", given="Bình", account=hanh)
    hanh.refresh_from_db()
    assert hanh.get_full_name() == "Trần Văn Bình"


def test_the_avatar_is_the_initials_drawn_inline(hanh):
    url = avatar_data_url(hanh)
    assert initials(hanh) == "NH"
    assert url.startswith("data:image/svg+xml") and ">NH</text>" in unquote(url)


def test_the_users_list_shows_vietnamese_names_and_no_gravatar(client, hanh, personas):
    client.force_login(make_user(superuser=True))
    html = client.get(reverse("wagtailusers_users:index"), {"q": "hanh"}).content.decode()
    assert "Nguyễn Thị Hạnh" in html and "Hạnh Nguyễn Thị" not in html
    assert "gravatar" not in html


def test_the_history_of_actions_without_a_login_still_renders(client, personas):
    client.force_login(personas["leader"])
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200 and "data:image/svg+xml" in response.content.decode()
