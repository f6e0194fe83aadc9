"""A login read with its rights once per process until they change (``directory/backends.py``):
its next screens ask the database nothing about it, and a change of its groups, permissions,
scope, organisations or activity reaches the very next request."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.directory import backends, roles, rules
from lienhiep.directory.models import AccountScope, Organisation
from tests.factories import make_org, make_user

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
    AccountScope.objects.create(user=judge, organisation=Organisation.objects.get(slug="hoa-an"))
    assert client.get(organisations).status_code == 302  # a judge has no registry
    judge.groups.add(roles.group(roles.UNION_STAFF))  # a link alone (``m2m_changed``)
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


def test_a_new_password_or_a_deleted_login_ends_its_sessions(client, personas):
    staff, leader = personas["union_staff"], personas["leader"]
    home = reverse("wagtailadmin_home")
    client.force_login(staff)
    assert client.get(home).status_code == 200
    staff.set_password("mat-khau-moi-2026")
    staff.save()
    assert client.get(home).status_code == 302
    client.force_login(leader)
    assert client.get(home).status_code == 200
    leader.delete()
    assert client.get(home).status_code == 302


def test_a_login_switched_off_by_wagtails_bulk_action_is_refused_at_once(client, personas, db):
    """Wagtail's bulk action writes the logins' state with one ``update``, no signal."""
    staff = personas["union_staff"]
    admin = Client()
    admin.force_login(make_user(superuser=True))
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # the login kept
    action = reverse("wagtail_bulk_action", args=("auth", "user", "set_active_state"))
    answer = admin.post(f"{action}?id={staff.pk}", {"mark_as_active": "False"})
    assert answer.status_code == 302
    assert not type(staff).objects.get(pk=staff.pk).is_active
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_wagtails_group_screen_changes_the_menus_once_the_rights_are_written(
    client, db, monkeypatch
):
    """The group is saved first, its page rights written after with ``bulk_create``: the last
    change of the menus' generation comes once they are in the database."""
    from wagtail.models import GroupPagePermission, Page

    from lienhiep.core import generation

    group = Group.objects.create(name="Nhóm thử quyền trang")
    seen = []
    changed = generation.menus_changed
    monkeypatch.setattr(
        generation,
        "menus_changed",
        lambda *args: (
            seen.append(GroupPagePermission.objects.filter(group=group).exists()),
            changed(*args),
        ),
    )
    client.force_login(make_user(superuser=True))
    url = reverse("wagtailusers_groups:edit", args=(group.pk,))
    data = {"name": group.name}
    for panel in client.get(url).context["permission_panels"]:
        if not hasattr(panel, "management_form"):  # a plain form: nothing ticked, nothing asked
            continue
        prefix = panel.prefix
        data |= {f"{prefix}-{name}": value for name, value in panel.management_form.initial.items()}
        if prefix == "page_permissions":
            data |= {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-0-page": str(Page.objects.get(depth=2).pk),
                f"{prefix}-0-permissions": ["add_page", "change_page"],
            }
    assert client.post(url, data).status_code == 302
    assert GroupPagePermission.objects.filter(group=group).count() == 2
    assert seen and seen[-1] is True


def test_signing_in_changes_no_menu(personas):
    from django.contrib.auth.models import update_last_login

    from lienhiep.core import generation

    before = generation.menus()
    update_last_login(None, personas["union_staff"])
    assert generation.menus() == before


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
