"""A login read with its rights once per process until they change (``directory/backends.py``):
its next screens ask the database nothing about it, and a change of its groups, permissions,
scope, organisations or activity reaches the very next request."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.directory import backends, roles, rules
from lienhiep.directory.models import AccountScope, Organisation
from tests.factories import make_org

pytestmark = pytest.mark.django_db

#: the tables a login's rights are read from
LOGIN_TABLES = (
    '"auth_user"',
    '"auth_group"',
    '"auth_permission"',
    '"wagtailcore_grouppagepermission"',
    '"wagtailcore_groupcollectionpermission"',
    '"directory_accountscope"',
    "WITH RECURSIVE",
)


def login_queries(client, url):
    """The queries of one request of ``url`` that read the login or its rights."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in LOGIN_TABLES)]


def test_a_logins_next_screens_read_nothing_about_it(client, personas):
    client.force_login(personas["union_staff"])
    home = reverse("wagtailadmin_home")
    assert login_queries(client, home)  # the first screen reads the login and its rights
    assert login_queries(client, home) == []
    assert login_queries(client, reverse("directory_organisation:index")) == []


def test_a_role_given_reaches_the_next_screen(client, personas):
    judge = personas["judge"]
    client.force_login(judge)
    organisations = reverse("directory_organisation:index")
    client.get(reverse("wagtailadmin_home"))
    assert client.get(organisations).status_code == 302  # a judge has no registry
    judge.groups.add(roles.group(roles.UNION_STAFF))
    AccountScope.objects.create(user=judge, organisation=Organisation.objects.get(slug="hoa-an"))
    assert client.get(organisations).status_code == 200


def test_a_permission_taken_from_a_group_reaches_the_next_screen(client, personas):
    client.force_login(personas["union_staff"])
    organisations = reverse("directory_organisation:index")
    assert client.get(organisations).status_code == 200
    viewing = Permission.objects.filter(
        content_type__app_label="directory", codename__endswith="_organisation"
    )
    roles.group(roles.UNION_STAFF).permissions.remove(*viewing)
    assert client.get(organisations).status_code == 302


def test_a_login_switched_off_is_refused_at_its_next_request(client, personas):
    staff = personas["union_staff"]
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    staff.is_active = False
    staff.save()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_new_member_organisation_is_seen_at_the_next_screen(client, personas, demo):
    client.force_login(personas["union_staff"])
    url = reverse("directory_organisation:index")
    client.get(url)
    member = make_org("Hội thành viên vừa thêm", parent=demo)
    assert member.name in client.get(url, {"q": "vừa thêm"}).text


def test_each_request_gets_a_login_of_its_own(personas):
    backend = backends.ModelBackend()
    first = backend.get_user(personas["union_staff"].pk)
    first._lienhiep_roles = frozenset()  # what one request sets on its login…
    first.first_name = "Đổi trong một yêu cầu"
    second = backend.get_user(personas["union_staff"].pk)
    assert second is not first  # …the next one does not see
    assert rules.is_staff(second) and second.first_name != first.first_name


def test_without_a_shared_cache_each_request_reads_its_login(personas, settings):
    """A cache of one process cannot tell another process's change of rights."""
    settings.LIENHIEP_KEEP_FIGURES = False
    backend = backends.ModelBackend()
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            backend.get_user(personas["union_staff"].pk)
        assert len(queries) == 1
    assert len(backends._logins) == 0
