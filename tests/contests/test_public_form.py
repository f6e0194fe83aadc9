"""The public entry form: errors listed and marked, files kept across a mistake, 1 to 5 authors."""

import io
import os
import re
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from lienhiep.contests import drafts
from lienhiep.contests.enums import FileKind
from lienhiep.contests.models import Entry
from lienhiep.contests.public_form import fragment_key
from tests.counting import calls

from .conftest import png
from .test_screens import form_data

pytestmark = pytest.mark.django_db


def vi(message):
    """A message as the site shows it (in Vietnamese once the catalogue has it)."""
    with translation.override("vi"):
        return translation.gettext(message)


@pytest.fixture(autouse=True)
def empty_cache(settings, tmp_path):
    settings.ENTRY_DRAFTS_ROOT = tmp_path / "drafts"
    cache.clear()
    yield
    cache.clear()


def summary(html):
    block = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    return re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', block.group(0)) if block else []


def test_errors_are_listed_at_the_top_and_marked_at_each_field(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    data = form_data(
        youth_round, title="", email="không-phải-thư", **{"authors-1-birth_date": "31/02/2013"}
    )
    html = client.post(url, data).content.decode()
    anchors = [anchor for anchor, _text in summary(html)]
    assert anchors == ["id_title", "id_email", "id_authors-1-birth_date"]
    assert 'aria-invalid="true" aria-describedby="id_title-error"' in html
    assert re.search(r'<p class="error" id="id_title-error">[^<]+</p>', html)
    assert [text for _anchor, text in summary(html)] == [
        "Tên bài dự thi: Trường này là bắt buộc.",
        "Thư điện tử liên hệ: Nhập địa chỉ email.",
        "Tác giả 2: Ngày sinh (ngày/tháng/năm): Nhập một ngày hợp lệ.",
    ]
    assert not Entry.objects.filter(round=youth_round).exists()


def test_files_are_kept_across_a_mistake_and_used_when_the_entry_is_sent(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    first = client.post(url, {**form_data(youth_round, title=""), "photos": [png("mo-hinh.png")]})
    html = first.content.decode()
    assert (
        vi("File %(names)s received; no need to upload it again.") % {"names": "mo-hinh.png"}
        in html
    )
    (token,) = re.findall(r'name="draft" value="([^"]+)"', html)
    folder = drafts.load(token).folder
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "photos-0"]
    again = client.post(url, {**form_data(youth_round, email=""), "draft": token})
    (renewed,) = re.findall(r'name="draft" value="([^"]+)"', again.content.decode())
    assert drafts.load(renewed).key == drafts.load(token).key
    second = client.post(url, {**form_data(youth_round), "draft": token})
    assert second.status_code == 302
    entry = Entry.objects.get(round=youth_round)
    assert [f.kind for f in entry.files.all()] == [FileKind.PHOTO]
    assert not folder.exists()


def test_a_file_that_fails_is_not_kept(client, youth_round, settings):
    url = reverse("contest_round", args=[youth_round.slug])
    bad = png("ghi-chu.exe")
    html = client.post(url, {**form_data(youth_round), "note": bad}).content.decode()
    assert [a for a, _t in summary(html)] == ["id_note"]
    assert 'name="draft"' not in html
    assert not (settings.ENTRY_DRAFTS_ROOT).exists()  # nothing kept, no folder


def test_a_forged_draft_token_gives_nothing(client, youth_round, settings):
    other = drafts.keep(drafts.load(""), {"photos": [png("cua-nguoi-khac.png")]})
    forged = other.token[:-2] + ("AA" if not other.token.endswith("AA") else "BB")
    assert drafts.load(forged).names == {}
    assert drafts.load(other.token).names == {"photos": ["cua-nguoi-khac.png"]}


def test_one_to_five_authors(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    page = client.get(url).content.decode()
    assert 'name="authors-TOTAL_FORMS" value="1"' in page
    assert 'name="authors-MAX_NUM_FORMS" value="5"' in page
    assert "authors-__prefix__-name" in page  # the template the "Add an author" button copies
    six = {f"authors-{n}-name": f"Tác giả {n}" for n in range(6)}
    data = {**form_data(youth_round), **six, "authors-TOTAL_FORMS": "6"}
    html = client.post(url, data).content.decode()
    assert [t for a, t in summary(html) if a == "authors"] == [
        translation.ngettext("Give at most %(num)d author.", "Give at most %(num)d authors.", 5)
        % {"num": 5}
    ]


def test_old_drafts_are_purged(settings):
    young = drafts.keep(drafts.load(""), {"note": png("moi.png")})
    old = drafts.keep(drafts.load(""), {"note": png("cu.png")})
    day_ago = time.time() - drafts.MAX_AGE - 60
    os.utime(old.folder, (day_ago, day_ago))
    out = io.StringIO()
    call_command("purge_entry_drafts", stdout=out)
    assert young.folder.exists() and not old.folder.exists()
    assert "1" in out.getvalue()


def test_the_empty_form_comes_from_the_cache_until_the_round_or_the_language_changes(
    client, youth_round
):
    """The call page keeps its empty form (fields and authors, one template per widget) in the
    shared cache: the same page from the cache, a renamed field drawn again, the English page
    apart, a form sent back with errors never from the cache."""

    def form_of(html):  # its CSRF token (outside the fragment) masked anew each time left out
        form = re.search(r'<form id="entry-form".*?</form>', html, re.S).group(0)
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", form)

    url = reverse("contest_round", args=[youth_round.slug])
    drawn = client.get(url).content.decode()
    assert form_of(client.get(url).content.decode()) == form_of(drawn)
    assert '<template data-author-template><fieldset class="author" data-author>' in drawn
    field = youth_round.fields.first()
    field.name = "Lĩnh vực đổi tên"
    field.save()
    assert "Lĩnh vực đổi tên" in form_of(client.get(url).content.decode())
    fields = list(youth_round.fields.all())
    with translation.override("en"):
        english = fragment_key(youth_round, fields)
    assert english != fragment_key(youth_round, fields) != ""
    sent_back = client.post(url, form_data(youth_round, title="")).content.decode()
    assert 'aria-describedby="id_title-error"' in sent_back
    assert 'aria-describedby="id_title-error"' not in client.get(url).content.decode()


def test_the_empty_form_is_built_only_when_it_is_not_in_the_cache(client, youth_round, monkeypatch):
    """A visitor's call page draws its empty form from the shared cache: the form and its
    authors are not even built then (only the first visit, which draws it, builds them)."""
    from lienhiep.contests.views import public

    forms = calls(monkeypatch, public, "EntryForm")
    authors = calls(monkeypatch, public, "public_authors")
    url = reverse("contest_round", args=[youth_round.slug])
    client.get(url)  # draws the form and keeps it
    second = client.get(url).content.decode()
    assert (len(forms), len(authors), 'name="authors-TOTAL_FORMS"' in second) == (1, 1, True)
