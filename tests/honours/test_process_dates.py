"""The round screen reads its dates with the one ``core.formatting.parse_date``."""

from datetime import date

import pytest
from django.urls import reverse

from lienhiep.honours.enums import RoundState
from lienhiep.honours.models import HonourRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted(demo):
    return HonourRound.objects.create(
        union=demo,
        number=4,
        year=2026,
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 6, 30),
        state=RoundState.VOTED,
    )


def _propose(client, round, day):
    url = reverse("honours_round_process", args=[round.pk])
    data = {"action": "propose", "number": "12/TTr-LHH", "on": day}
    return client.post(url, data, follow=True)


def test_proposal_date_is_read_without_leading_zeros(client, personas, voted):
    client.force_login(personas["union_staff"])
    _propose(client, voted, " 1/9/2026 ")
    voted.refresh_from_db()
    assert (voted.state, voted.proposal_date) == (RoundState.PROPOSED, date(2026, 9, 1))


@pytest.mark.parametrize("day", ["2026-02-30", "29/02/2026"])
def test_proposal_date_that_is_no_day_is_refused_in_vietnamese(client, personas, voted, day):
    client.force_login(personas["union_staff"])
    response = _propose(client, voted, day)
    voted.refresh_from_db()
    assert voted.state == RoundState.VOTED
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [f"“{day}” không phải là ngày viết theo dạng dd/mm/yyyy"]
