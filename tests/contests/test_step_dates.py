"""Each step of a round, each eligibility decision and each forwarding keeps its own date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lienhiep.contests import services
from lienhiep.contests.enums import EntrySource, RoundState
from lienhiep.contests.models import ContestRound
from tests.dates import before_message, future_message, tomorrow

from .conftest import entry_data, scored_by_a_judge

pytestmark = pytest.mark.django_db


def paper_entry(round, staff):
    data = entry_data(round)
    return services.record_entry(round=round, data=data, source=EntrySource.PAPER, user=staff)


def test_the_steps_of_a_past_year_keep_their_own_dates(youth_round, staff):
    entry = paper_entry(youth_round, staff)
    services.review_entry(entry=entry, eligible=True, user=staff, on=date(2026, 3, 2))
    services.start_judging(round=youth_round, user=staff, on=date(2026, 4, 1))
    scored_by_a_judge(youth_round, entry)
    services.approve_prizes(round=youth_round, user=staff, number="01/QĐ-BTC", on=date(2026, 5, 2))
    services.publish_results(round=youth_round, user=staff, on=date(2026, 5, 10))
    services.forward(entry=entry, user=staff, on=date(2026, 5, 20))
    services.close_round(round=youth_round, user=staff, on=date(2026, 6, 1))
    round = ContestRound.objects.get(pk=youth_round.pk)
    entry.refresh_from_db()
    assert [
        round.opened_on,
        entry.reviewed_on,
        round.judging_started_on,
        round.awarded_on,
        round.results_published_on,
        entry.forwarded_on,
        round.closed_on,
    ] == [
        date(2026, 1, 1),
        date(2026, 3, 2),
        date(2026, 4, 1),
        date(2026, 5, 2),
        date(2026, 5, 10),
        date(2026, 5, 20),
        date(2026, 6, 1),
    ]
    assert round.state == RoundState.CLOSED


def test_a_step_in_the_future_or_before_the_step_before_is_refused(youth_round, staff):
    entry = paper_entry(youth_round, staff)
    with pytest.raises(ValidationError) as early:
        services.review_entry(entry=entry, eligible=True, user=staff, on=date(2025, 12, 31))
    assert early.value.messages == [before_message(date(2025, 12, 31), date(2026, 1, 1))]
    services.review_entry(entry=entry, eligible=True, user=staff, on=date(2026, 3, 2))
    with pytest.raises(ValidationError) as before:
        services.start_judging(round=youth_round, user=staff, on=date(2026, 3, 1))
    assert before.value.messages == [before_message(date(2026, 3, 1), date(2026, 3, 2))]
    with pytest.raises(ValidationError) as future:
        services.start_judging(round=youth_round, user=staff, on=tomorrow())
    assert future.value.messages == [future_message()]
    youth_round.refresh_from_db()
    assert (youth_round.state, youth_round.judging_started_on) == (RoundState.OPEN, None)


def test_the_round_screen_dates_a_step_with_the_date_written(client, youth_round, staff):
    entry = paper_entry(youth_round, staff)
    client.force_login(staff)
    url = reverse("contests_round_process", args=[youth_round.pk])
    assert 'name="on"' in client.get(url).content.decode()
    review = {"action": "review", "entry": entry.pk, "eligible": "yes", "on": "02/03/2026"}
    client.post(url, review, follow=True)
    response = client.post(url, {"action": "start_judging", "on": "01/03/2026"}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [before_message(date(2026, 3, 1), date(2026, 3, 2))]
    client.post(url, {"action": "start_judging", "on": "03/03/2026"})
    youth_round.refresh_from_db()
    entry.refresh_from_db()
    assert (entry.reviewed_on, youth_round.judging_started_on) == (
        date(2026, 3, 2),
        date(2026, 3, 3),
    )


def test_judges_are_chosen_with_the_people_chooser_and_need_a_login(client, youth_round, staff):
    from lienhiep.directory.choosers import person_chooser
    from tests.dates import in_vietnamese
    from tests.factories import make_person, make_user

    entry = paper_entry(youth_round, staff)
    services.review_entry(entry=entry, eligible=True, user=staff, on=date(2026, 3, 2))
    services.start_judging(round=youth_round, user=staff, on=date(2026, 4, 1))
    client.force_login(staff)
    url = reverse("contests_round_judging", args=[youth_round.pk])
    assert reverse(f"{person_chooser.name}:choose") in client.get(url).content.decode()
    nobody = make_person(youth_round.contest.union, "Trịnh", "Văn", "Vũ")
    data = {"action": "add_judge", "field": entry.field.pk, "person": nobody.pk}
    response = client.post(url, data, follow=True)
    [said] = [str(m) for m in response.context["messages"]]
    message = in_vietnamese("%(name)s has no login; a judge needs one to score.")
    invite = reverse("directory_account_invite")
    assert said.startswith(message % {"name": nobody}) and f'href="{invite}"' in said
    nobody.account = make_user()
    nobody.save()
    client.post(url, data, follow=True)
    assert list(youth_round.judges.values_list("person", flat=True)) == [nobody.pk]
