"""The activity kinds every union shares: only the federation's staff (and superusers) change
them; union staff read them."""

import pytest
from django.urls import reverse

from lienhiep.activities.models import ActivityKind
from lienhiep.plans.enums import Method
from lienhiep.plans.models import Indicator
from tests.refusals import refused

pytestmark = pytest.mark.django_db

NEW_KIND = {"name": "Sinh hoạt thử", "slug": "sinh-hoat-thu", "unit": "buổi", "order": 9}


def test_union_staff_cannot_add_change_or_delete_a_shared_kind(client, personas):
    kind = ActivityKind.objects.get(slug="hoi-thao")
    client.force_login(personas["union_staff"])
    assert refused(client, reverse("activities_kind:add"), NEW_KIND)
    assert refused(client, reverse("activities_kind:edit", args=[kind.pk]), {**NEW_KIND})
    assert refused(client, reverse("activities_kind:delete", args=[kind.pk]))
    kind.refresh_from_db()
    assert (kind.name, ActivityKind.objects.filter(slug="sinh-hoat-thu").exists()) == (
        "Hội thảo khoa học",
        False,
    )


def test_union_staff_still_see_the_kinds(client, personas):
    client.force_login(personas["union_staff"])
    response = client.get(reverse("activities_kind:index"))
    assert response.status_code == 200
    assert "Hội thảo" in response.content.decode()


def test_federation_staff_add_a_shared_kind(client, personas):
    client.force_login(personas["federation"])
    response = client.post(reverse("activities_kind:add"), NEW_KIND)
    assert response.status_code == 302
    assert ActivityKind.objects.get(slug="sinh-hoat-thu").name == "Sinh hoạt thử"


def test_a_kind_staff_add_has_its_computed_indicator_at_once(client, personas):
    client.force_login(personas["federation"])
    client.post(reverse("activities_kind:add"), NEW_KIND)
    indicator = Indicator.objects.get(code="activities.kind-sinh-hoat-thu")
    assert (indicator.name, indicator.unit, indicator.method) == (
        "Sinh hoạt thử",
        "buổi",
        Method.COMPUTED,
    )
    assert not Indicator.objects.filter(code="activities.kind-hoi-thao").exists()
