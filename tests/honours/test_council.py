"""Staff seat the honours council with the people chooser; voting opens only before a seated one."""

from datetime import date

import pytest
from django.urls import reverse

from lienhiep.directory import roles
from lienhiep.directory.choosers import person_chooser
from lienhiep.honours.enums import RoundState
from lienhiep.honours.models import HonourRound
from tests.dates import in_vietnamese
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(demo):
    return HonourRound.objects.create(
        union=demo, number=5, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 6, 30)
    )


def with_login(union, given):
    person = make_person(union, "Trần", "Văn", given)
    person.account = make_user(roles.EXPERT)
    person.save()
    return person


def shown(response):
    return [str(m) for m in response.context["messages"]]


def test_staff_seat_the_council_and_its_chair_on_the_round_screen(client, personas, round):
    client.force_login(personas["union_staff"])
    url = reverse("honours_round_process", args=[round.pk])
    page = client.get(url).content.decode()
    assert reverse(f"{person_chooser.name}:choose") in page
    first, second = with_login(round.union, "An"), with_login(round.union, "Bình")
    client.post(url, {"action": "seat", "person": first.pk, "chair": "on"}, follow=True)
    client.post(url, {"action": "seat", "person": second.pk, "chair": "on"}, follow=True)
    assert list(round.council.order_by("pk").values_list("person__given_name", "chair")) == [
        ("An", False),
        ("Bình", True),
    ]
    member = round.council.get(person=first)
    client.post(url, {"action": "unseat", "member": member.pk}, follow=True)
    assert list(round.council.values_list("person__given_name", flat=True)) == ["Bình"]


def test_a_person_without_a_login_is_sent_to_the_invitation(client, personas, round):
    client.force_login(personas["union_staff"])
    url = reverse("honours_round_process", args=[round.pk])
    person = make_person(round.union, "Trần", "Thị", "Cúc")
    response = client.post(url, {"action": "seat", "person": person.pk}, follow=True)
    message = in_vietnamese("%(name)s has no login; a council member needs one to vote.")
    invite = reverse("directory_account_invite")
    [said] = shown(response)
    assert said.startswith(message % {"name": person}) and f'href="{invite}"' in said
    assert f'href="{invite}"' in response.content.decode()
    assert round.council.count() == 0


def test_the_screen_refuses_to_open_voting_before_an_empty_council(client, personas, round):
    client.force_login(personas["union_staff"])
    url = reverse("honours_round_process", args=[round.pk])
    response = client.post(url, {"action": "close_review"}, follow=True)
    assert shown(response) == [
        in_vietnamese("Seat the council before voting opens: it has no member yet.")
    ]
    round.refresh_from_db()
    assert round.state == RoundState.OPEN
