"""Publishing results refreshes the public site; a command that fails half-way leaves nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, PrizeLevel, RoundState
from lienhiep.contests.models import ContestRound
from lienhiep.website import caching

pytestmark = pytest.mark.django_db


def _cached_home(client):
    caching.invalidate()
    client.get("/")
    return caching.lookup(RequestFactory().get("/"))


def test_publishing_results_empties_the_public_page_cache(
    client, youth_round, staff, django_capture_on_commit_callbacks
):
    ContestRound.objects.filter(pk=youth_round.pk).update(state=RoundState.AWARDED)
    youth_round.refresh_from_db()
    assert _cached_home(client) is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_results(round=youth_round, user=staff, on=date(2026, 6, 1))
    assert caching.lookup(RequestFactory().get("/")) is None
    assert youth_round.results_published_on == date(2026, 6, 1)


def test_a_refused_publication_keeps_the_cache(
    client, youth_round, staff, django_capture_on_commit_callbacks
):
    assert _cached_home(client) is not None
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.publish_results(round=youth_round, user=staff)  # still open for entries
    assert caching.lookup(RequestFactory().get("/")) is not None


class LogFailed(Exception):
    pass


def _failing_log(*args, **kwargs):
    raise LogFailed


def test_a_prize_whose_log_fails_is_not_saved(demo, staff, monkeypatch):
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    ContestRound.objects.filter(pk=round.pk).update(state=RoundState.JUDGING)
    round.refresh_from_db()
    entry = round.entries.filter(prize=PrizeLevel.FIRST).get()
    monkeypatch.setattr("lienhiep.contests.services.prizes.log", _failing_log)
    with pytest.raises(LogFailed):
        services.set_prize(entry=entry, level="", user=staff)
    entry.refresh_from_db()
    assert entry.prize == PrizeLevel.FIRST


def test_a_forwarding_whose_log_fails_is_not_saved(demo, staff, monkeypatch):
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    entry = round.entries.filter(eligible=True, forwarded=False).order_by("code").first()
    monkeypatch.setattr("lienhiep.contests.services.national.log", _failing_log)
    with pytest.raises(LogFailed):
        services.forward(entry=entry, user=staff)
    entry.refresh_from_db()
    assert entry.forwarded is False
