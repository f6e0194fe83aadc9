"""Every screen that shows figures has the dashboard's year selector, and remembers the year."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from lienhiep.community.models import Project
from lienhiep.directory.enums import OrganisationKind
from tests.factories import make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(demo):
    centre = make_org(kind=OrganisationKind.SUBORDINATE_UNIT, parent=demo)
    return Project.objects.create(
        title="Dự án chọn năm",
        centre=centre,
        amount=Decimal("1000000"),
        start_date=date(2024, 1, 1),
        places="Xã Thử",
    )


def selector(page):
    """The year selector's form: its hidden values and the year it shows."""
    [form] = re.findall(r'<form method="get" class="year-choice">.*?</form>', page, flags=re.S)
    hidden = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))
    [year] = re.findall(r'name="year" value="(\d+)"', form)
    return hidden, int(year)


def test_the_community_figures_screen_has_the_year_selector(client, personas, project):
    client.force_login(personas["union_staff"])
    url = reverse("community_project_figures", args=[project.pk])
    page = client.get(url, {"year": 2023}).content.decode()
    assert selector(page) == ({}, 2023)
    assert "2023" in page


def test_the_year_chosen_on_the_dashboard_opens_the_figures_screen(client, personas, project, demo):
    client.force_login(personas["union_staff"])
    client.get(reverse("wagtailadmin_home"), {"org": demo.pk, "year": 2022})
    page = client.get(reverse("community_project_figures", args=[project.pk])).content.decode()
    assert selector(page) == ({}, 2022)


def test_the_records_page_keeps_its_organisation_when_the_year_changes(client, personas, demo):
    client.force_login(personas["union_staff"])
    url = reverse("plans_figure_records", args=["directory.members"])
    page = client.get(url, {"org": demo.pk, "year": 2024}).content.decode()
    assert selector(page) == ({"org": str(demo.pk)}, 2024)


def test_the_national_table_has_the_same_selector(client, personas):
    client.force_login(personas["federation"])
    page = client.get(reverse("plans_national"), {"year": 2024}).content.decode()
    assert selector(page) == ({}, 2024)


def test_a_year_out_of_range_is_not_found(client, personas, project):
    client.force_login(personas["union_staff"])
    url = reverse("community_project_figures", args=[project.pk])
    assert client.get(url, {"year": 99999}).status_code == 404
    assert client.get(url, {"year": "abc"}).status_code == 404


def test_figures_screens_open_on_the_latest_year_with_records_not_the_calendar_year(
    client, personas, demo
):
    """The demo's records end in 2024: the national table and a figure's records open there,
    as the dashboard does, whatever today's year is (the dashboard's one rule)."""
    from lienhiep.directory.years import latest_year_with_records

    assert latest_year_with_records(demo) == 2024 < date.today().year
    client.force_login(personas["federation"])
    assert selector(client.get(reverse("plans_national")).content.decode())[1] == 2024
    client.force_login(personas["union_staff"])
    url = reverse("plans_figure_records", args=["directory.members"])
    assert selector(client.get(url, {"org": demo.pk}).content.decode())[1] == 2024
