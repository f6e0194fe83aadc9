"""The public entry form keeps invisible characters out of the records (and so out of the
staff's exports), and refuses a title of nothing else."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from lienhiep.contests.models import Entry
from lienhiep.core.text import INVISIBLE_ONLY

from .test_screens import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_visitor_title_loses_its_control_and_bidi_characters(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    data = form_data(
        youth_round,
        title="Chậu\x1b cây\u202e tự tưới\u200b",
        **{
            "authors-0-name": "Trần\u2066 Bảo Ngọc",
        },
    )
    assert client.post(url, data).status_code == 302
    entry = Entry.objects.get(round=youth_round)
    assert (entry.title, entry.authors.first().name) == ("Chậu cây tự tưới", "Trần Bảo Ngọc")


def test_a_title_of_only_invisible_characters_is_refused(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    page = client.post(url, form_data(youth_round, title="\u200b\u202e\u200b")).content.decode()
    assert str(INVISIBLE_ONLY) in page
    assert not Entry.objects.filter(round=youth_round).exists()
