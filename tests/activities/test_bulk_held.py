"""Marking a selection of planned activities held from the activities list."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.activities import services
from lienhiep.activities.enums import ActivityState
from lienhiep.activities.models import Activity, ActivityKind
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def planned(organiser, count, state=ActivityState.PLANNED):
    kind = ActivityKind.objects.get(slug="hoi-thao")
    return [
        Activity.objects.create(
            kind=kind,
            title=f"Hội thảo chọn {n}",
            start_date=date(2024, 5, n + 1),
            organiser=organiser,
            state=state,
        )
        for n in range(count)
    ]


def bulk_url(activities):
    ids = "&".join(f"id={a.pk}" for a in activities)
    url = reverse("wagtail_bulk_action", args=["activities", "activity", "held"])
    return f"{url}?{ids}&next={reverse('activities_activity:index')}"


def states(activities):
    return [Activity.objects.get(pk=a.pk).state for a in activities]


def test_marking_a_selection_held_changes_and_logs_each(personas, demo):
    chosen = planned(demo, 3)
    assert services.mark_held(activities=chosen, user=personas["union_staff"]) == 3
    assert states(chosen) == [ActivityState.HELD] * 3
    logged = ModelLogEntry.objects.filter(
        action="activities.activity.held", object_id__in=[str(a.pk) for a in chosen]
    )
    assert logged.count() == 3


def test_one_cancelled_activity_refuses_the_selection_and_is_named(personas, demo):
    chosen = planned(demo, 2) + planned(demo, 1, state=ActivityState.CANCELLED)
    with pytest.raises(ValidationError) as refused:
        services.mark_held(activities=chosen, user=personas["union_staff"])
    message = refused.value.messages[0]
    assert "Hội thảo chọn 0 (01/05/2024): hoạt động không ở trạng thái dự kiến" in message
    assert message.count("Hội thảo chọn") == 1
    assert states(chosen) == [ActivityState.PLANNED] * 2 + [ActivityState.CANCELLED]


def test_a_leader_cannot_mark_activities_held(personas, demo):
    chosen = planned(demo, 1)
    with pytest.raises(ValidationError, match="bạn không có quyền thay đổi"):
        services.mark_held(activities=chosen, user=personas["leader"])
    assert states(chosen) == [ActivityState.PLANNED]


def test_the_activities_list_offers_the_held_action(client, personas, demo):
    client.force_login(personas["union_staff"])
    page = client.get(reverse("activities_activity:index")).content.decode()
    assert "data-bulk-action-checkbox" in page
    assert reverse("wagtail_bulk_action", args=["activities", "activity", "held"]) in page


def test_the_bulk_screen_marks_the_selection_held_with_the_count(client, personas, demo):
    chosen = planned(demo, 3)
    client.force_login(personas["union_staff"])
    assert all(a.title in client.get(bulk_url(chosen)).content.decode() for a in chosen)
    response = client.post(bulk_url(chosen), follow=True)
    assert "Đã đánh dấu 03 hoạt động là đã tổ chức." in response.content.decode()
    assert states(chosen) == [ActivityState.HELD] * 3


def test_an_activity_out_of_scope_refuses_the_selection(client, personas, demo):
    mine = planned(demo, 2)
    theirs = planned(make_org(name="Liên hiệp khác"), 1)
    client.force_login(personas["union_staff"])
    page = client.post(bulk_url(mine + theirs), follow=True).content.decode()
    assert "không tìm thấy 01 bản ghi trong số đã chọn." in page
    assert states(mine + theirs) == [ActivityState.PLANNED] * 3


def test_all_in_the_listing_means_the_filtered_listing(client, personas, demo):
    chosen = planned(demo, 3)
    Activity.objects.filter(pk=chosen[2].pk).update(start_date=date(2031, 1, 1))
    client.force_login(personas["union_staff"])
    url = reverse("wagtail_bulk_action", args=["activities", "activity", "held"])
    query = "id=all&year=2024&state=planned&q=hoi+thao+chon"
    response = client.post(f"{url}?{query}", follow=True)
    assert "Đã đánh dấu 02 hoạt động là đã tổ chức." in response.content.decode()
    assert states(chosen) == [ActivityState.HELD] * 2 + [ActivityState.PLANNED]
