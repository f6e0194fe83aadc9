"""Accepting a selection of submitted yearly returns from the returns list."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.directory.models import MemberCount
from lienhiep.plans import services
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def submitted(parent, count, year=2023):
    made = []
    for n in range(count):
        organisation = make_org(parent=parent)
        made.append(
            YearlyReturn.objects.create(
                organisation=organisation,
                year=year,
                deadline=date(year + 1, 1, 15),
                members=100 + n,
                state=ReturnState.SUBMITTED,
            )
        )
    return made


def bulk_url(returns, next_url=""):
    ids = "&".join(f"id={r.pk}" for r in returns)
    url = reverse("wagtail_bulk_action", args=["plans", "yearlyreturn", "accept"])
    return f"{url}?{ids}&next={next_url}"


def states(returns):
    return [YearlyReturn.objects.get(pk=r.pk).state for r in returns]


def test_accepting_a_selection_accepts_each_and_logs_each(personas, demo):
    returns = submitted(demo, 3)
    done = services.accept_returns(returns=returns, user=personas["union_staff"])
    assert done == 3
    assert states(returns) == [ReturnState.ACCEPTED] * 3
    assert [
        MemberCount.objects.get(organisation=r.organisation, year=2023).members for r in returns
    ] == [100, 101, 102]
    logged = ModelLogEntry.objects.filter(
        action="plans.return.accepted", object_id__in=[str(r.pk) for r in returns]
    )
    assert logged.count() == 3


def test_one_return_not_submitted_refuses_the_whole_selection_and_names_it(personas, demo):
    returns = submitted(demo, 3)
    draft = returns[1]
    YearlyReturn.objects.filter(pk=draft.pk).update(state=ReturnState.DRAFT)
    with pytest.raises(ValidationError) as refused:
        fresh = [YearlyReturn.objects.get(pk=r.pk) for r in returns]
        services.accept_returns(returns=fresh, user=personas["union_staff"])
    assert str(draft.organisation) in refused.value.messages[0]
    assert str(returns[0].organisation) not in refused.value.messages[0]
    assert states(returns) == [ReturnState.SUBMITTED, ReturnState.DRAFT, ReturnState.SUBMITTED]


def test_the_returns_list_offers_checkboxes_and_the_accept_action(client, personas, demo):
    submitted(demo, 1)
    client.force_login(personas["union_staff"])
    page = client.get(reverse("plans_yearlyreturn:index")).content.decode()
    assert "data-bulk-action-checkbox" in page
    assert "data-bulk-action-select-all-checkbox" in page
    assert reverse("wagtail_bulk_action", args=["plans", "yearlyreturn", "accept"]) in page


def test_the_bulk_screen_accepts_the_selection_with_the_count(client, personas, demo):
    returns = submitted(demo, 3)
    client.force_login(personas["union_staff"])
    url = bulk_url(returns, reverse("plans_yearlyreturn:index"))
    confirm = client.get(url).content.decode()
    assert all(str(r) in confirm or str(r.organisation) in confirm for r in returns)
    response = client.post(url, follow=True)
    assert "Đã chấp nhận 03 báo cáo năm." in response.content.decode()
    assert states(returns) == [ReturnState.ACCEPTED] * 3


def test_a_return_out_of_scope_refuses_the_selection(client, personas, demo):
    mine = submitted(demo, 2)
    theirs = submitted(make_org(name="Liên hiệp khác"), 1)
    client.force_login(personas["union_staff"])
    response = client.post(
        bulk_url(mine + theirs, reverse("plans_yearlyreturn:index")), follow=True
    )
    assert (
        "Không có thay đổi nào: không tìm thấy 01 bản ghi trong số đã chọn."
        in response.content.decode()
    )
    assert states(mine + theirs) == [ReturnState.SUBMITTED] * 3


def test_an_officer_cannot_accept_even_their_own_return(personas):
    organisation = personas["officer"].scope.organisation
    own = YearlyReturn.objects.create(
        organisation=organisation,
        year=2023,
        deadline=date(2024, 1, 15),
        members=10,
        state=ReturnState.SUBMITTED,
    )
    with pytest.raises(ValidationError) as refused:
        services.accept_returns(returns=[own], user=personas["officer"])
    assert str(organisation) in refused.value.messages[0]
    assert states([own]) == [ReturnState.SUBMITTED]


def test_all_in_the_listing_means_the_filtered_listing(client, personas, demo):
    this_year, other_year = submitted(demo, 2, year=2021), submitted(demo, 1, year=2020)
    client.force_login(personas["union_staff"])
    url = reverse("wagtail_bulk_action", args=["plans", "yearlyreturn", "accept"])
    response = client.post(f"{url}?id=all&year=2021&state=submitted", follow=True)
    assert "Đã chấp nhận 02 báo cáo năm." in response.content.decode()
    assert states(this_year + other_year) == [ReturnState.ACCEPTED] * 2 + [ReturnState.SUBMITTED]
