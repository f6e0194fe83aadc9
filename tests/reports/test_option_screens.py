"""The report's options are kept on the screens: an organisation counted apart on the registry
form, the bulletin's name on the journal page's settings, a return's charity on its form."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from lienhiep.website.models import JournalIndexPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_staff_count_an_organisation_apart_on_the_registry_form(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    org = Organisation.objects.get(slug="hoi-khuyen-hoc")
    url = reverse("directory_organisation:edit", args=[org.pk])
    assert "Tính riêng số hội viên" in client.get(url).content.decode()
    data = {
        "name": org.name,
        "slug": org.slug,
        "kind": org.kind,
        "parent": org.parent_id,
        "status": org.status,
        "term_years": 5,
        "bloc": org.bloc_id,
        "abbreviation": org.abbreviation,
        "counted_apart": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    org.refresh_from_db()
    assert org.counted_apart is True


def test_the_bulletin_is_named_on_the_journal_page(client, demo):
    client.force_login(make_user(roles.UNION_LEADER, demo))
    page = JournalIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Tên tập san hoặc bản tin" in client.get(url).content.decode()
    data = {
        "title": page.title,
        "slug": page.slug,
        "journal_name": "Bản tin Khoa học và Công nghệ Hòa An",
        "intro": rich_text(page.intro or "<p>Tập san</p>"),
        "action-publish": "publish",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = JournalIndexPage.objects.get()
    assert page.journal_name == "Bản tin Khoa học và Công nghệ Hòa An"


def test_an_officer_enters_the_charity_on_the_yearly_return(client, demo):
    association = Organisation.objects.get(slug="hoi-xay-dung")
    client.force_login(make_user(roles.OFFICER, association))
    yearly_return = YearlyReturn.objects.get(organisation=association, year=2024)
    assert yearly_return.state == ReturnState.DRAFT
    url = reverse("plans_yearlyreturn:edit", args=[yearly_return.pk])
    data = {
        "organisation": association.pk,
        "year": 2024,
        "deadline": "15/01/2025",
        "members": 300,
        "research_projects": 1,
        "technology_transfers": 0,
        "charity": 25_000_000,
        "activities": "Khảo sát công trình xanh",
        "version": yearly_return.version,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    yearly_return.refresh_from_db()
    assert (yearly_return.charity, yearly_return.deadline) == (25_000_000, date(2025, 1, 15))
