"""The usage, history-results and listing-results views of a scoped viewset honour the scope."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from lienhiep.directory.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, personas):
    client.force_login(personas["officer"])
    return personas["officer"]


def _get(client, name, org):
    return client.get(reverse(f"directory_organisation:{name}", args=[org.pk]))


@pytest.mark.parametrize("name", ["usage", "history_results"])
def test_officer_guessing_another_associations_partial_gets_404(client, officer, name):
    other = Organisation.objects.get(slug="hoi-luat-gia")
    assert _get(client, name, other).status_code == 404


def test_usage_of_the_officers_own_association_is_shown(client, officer):
    own = Organisation.objects.get(slug="hoi-dieu-duong")
    assert _get(client, "usage", own).context["object"] == own


def test_history_results_list_who_edited_the_own_association(client, officer):
    own = Organisation.objects.get(slug="hoi-dieu-duong")
    assert (
        "Không có mục nhật ký nào để hiển thị."
        in _get(client, "history_results", own).content.decode()
    )
    log(own, "wagtail.edit", user=officer)
    html = _get(client, "history_results", own).content.decode()
    assert officer.get_username() in html
    assert "Không có mục nhật ký nào để hiển thị." not in html


def test_listing_results_hold_only_the_officers_association(client, officer):
    response = client.get(reverse("directory_organisation:index_results"), {"q": "hoi"})
    assert [o.slug for o in response.context["object_list"]] == ["hoi-dieu-duong"]
