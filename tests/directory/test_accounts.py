"""The logins screen: invite, roles, scope, deactivation, the person behind a login."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.directory import accounts, roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Person
from tests.factories import make_org, make_person, make_user

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def invite(client, **fields):
    data = {"username": "giamkhao1", "email": "gk1@example.vn", "wanted_roles": [roles.JUDGE]}
    data.update(fields)
    return client.post("/admin/directory/accounts/invite/", data)


def test_staff_invite_a_judge_who_sets_a_password_from_the_mail(
    personas, demo, django_capture_on_commit_callbacks
):
    staff = personas["union_staff"]
    person = make_person(demo, family="Trần", middle="Thị", given="Hoa")

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(signed_in(staff), organisation=demo.pk, person=person.pk)

    account = get_user_model().objects.get(username="giamkhao1")
    assert response.url == "/admin/directory/accounts/"
    assert (accounts.roles_of(account), account.scope.organisation, account.person) == (
        [roles.JUDGE],
        demo,
        person,
    )
    assert not account.has_usable_password()
    (message,) = mail.outbox
    assert message.subject == "Tài khoản lienhiep của bạn"
    assert message.to == ["gk1@example.vn"]
    assert "Tên đăng nhập: giamkhao1" in message.body
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body)[1]
    visitor = Client()
    form_url = visitor.get(link).url
    visitor.post(
        form_url, {"new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"}
    )
    account.refresh_from_db()
    assert account.check_password("Mat-khau-moi-2026")


def test_invite_with_a_new_person_record(personas, demo):
    invite(
        signed_in(personas["union_staff"]),
        username="chuyengia9",
        wanted_roles=[roles.EXPERT],
        organisation=demo.pk,
        family_name="Lê",
        middle_name="Văn",
        given_name="Tám",
    )

    person = Person.objects.get(account__username="chuyengia9")
    assert (person.full_name, person.home) == ("Lê Văn Tám", demo)


def test_nobody_grants_a_role_above_their_own(personas, demo):
    staff = personas["union_staff"]
    for role in (roles.FEDERATION_STAFF, roles.UNION_LEADER):
        with pytest.raises(ValidationError) as refused:
            accounts.invite_account(
                user=staff,
                username=f"x-{role}",
                email="x@example.vn",
                wanted_roles=[role],
                organisation=demo,
                site_url="http://testserver/",
            )
        assert refused.value.message_dict["roles"][0].startswith("Bạn không thể cấp quyền: ")
    assert not get_user_model().objects.filter(username__startswith="x-").exists()
    page = signed_in(staff).get("/admin/directory/accounts/invite/").content.decode()
    assert 'value="judge"' in page and 'value="union_leader"' not in page
    assert 'value="federation_staff"' not in page


def test_staff_scope_a_login_only_within_their_union(personas, demo):
    other_union = make_org("Liên hiệp hội tỉnh khác", kind=OrganisationKind.UNION)
    with pytest.raises(ValidationError) as refused:
        accounts.invite_account(
            user=personas["union_staff"],
            username="ngoai",
            email="n@example.vn",
            wanted_roles=[roles.EDITOR],
            organisation=other_union,
            site_url="http://testserver/",
        )
    assert "organisation" in refused.value.message_dict


def test_staff_list_only_their_unions_logins(personas, demo):
    other_union = make_org("Liên hiệp hội tỉnh khác", kind=OrganisationKind.UNION)
    make_user(roles.UNION_STAFF, other_union, username="canbo-tinh-khac")
    make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong"), username="cb-dd")

    page = signed_in(personas["union_staff"]).get("/admin/directory/accounts/").content.decode()

    assert "cb-dd" in page and "Cán bộ hội thành viên" in page
    assert "canbo-tinh-khac" not in page
    federation = signed_in(personas["federation"]).get("/admin/directory/accounts/")
    assert "canbo-tinh-khac" in federation.content.decode()


def test_a_login_above_the_viewer_is_read_only(personas, demo):
    staff, leader = personas["union_staff"], personas["leader"]
    client = signed_in(staff)

    # Wagtail answers a refused admin screen by sending the user home with a message.
    assert client.get(f"/admin/directory/accounts/{leader.pk}/").url == "/admin/"
    assert client.get(f"/admin/directory/accounts/{staff.pk}/").url == "/admin/"
    with pytest.raises(PermissionDenied):
        accounts.change_account(
            user=staff, account=leader, wanted_roles=[], organisation=demo, is_active=False
        )
    leader.refresh_from_db()
    assert leader.is_active


def test_staff_deactivate_and_change_a_login(personas, demo):
    officer = personas["officer"]
    client = signed_in(personas["union_staff"])

    response = client.post(
        f"/admin/directory/accounts/{officer.pk}/",
        {"wanted_roles": [roles.OFFICER, roles.EDITOR], "organisation": demo.pk},
    )

    officer.refresh_from_db()
    assert response.status_code == 302
    assert (officer.is_active, accounts.roles_of(officer), officer.scope.organisation) == (
        False,
        [roles.OFFICER, roles.EDITOR],
        demo,
    )
    refused = Client().post(
        reverse("wagtailadmin_login"),
        {"username": officer.username, "password": "matkhau-thu-nghiem"},
    )
    assert (refused.status_code, "_auth_user_id" in refused.client.session) == (200, False)


def test_a_person_has_one_login(personas, demo):
    person = make_person(demo)
    judge = make_user(roles.JUDGE, demo)
    accounts.link_person(user=personas["union_staff"], account=judge, person=person)
    second = make_user(roles.EXPERT, demo)

    with pytest.raises(ValidationError) as refused:
        accounts.link_person(user=personas["union_staff"], account=second, person=person)
    assert refused.value.message_dict["person"] == [f"{person.full_name} đã có tài khoản."]


@pytest.mark.parametrize("persona", ["leader", "officer", "judge", "expert", "editor"])
def test_only_staff_manage_logins(personas, persona):
    client = signed_in(personas[persona])
    assert client.get("/admin/directory/accounts/").url == "/admin/"
    assert invite(client).url == "/admin/"
    assert not get_user_model().objects.filter(username="giamkhao1").exists()


def test_the_logins_list_costs_the_same_for_one_row_or_four(
    personas, demo, django_assert_num_queries
):
    client = signed_in(personas["union_staff"])
    accounts.link_person(
        user=personas["union_staff"],
        account=make_user(roles.EDITOR, demo),
        person=make_person(demo),
    )
    client.get("/admin/directory/accounts/")  # Wagtail's first-request work
    with CaptureQueriesContext(connection) as before:
        client.get("/admin/directory/accounts/")
    one = len(before)  # (read now: the next request empties the connection's query log)
    for _ in range(3):
        judge = make_user(roles.JUDGE, demo)
        accounts.link_person(user=personas["union_staff"], account=judge, person=make_person(demo))
    client.get("/admin/directory/accounts/")  # new logins: the menus are drawn again, once
    with django_assert_num_queries(one):
        client.get("/admin/directory/accounts/")


def test_the_people_chooser_finds_without_accents_and_shows_the_workplace(personas, demo):
    make_person(demo, family="Đặng", middle="Văn", given="Ngữ", job_title="Giám đốc")
    client = signed_in(personas["union_staff"])

    results = client.get("/admin/directory/choose-person/results/", {"q": "dang van ngu"})

    text = results.content.decode()
    assert "Đặng Văn Ngữ" in text and "Giám đốc" in text and demo.name in text
    officer = signed_in(personas["officer"])
    hidden = officer.get("/admin/directory/choose-person/results/", {"q": "dang van ngu"})
    assert "Đặng Văn Ngữ" not in hidden.content.decode()
