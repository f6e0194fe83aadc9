"""A token sees exactly what its login sees on screens; without one, only open data."""

import pytest

from lienhiep.activities.rules import activities_for
from lienhiep.consulting.rules import cases_for
from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import organisations_for
from lienhiep.honours.rules import nominations_for
from lienhiep.plans.models import Indicator

PERSONAS = ["federation", "union_staff", "other_union_staff", "leader", "officer", "judge"]


def _all(client, path, **params):
    """Every item of a list, page by page."""
    items, offset = [], 0
    while True:
        answer = client.get(path, limit=500, offset=offset, **params).json()
        items += answer["items"]
        offset += 500
        if offset >= answer["count"]:
            return items


@pytest.mark.parametrize("persona", PERSONAS)
def test_organisations_are_those_the_login_sees(api_as, persona):
    client = api_as(persona)
    codes = {o["code"] for o in _all(client, "organisations")}
    assert codes == set(organisations_for(client.user).values_list("slug", flat=True))


def test_organisations_of_each_persona(api_as):
    seen = {p: {o["code"] for o in _all(api_as(p), "organisations")} for p in PERSONAS}
    assert "hoi-dieu-duong" in seen["union_staff"]
    assert seen["officer"] == {"hoi-dieu-duong"} | {
        o.slug for o in Organisation.objects.filter(parent__slug="hoi-dieu-duong")
    }
    assert seen["other_union_staff"] == {"lien-hiep-hoi-khac", "hoi-khac"}
    assert seen["judge"] == set()


@pytest.mark.parametrize(
    ("path", "visible", "key"),
    [
        ("activities", activities_for, "pk"),
        ("critique-cases", cases_for, "pk"),
        ("honours-results", lambda u: nominations_for(u).filter(honoured=True), "pk"),
    ],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_are_those_the_login_sees(api_as, persona, path, visible, key):
    client = api_as(persona)
    ids = {item["id"] for item in _all(client, path)}
    assert ids == set(visible(client.user).values_list(key, flat=True))


def test_other_unions_staff_sees_nothing_of_hoa_an(api_as):
    client = api_as("other_union_staff")
    assert (_all(client, "activities"), _all(client, "critique-cases")) == ([], [])


@pytest.mark.parametrize("path", ["organisations", "activities", "critique-cases", "reports"])
def test_anonymous_is_refused_what_is_not_open_data(api_as, path):
    answer = api_as().get(path)
    assert (answer.status_code, answer.json()) == (401, {"detail": "Unauthorized"})


def test_anonymous_reads_only_the_public_indicators(api_as):
    Indicator.objects.filter(code="activities.workshops").update(public=True)
    answer = api_as().get("indicators", organisation="hoa-an", year=2024).json()
    assert [(i["code"], i["value"], i["target"]) for i in answer["items"]] == [
        ("activities.workshops", 11, 12)
    ]


def test_staff_reads_every_indicator_with_target_and_records(api_as):
    answer = api_as("union_staff").get("indicators", organisation="hoa-an", year=2024).json()
    workshops = next(i for i in answer["items"] if i["code"] == "activities.workshops")
    assert len(answer["items"]) == Indicator.objects.count()
    assert (workshops["value"], workshops["target"], workshops["achievement"]) == (11, 12, 92)
    assert workshops["records"] == 11


def test_anonymous_reads_published_contest_results(api_as):
    rounds = api_as().get("contest-rounds").json()["items"]
    published = next(r for r in rounds if r["state"] == "published")
    results = api_as().get(f"contest-rounds/{published['code']}/results").json()
    assert results["round"] == published["code"]
    assert results["items"] and all(item["prize"] for item in results["items"])


def test_pages_follow_limit_and_offset(api_as):
    client = api_as("union_staff")
    every = _all(client, "organisations")
    second = client.get("organisations", limit=5, offset=5).json()
    assert (second["count"], second["items"]) == (len(every), every[5:10])


def test_filters_by_year_and_organisation(api_as):
    client = api_as("union_staff")
    found = _all(client, "activities", year=2024, organisation="hoa-an")
    assert found and {(a["start_date"][:4], a["organiser"]) for a in found} == {("2024", "hoa-an")}


def test_etag_answers_not_modified(api_as):
    client = api_as("union_staff")
    first = client.get("organisations")
    client.headers["If-None-Match"] = first["ETag"]
    again = client.get("organisations")
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"])


def test_rate_limit_per_token(api_as, settings):
    settings.API_RATE = "3/m"
    from django.core.cache import cache

    cache.clear()
    client, other = api_as("union_staff"), api_as("leader")
    codes = [client.get("organisations", limit=1).status_code for _ in range(4)]
    assert (codes, other.get("organisations", limit=1).status_code) == ([200, 200, 200, 429], 200)
    cache.clear()


def test_openapi_document_is_in_vietnamese(api_as):
    document = api_as().get("openapi.json").json()
    assert document["info"]["title"] == "API Liên hiệp các Hội Khoa học và Kỹ thuật"
    assert document["paths"]["/api/v1/activities"]["get"]["summary"] == "Hoạt động"
