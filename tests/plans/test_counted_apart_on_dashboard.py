"""The dashboard leaves the members of an organisation counted apart out of the member total, as
the report does, through the registry's indicator, and states them apart."""

import re

import pytest

from lienhiep.directory import roles
from lienhiep.directory.models import MemberCount, Organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db

APART = "hoi-khuyen-hoc"


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def apart(demo):
    Organisation.objects.filter(slug=APART).update(counted_apart=True)
    return MemberCount.objects.get(organisation__slug=APART, year=2024).members


def test_the_home_states_the_members_counted_apart_beside_the_total(client, demo, apart):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    text = words(client.get("/admin/?year=2024").content.decode())
    total = f"{12436 - apart:,}".replace(",", ".")
    # the plan panel's card and the registry strip, from the same indicator
    assert f"Hội viên {total} chưa tính {apart:,} tính riêng".replace(",", ".") in text
    assert (
        f"Hội viên: {total} (chưa tính {apart:,} hội viên của các tổ chức tính riêng)".replace(
            ",", "."
        )
        in text
    )


def test_without_an_organisation_counted_apart_nothing_is_stated_apart(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    text = words(client.get("/admin/?year=2024").content.decode())
    assert "Hội viên 12.436 +414 so với 2023" in text
    assert "chưa tính" not in text
