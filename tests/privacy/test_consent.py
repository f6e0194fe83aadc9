"""Consent on the public entry form: children need their representative, and from 7 their own
consent; consent is recorded with the notice version; winners without consent to publishing are
shown without photo and full name."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from lienhiep.contests import documents
from lienhiep.contests.enums import ContestKind, FileKind, PrizeLevel
from lienhiep.contests.models import ContestRound, Entry, EntryFile
from lienhiep.privacy.consent import ConsentData, consent_problems
from lienhiep.privacy.enums import ConsentGiver, NameRule
from lienhiep.privacy.models import NoticeVersion, PrivacySettings
from tests.contests.conftest import png
from tests.contests.test_screens import consent_data, form_data

pytestmark = pytest.mark.django_db

DEADLINE = date(2026, 12, 31)


@pytest.fixture(autouse=True)
def empty_cache(settings, tmp_path):
    settings.ENTRY_DRAFTS_ROOT = tmp_path / "drafts"
    cache.clear()
    yield
    cache.clear()


def problems(born, **given):
    with translation.override("vi"):
        return consent_problems("Lò Văn Minh", born, DEADLINE, ConsentData(**given))


def test_an_adult_needs_only_the_consent_to_processing():
    assert problems(date(1980, 1, 1)) == ["Lò Văn Minh: thiếu sự đồng ý cho xử lý dữ liệu cá nhân."]
    assert problems(date(1980, 1, 1), processing=True) == []


def test_a_ten_year_old_needs_the_representative_and_their_own_consent():
    assert problems(date(2016, 6, 1), processing=True) == [
        "Lò Văn Minh 10 tuổi: hãy ghi họ tên, quan hệ và cách liên hệ của người đại diện "
        "theo pháp luật.",
        "Lò Văn Minh 10 tuổi: thiếu sự đồng ý của người đại diện theo pháp luật.",
        "Lò Văn Minh 10 tuổi: thiếu sự đồng ý của chính trẻ (bắt buộc từ đủ 7 tuổi).",
    ]
    complete = {
        "processing": True,
        "representative_name": "Lò Văn Thành",
        "representative_relation": "bố",
        "representative_contact": "0912 000 111",
        "representative_consent": True,
        "child_consent": True,
    }
    assert problems(date(2016, 6, 1), **complete) == []


def test_a_six_year_old_needs_no_consent_of_their_own_and_paper_forms_suffice():
    representative = {
        "processing": True,
        "representative_name": "Lò Văn Thành",
        "representative_relation": "bố",
        "representative_contact": "0912 000 111",
        "representative_consent": True,
    }
    assert problems(date(2020, 6, 1), **representative) == []
    assert problems(date(2016, 6, 1), paper_on=date(2026, 3, 1)) == []


def test_the_form_refuses_a_child_without_consent_and_names_the_author(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    data = form_data(youth_round)
    for key in [k for k in data if k.startswith("authors-1-") and "consent" in k]:
        del data[key]
    html = client.post(url, data).content.decode()
    assert not Entry.objects.filter(round=youth_round).exists()
    errors = re.search(r'<div class="form-errors">.*?</div>', html, re.S).group(0)
    assert "Lý Gia Hân: thiếu sự đồng ý cho xử lý dữ liệu cá nhân." in errors
    assert "Lý Gia Hân 13 tuổi: thiếu sự đồng ý của chính trẻ" in errors
    assert "Trần Bảo Ngọc" not in errors


def test_the_form_records_each_consent_with_the_notice_version(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    page = client.get(url).content.decode()
    assert reverse("privacy_notice") in page
    assert 'name="authors-0-consent"' in page and "checked" not in page
    data = {**form_data(youth_round), **consent_data(1)}
    del data["authors-1-publish_consent"]
    assert client.post(url, data).status_code == 302
    first, second = Entry.objects.get(round=youth_round).authors.all()
    notice = NoticeVersion.objects.get(site=Site.objects.get(is_default_site=True))
    assert (first.consent_notice, first.consent_by, first.publish_consent) == (
        notice,
        ConsentGiver.REPRESENTATIVE_AND_CHILD,
        True,
    )
    assert (second.consent_notice, second.publish_consent) == (notice, False)
    assert (second.representative_name, second.representative_relation) == ("Trần Văn Bình", "bố")
    assert second.consented_at is not None


@pytest.fixture
def winner(demo):
    """A winner with a photo in the youth round 12 whose authors did not consent to publishing."""
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    entry = round.entries.filter(prize=PrizeLevel.FIRST).first()
    EntryFile.objects.create(entry=entry, kind=FileKind.PHOTO, file=png("giai-nhat.png"))
    entry.authors.update(publish_consent=False)
    return entry


def test_results_and_yearbook_show_initials_and_no_photo_without_consent(client, winner):
    author = winner.authors.first()
    initials = " ".join(f"{word[0]}." for word in author.name.split())
    html = client.get(reverse("contest_round", args=[winner.round.slug])).content.decode()
    row = re.search(rf'<tr id="{winner.code}">.*?</tr>', html, re.S).group(0)
    assert author.name not in row and initials in row
    groups = documents.yearbook_groups(winner.round)
    row = next(r for g in groups for r in g["entries"] if r["code"] == winner.code)
    assert initials in row["authors"] and author.name not in row["authors"]
    assert row["photo_file"] is None
    winner.authors.update(publish_consent=True)  # with every author's consent: the photo shows
    groups = documents.yearbook_groups(winner.round)
    row = next(r for g in groups for r in g["entries"] if r["code"] == winner.code)
    assert row["photo_file"] is not None and author.name in row["authors"]


def test_the_union_may_hide_the_name_altogether(client, winner):
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.unconsented_names = NameRule.HIDDEN
    settings.save()
    html = client.get(reverse("contest_round", args=[winner.round.slug])).content.decode()
    row = re.search(rf'<tr id="{winner.code}">.*?</tr>', html, re.S).group(0)
    assert re.search(r"<td>—</td>", row)
    assert winner.authors.first().name not in row
