"""Writes go through the screens' forms and import: a batch is saved whole or not at all."""

from lienhiep.activities.models import Activity
from lienhiep.directory.models import MemberCount
from lienhiep.plans.models import ReportedValue

VALUE = {
    "indicator": "community.scholarships",
    "organisation": "hoa-an",
    "year": 2031,
    "value": "12",
    "source": "Báo cáo số 5/BC-LHH",
}


def test_reported_values_are_saved_with_their_source(api_as):
    answer = api_as("union_staff").post("reported-values", {"items": [VALUE]})
    saved = ReportedValue.objects.get(year=2031, organisation__slug="hoa-an")
    assert (answer.status_code, answer.json()) == (200, {"saved": 1})
    assert (saved.value, saved.source, saved.indicator.code) == (
        12,
        "Báo cáo số 5/BC-LHH",
        "community.scholarships",
    )


def test_a_bad_item_saves_none_and_is_named(api_as):
    items = [VALUE, {**VALUE, "organisation": "hoi-dieu-duong", "source": ""}]
    answer = api_as("union_staff").post("reported-values", {"items": items})
    assert answer.status_code == 400
    assert {(p["item"], p["field"]) for p in answer.json()["problems"]} == {(2, "Nguồn số liệu")}
    assert answer.json()["problems"][0]["message"].startswith("Mục 2, Nguồn số liệu: ")
    assert ReportedValue.objects.filter(year=2031).count() == 0


def test_an_organisation_out_of_scope_is_refused(api_as):
    answer = api_as("other_union_staff").post("reported-values", {"items": [VALUE]})
    assert answer.status_code == 400
    assert [(p["item"], p["field"]) for p in answer.json()["problems"]] == [(1, "Tổ chức")]
    assert ReportedValue.objects.filter(year=2031).count() == 0


def test_a_leader_may_not_write(api_as):
    answer = api_as("leader").post("reported-values", {"items": [VALUE]})
    assert answer.status_code == 403
    assert ReportedValue.objects.filter(year=2031).count() == 0


def test_member_counts_are_saved_and_replaced(api_as):
    client = api_as("union_staff")
    item = {"organisation": "hoi-dieu-duong", "year": 2031, "members": 410, "source": "Báo cáo"}
    client.post("member-counts", {"items": [item]})
    answer = client.post("member-counts", {"items": [{**item, "members": 420}]})
    counts = MemberCount.objects.filter(year=2031).values_list("organisation__slug", "members")
    assert (answer.status_code, list(counts)) == (200, [("hoi-dieu-duong", 420)])


ACTIVITY = {
    "kind": "hoi-thao",
    "title": "Hội thảo qua API",
    "start_date": "2031-03-02",
    "organiser": "hoa-an",
    "participants_count": 40,
}


def test_activities_are_recorded_through_the_import(api_as):
    answer = api_as("union_staff").post("activities", {"items": [ACTIVITY]})
    saved = Activity.objects.get(title="Hội thảo qua API")
    assert (answer.status_code, answer.json()) == (200, {"created": 1, "updated": 0})
    assert (saved.organiser.slug, saved.participants_count, saved.state) == ("hoa-an", 40, "held")


def test_a_bad_activity_saves_none(api_as):
    items = [ACTIVITY, {**ACTIVITY, "title": "Thứ hai", "kind": "khong-co"}]
    answer = api_as("union_staff").post("activities", {"items": items})
    assert answer.status_code == 400
    assert [(p["item"], p["field"]) for p in answer.json()["problems"]] == [(2, "Loại hoạt động")]
    assert Activity.objects.filter(start_date__year=2031).count() == 0
