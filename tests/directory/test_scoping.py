"""Every registry screen, export and search against every persona, with data that could leak."""

import pytest
from django.urls import reverse

from lienhiep.directory import rules
from lienhiep.directory.models import Membership, Organisation, Person

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "testserver"}


def client_for(client, user):
    client.force_login(user)
    return client


def person_of(slug):
    return Person.objects.filter(memberships__organisation__slug=slug).first()


def test_officer_sees_only_their_association_and_its_people(personas):
    officer = personas["officer"]
    assert list(rules.organisations_for(officer).values_list("slug", flat=True)) == [
        "hoi-dieu-duong"
    ]
    people = rules.people_for(officer)
    assert people.count() == 1
    assert {m.organisation.slug for p in people for m in p.memberships.all()} == {"hoi-dieu-duong"}


def test_union_staff_sees_the_union_subtree_not_the_federation(personas, demo):
    visible = set(rules.organisations_for(personas["union_staff"]).values_list("slug", flat=True))
    assert "hoa-an" in visible and "hoi-luat-gia" in visible and "clb-tri-thuc" in visible
    assert "vusta" not in visible
    assert rules.people_for(personas["union_staff"]).count() == Person.objects.count()


@pytest.mark.parametrize("persona", ["judge", "expert", "editor"])
def test_people_without_registry_roles_see_nothing(personas, persona):
    user = personas[persona]
    assert not rules.organisations_for(user).exists()
    assert not rules.people_for(user).exists()
    assert not rules.memberships_for(user).exists()


def test_officer_list_and_search_show_no_other_association(client, personas):
    other = person_of("hoi-luat-gia")
    c = client_for(client, personas["officer"])
    listing = c.get(reverse("directory_person:index"), **HOST)
    assert listing.status_code == 200
    assert other.full_name not in listing.content.decode()
    assert list(listing.context["object_list"]) == list(rules.people_for(personas["officer"]))
    search = c.get(reverse("directory_person:index"), {"q": other.given_name}, **HOST)
    assert other not in list(search.context["object_list"])
    orgs = c.get(reverse("directory_organisation:index"), {"q": "luat gia"}, **HOST)
    assert list(orgs.context["object_list"]) == []


@pytest.mark.parametrize("action", ["edit", "inspect", "delete", "history"])
def test_officer_guessing_urls_of_another_association_gets_404(client, personas, action):
    other_person = person_of("hoi-luat-gia")
    other_org = Organisation.objects.get(slug="hoi-luat-gia")
    other_membership = Membership.objects.filter(organisation=other_org).first()
    c = client_for(client, personas["officer"])
    for viewset, obj in (
        ("directory_person", other_person),
        ("directory_organisation", other_org),
        ("directory_membership", other_membership),
    ):
        response = c.get(reverse(f"{viewset}:{action}", args=[obj.pk]), **HOST)
        assert response.status_code == 404, (viewset, action)
    own = person_of("hoi-dieu-duong")
    assert c.get(reverse(f"directory_person:{action}", args=[own.pk]), **HOST).status_code == 200


def test_officer_cannot_delete_another_associations_person_by_post(client, personas):
    other = person_of("hoi-luat-gia")
    c = client_for(client, personas["officer"])
    response = c.post(reverse("directory_person:delete", args=[other.pk]), **HOST)
    assert response.status_code == 404
    assert Person.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_officer_export_holds_only_their_people(client, personas, fmt):
    c = client_for(client, personas["officer"])
    response = c.get(reverse("directory_person:index"), {"export": fmt}, **HOST)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    own = person_of("hoi-dieu-duong")
    other = person_of("hoi-luat-gia")
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        assert own.code in text and other.code not in text
        assert len(text.strip().splitlines()) == 2  # heading and one person
    else:
        from io import BytesIO

        from openpyxl import load_workbook

        rows = list(load_workbook(BytesIO(content)).active.iter_rows(values_only=True))
        assert [row[0] for row in rows[1:]] == [own.code]


def test_officer_edit_form_offers_only_visible_organisations(client, personas):
    own = person_of("hoi-dieu-duong")
    c = client_for(client, personas["officer"])
    response = c.get(reverse("directory_person:edit", args=[own.pk]), **HOST)
    choices = list(response.context["form"].fields["home"].queryset.values_list("slug", flat=True))
    assert choices == ["hoi-dieu-duong"]


def test_officer_cannot_move_a_person_to_another_association(client, personas):
    own = person_of("hoi-dieu-duong")
    other_org = Organisation.objects.get(slug="hoi-luat-gia")
    c = client_for(client, personas["officer"])
    data = {
        "code": own.code,
        "family_name": own.family_name,
        "given_name": own.given_name,
        "home": other_org.pk,
    }
    response = c.post(reverse("directory_person:edit", args=[own.pk]), data, **HOST)
    assert response.status_code == 200  # the form comes back with an error
    assert "home" in response.context["form"].errors
    own.refresh_from_db()
    assert own.home.slug == "hoi-dieu-duong"


@pytest.mark.parametrize("persona", ["judge", "expert", "editor"])
def test_roles_without_registry_permissions_are_refused(client, personas, persona):
    c = client_for(client, personas[persona])
    response = c.get(reverse("directory_person:index"), **HOST)
    assert response.status_code == 302  # Wagtail sends them back with "permission denied"
    assert response.url == reverse("wagtailadmin_home")


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("directory_person:index"), **HOST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_leader_reads_but_cannot_edit(client, personas):
    person = person_of("hoi-luat-gia")
    c = client_for(client, personas["leader"])
    assert c.get(reverse("directory_person:inspect", args=[person.pk]), **HOST).status_code == 200
    assert c.get(reverse("directory_person:edit", args=[person.pk]), **HOST).status_code == 302


def test_import_screen_refuses_personas_without_scope_or_permission(client, personas):
    for persona in ("judge", "leader"):
        client.force_login(personas[persona])
        response = client.get(reverse("directory_import"), **HOST)
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
