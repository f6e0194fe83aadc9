"""Activity kinds: those shared by every union are the federation staff's; a union's staff keep
their own union's kinds, which that union alone sees, records and imports."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.activities import importing
from lienhiep.activities.enums import ActivityState
from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.core.indicators import measure_for
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans.enums import Method
from lienhiep.plans.models import Indicator
from tests.activities.test_activities import workbook
from tests.factories import make_org
from tests.refusals import refused

pytestmark = pytest.mark.django_db

NEW_KIND = {"name": "Sinh hoạt thử", "slug": "sinh-hoat-thu", "unit": "buổi", "order": 9}
SHARED_REFUSED = "Hãy chọn liên hiệp hội của bạn"


@pytest.fixture
def other_union(personas):
    vusta = Organisation.objects.get(slug="vusta")
    union = make_org("Liên hiệp hội tỉnh Khác", kind=OrganisationKind.UNION, parent=vusta)
    kind = ActivityKind.objects.create(name="Hội chợ nông sản", slug="hoi-cho", union=union)
    return kind


def own_kind(demo, **fields):
    return ActivityKind.objects.create(
        name="Tư vấn sở hữu trí tuệ", slug="tu-van-shtt", unit="hồ sơ", union=demo, **fields
    )


def test_union_staff_cannot_add_change_or_delete_a_shared_kind(client, personas):
    kind = ActivityKind.objects.get(slug="hoi-thao")
    client.force_login(personas["union_staff"])
    response = client.post(reverse("activities_kind:add"), NEW_KIND)
    assert SHARED_REFUSED in response.content.decode()
    assert refused(client, reverse("activities_kind:edit", args=[kind.pk]), {**NEW_KIND})
    assert refused(client, reverse("activities_kind:delete", args=[kind.pk]))
    kind.refresh_from_db()
    assert (kind.name, ActivityKind.objects.filter(slug="sinh-hoat-thu").exists()) == (
        "Hội thảo khoa học",
        False,
    )


def test_union_staff_add_a_kind_of_their_union_with_its_sentence(client, personas, demo):
    client.force_login(personas["union_staff"])
    data = {
        **NEW_KIND,
        "union": demo.pk,
        "report_section": "activities.work",
        "sentence": "Tổ chức {số} buổi sinh hoạt thử.",
    }
    response = client.post(reverse("activities_kind:add"), data)
    assert response.status_code == 302
    kind = ActivityKind.objects.get(slug="sinh-hoat-thu")
    assert (kind.union, kind.report_section, kind.sentence) == (
        demo,
        "activities.work",
        "Tổ chức {số} buổi sinh hoạt thử.",
    )
    client.post(reverse("activities_kind:edit", args=[kind.pk]), {**data, "unit": "lần"})
    kind.refresh_from_db()
    assert kind.unit == "lần"


def test_union_staff_never_see_nor_change_another_unions_kind(client, personas, other_union):
    client.force_login(personas["union_staff"])
    html = client.get(reverse("activities_kind:index")).content.decode()
    assert ("Hội thảo khoa học" in html, other_union.name in html) == (True, False)
    assert refused(client, reverse("activities_kind:edit", args=[other_union.pk]), NEW_KIND)
    assert refused(client, reverse("activities_kind:delete", args=[other_union.pk]))
    assert client.get(reverse("activities_kind:inspect", args=[other_union.pk])).status_code == 404
    assert ActivityKind.objects.get(pk=other_union.pk).name == "Hội chợ nông sản"


def test_union_staff_cannot_give_a_kind_to_another_union(client, personas, other_union):
    client.force_login(personas["union_staff"])
    data = {**NEW_KIND, "union": other_union.union_id}
    response = client.post(reverse("activities_kind:add"), data)
    assert response.status_code == 200
    assert not ActivityKind.objects.filter(slug="sinh-hoat-thu").exists()


def test_the_activity_form_offers_shared_kinds_and_the_unions_own(
    client, personas, demo, other_union
):
    kind = own_kind(demo)
    shared = set(ActivityKind.objects.filter(union=None).values_list("name", flat=True))
    for persona in ("union_staff", "officer"):
        client.force_login(personas[persona])
        form = client.get(reverse("activities_activity:add")).context["form"]
        offered = set(form.fields["kind"].queryset.values_list("name", flat=True))
        assert offered == shared | {kind.name}


def test_the_import_refuses_another_unions_kind_and_lists_only_usable_ones(
    client, personas, demo, other_union
):
    own_kind(demo)
    client.force_login(personas["union_staff"])
    book = load_workbook(BytesIO(client.get(reverse("activities_import_template")).content))
    listed = {row[0] for row in book["Loại hoạt động"].iter_rows(min_row=2, values_only=True)}
    assert ("Tư vấn sở hữu trí tuệ" in listed, "Hội chợ nông sản" in listed) == (True, False)
    row = {
        "Loại hoạt động": "hoi-cho",
        "Tên hoạt động": "Hội chợ thử",
        "Ngày bắt đầu": "5/3/2025",
        "Mã đơn vị tổ chức": "hoa-an",
    }
    with pytest.raises(importing.ImportFailed) as failed:
        importing.import_activities(content=workbook([row]), user=personas["union_staff"])
    [problem] = failed.value.problems
    assert (problem.header, problem.reason.startswith("“hoi-cho”")) == ("Loại hoạt động", True)
    assert not Activity.objects.filter(title="Hội chợ thử").exists()


def test_union_staff_still_see_the_kinds(client, personas):
    client.force_login(personas["union_staff"])
    response = client.get(reverse("activities_kind:index"))
    assert response.status_code == 200
    assert "Hội thảo" in response.content.decode()


def test_federation_staff_add_a_shared_kind(client, personas):
    client.force_login(personas["federation"])
    response = client.post(reverse("activities_kind:add"), NEW_KIND)
    assert response.status_code == 302
    assert ActivityKind.objects.get(slug="sinh-hoat-thu").union is None


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


def test_a_unions_kind_counts_only_its_held_activities(personas, demo):
    kind = own_kind(demo)
    workshop = ActivityKind.objects.get(slug="hoi-thao")
    rows = [
        (kind, ActivityState.HELD),
        (kind, ActivityState.HELD),
        (kind, ActivityState.PLANNED),
        (workshop, ActivityState.HELD),
    ]
    for n, (of, state) in enumerate(rows):
        Activity.objects.create(
            kind=of,
            title=f"Hoạt động {n}",
            start_date=date(2024, 4, n + 1),
            organiser=demo,
            state=state,
        )
    measure = measure_for("activities.kind-tu-van-shtt")
    assert sorted(measure.records(2024).values_list("title", flat=True)) == [
        "Hoạt động 0",
        "Hoạt động 1",
    ]


def test_a_unions_own_kind_is_not_on_another_unions_dashboard(client, personas, demo, other_union):
    kind = own_kind(demo)
    client.force_login(personas["union_staff"])
    panel = client.get(reverse("wagtailadmin_home"), {"year": 2024}).content.decode()
    assert (kind.name in panel, other_union.name in panel) == (True, False)
