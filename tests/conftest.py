import io
import os

import pytest

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from tests.factories import make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """Tests of an empty installation and browser tests empty the database: run them last."""

    def last(item):
        return (
            item.get_closest_marker("empty_installation") is not None,
            item.get_closest_marker("browser") is not None,
        )

    items.sort(key=last)


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The Hòa An demo year, seeded once per session (the seed is idempotent)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("seed_demo", "--force", stdout=io.StringIO())
        return Organisation.objects.get(slug="hoa-an")


@pytest.fixture
def personas(db, demo):
    """The standard personas on the Hòa An data, with another union's officer beside them."""
    dieu_duong = Organisation.objects.get(slug="hoi-dieu-duong")
    return {
        "federation": make_user(roles.FEDERATION_STAFF, Organisation.objects.get(slug="vusta")),
        "union_staff": make_user(roles.UNION_STAFF, demo),
        "leader": make_user(roles.UNION_LEADER, demo),
        "officer": make_user(roles.OFFICER, dieu_duong),
        "other_officer": make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-luat-gia")),
        "judge": make_user(roles.JUDGE),
        "expert": make_user(roles.EXPERT),
        "editor": make_user(roles.EDITOR),
    }
