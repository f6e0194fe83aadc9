"""Staff record the consent given on paper with a paper entry: the date and the scanned form."""

import pytest
from django.urls import reverse

from lienhiep.contests.models import Entry
from lienhiep.privacy.enums import ConsentGiver
from tests.contests.conftest import png, union_staff

pytestmark = pytest.mark.django_db


def paper_data(round, **extra):
    return {
        "title": "Bình tưới nhỏ giọt",
        "field": round.fields.first().pk,
        "description": "Bình tưới nhỏ giọt từ chai nhựa.",
        "resides": "on",
        "authors-TOTAL_FORMS": "1",
        "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "1",
        "authors-MAX_NUM_FORMS": "10",
        "authors-0-name": "Vi Thị Hoa",
        "authors-0-birth_date": "01/02/2015",
        **extra,
    }


def test_a_paper_entry_keeps_the_signed_consent_form(client, youth_round):
    client.force_login(union_staff(youth_round.contest.union))
    url = reverse("contests_paper_entry", args=[youth_round.pk])
    page = client.post(url, paper_data(youth_round, paper_consent="on")).content.decode()
    assert "Hãy ghi ngày ký phiếu đồng ý." in page
    assert not Entry.objects.filter(round=youth_round).exists()
    scan = png("phieu-dong-y.png")
    data = paper_data(
        youth_round,
        paper_consent="on",
        paper_publish_consent="on",
        paper_consent_on="15/03/2026",
        paper_consent_form=scan,
    )
    assert client.post(url, data).status_code == 302
    author = Entry.objects.get(round=youth_round).authors.get()
    assert (author.consent_by, author.paper_consent_on.isoformat(), author.publish_consent) == (
        ConsentGiver.PAPER,
        "2026-03-15",
        True,
    )
    assert author.consent_notice is None
    assert author.paper_consent_form.name.startswith("consent/author/phieu-dong-y")
    assert author.paper_consent_form.storage.exists(author.paper_consent_form.name)
    scan_url = author.paper_consent_form.url
    answer = client.get(scan_url)  # the round's staff open the scan
    assert b"".join(answer.streaming_content).startswith(b"\x89PNG")
    author.paper_consent_form.delete(save=False)
    client.logout()
    assert client.get(scan_url).status_code == 404  # nobody else
