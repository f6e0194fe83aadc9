"""The demo seed stays off production sites and gives the demo login only its printed role."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lienhiep.directory import roles


@pytest.mark.django_db
def test_seed_demo_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=io.StringIO())


def test_the_demo_login_is_union_staff_not_superuser(db, demo):
    user = get_user_model().objects.get(username="demo")
    groups = [group.name for group in user.groups.all()]
    assert (user.is_superuser, groups, user.scope.organisation) == (
        False,
        [roles.group(roles.UNION_STAFF).name],
        demo,
    )
