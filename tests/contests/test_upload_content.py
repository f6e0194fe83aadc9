"""The public entry form's registration form and explanatory note are checked by content."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lienhiep.contests.enums import FileKind
from lienhiep.contests.models import Entry
from lienhiep.core.validators import WRONG_CONTENT

from .test_screens import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_html_named_pdf_is_refused_as_a_registration_form_and_a_note(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    html = b"<html><body onload=alert(1)>Phieu dang ky</body></html>"
    files = {
        "registration": SimpleUploadedFile("phieu-dang-ky.pdf", html),
        "note": SimpleUploadedFile("thuyet-minh.pdf", b"\x00\x01random bytes"),
    }
    page = client.post(url, {**form_data(youth_round), **files}).content.decode()
    # each refused slot: once in the summary at the top, once at its field
    assert page.count(str(WRONG_CONTENT % {"ext": ".pdf"})) == 4
    assert not Entry.objects.filter(round=youth_round).exists()


def test_a_real_pdf_is_taken(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    upload = SimpleUploadedFile("phieu-dang-ky.pdf", b"%PDF-1.4\n%%EOF\n")
    assert client.post(url, {**form_data(youth_round), "registration": upload}).status_code == 302
    entry = Entry.objects.get(round=youth_round)
    assert [f.kind for f in entry.files.all()] == [FileKind.REGISTRATION]
