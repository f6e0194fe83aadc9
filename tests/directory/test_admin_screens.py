import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import MemberCount, Organisation, Term
from tests.factories import make_membership, make_org, make_person, make_user

pytestmark = pytest.mark.django_db


def listing(client, viewset, **params):
    return list(client.get(reverse(f"{viewset}:index"), params).context["object_list"])


@pytest.fixture
def staff_client(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    return client


@pytest.mark.parametrize("query", ["dieu duong", "Điều dưỡng", "DIEU DUONG", "điều"])
def test_organisation_search_ignores_diacritics(staff_client, query):
    names = [o.name for o in listing(staff_client, "directory_organisation", q=query)]
    assert names == ["Hội Điều dưỡng tỉnh Hòa An"]


@pytest.mark.parametrize("query", ["da nang", "Đà Nẵng", "quang nam"])
def test_province_search_finds_da_nang_with_its_former_provinces(staff_client, query):
    assert [p.name for p in listing(staff_client, "directory_province", q=query)] == ["Đà Nẵng"]


def test_people_search_by_folded_name(staff_client, demo):
    person = make_person(demo, "Quách", "Thùy", "Dương", code="TIM-1")
    assert listing(staff_client, "directory_person", q="quach thuy duong") == [person]


def test_organisation_filters(staff_client):
    collective = listing(staff_client, "directory_organisation", kind="collective_member")
    assert len(collective) == 9
    health = listing(
        staff_client,
        "directory_organisation",
        bloc=Organisation.objects.get(slug="hoi-y-hoc").bloc_id,
    )
    assert {o.slug for o in health} >= {"hoi-y-hoc", "hoi-dieu-duong", "hoi-dong-y"}
    assert all(o.bloc.slug == "y-te" for o in health)
    overdue = listing(staff_client, "directory_organisation", congress_overdue="true")
    # today (after 2024) the terms of the demo's overdue associations have long ended
    assert {"hoi-xay-dung", "hoi-cham-cuu", "hoi-su-hoc"} <= {o.slug for o in overdue}


def test_list_page_is_vietnamese(staff_client):
    html = staff_client.get(reverse("directory_organisation:index")).content.decode()
    assert 'lang="vi"' in html
    assert "Tổ chức" in html and "Hội Điều dưỡng tỉnh Hòa An" in html


def test_editing_logs_who_and_what(client, demo):
    user = make_user(roles.UNION_STAFF, demo)
    client.force_login(user)
    org = Organisation.objects.get(slug="hoi-su-hoc")
    data = {
        "name": org.name,
        "slug": org.slug,
        "kind": org.kind,
        "parent": org.parent_id,
        "status": org.status,
        "term_years": 5,
        "phone": "0263 3999 999",
        "bloc": org.bloc_id,
        "abbreviation": org.abbreviation,
    }
    response = client.post(reverse("directory_organisation:edit", args=[org.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    org.refresh_from_db()
    assert org.phone == "0263 3999 999"
    entry = ModelLogEntry.objects.filter(object_id=str(org.pk), action="wagtail.edit").latest(
        "timestamp"
    )
    assert entry.user == user
    history = client.get(reverse("directory_organisation:history", args=[org.pk])).content.decode()
    assert user.get_username() in history or user.get_full_name() in history


def test_member_count_records_who_entered_it(client, demo):
    user = make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong"))
    client.force_login(user)
    org = Organisation.objects.get(slug="hoi-dieu-duong")
    response = client.post(
        reverse("directory_membercount:add"),
        {"organisation": org.pk, "year": 2025, "members": 1601, "source": "Công văn 05/HĐD"},
    )
    assert response.status_code == 302
    count = MemberCount.objects.get(organisation=org, year=2025)
    assert (count.members, count.entered_by) == (1601, user)


def test_officer_cannot_record_a_count_for_another_association(client, demo):
    client.force_login(make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong")))
    other = Organisation.objects.get(slug="hoi-luat-gia")
    response = client.post(
        reverse("directory_membercount:add"),
        {"organisation": other.pk, "year": 2025, "members": 1, "source": "x"},
    )
    assert "organisation" in response.context["form"].errors
    assert not MemberCount.objects.filter(organisation=other, year=2025).exists()


def build_union(size):
    union = make_org(f"Liên hiệp hội {size}", kind=OrganisationKind.UNION)
    for _ in range(size):
        org = make_org(parent=union)
        person = make_person(org)
        make_membership(person, org)
        Term.objects.create(
            organisation=org, number=1, congress_date="2020-01-01", planned_end="2025-01-01"
        )
        MemberCount.objects.create(organisation=org, year=2024, members=10, source="x")
    return make_user(roles.UNION_STAFF, union)


@pytest.mark.parametrize(
    "viewset",
    [
        "directory_organisation",
        "directory_person",
        "directory_membership",
        "directory_term",
        "directory_membercount",
    ],
)
def test_list_queries_do_not_grow_with_rows(client, viewset):
    counts = []
    for size in (1, 4):
        client.force_login(build_union(size))
        url = reverse(f"{viewset}:index")
        client.get(url)  # warm caches (content types, permissions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(response.context["object_list"]) >= size
        counts.append(len(queries))
    assert counts[0] == counts[1]
