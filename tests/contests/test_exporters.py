"""The contests' downloads through the exporter registry: same names, types and contents."""

import io
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.contests import documents
from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import ContestRound
from lienhiep.directory import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def twelfth(demo):
    return ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)


@pytest.fixture
def staff_client(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    return client


def test_the_entries_workbook_answers_the_same_file(staff_client, twelfth):
    response = staff_client.get(reverse("contests_import", args=[twelfth.pk]), {"template": "1"})
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="mau-bai-du-thi.xlsx"'
    book = load_workbook(BytesIO(response.content))
    fields = [row[0].value for row in book["Lĩnh vực"].iter_rows(min_row=2)]
    assert fields == [field.name for field in twelfth.fields.all()]


def test_the_yearbook_answers_word_and_pdf_under_its_name(staff_client, twelfth, monkeypatch):
    from docx import Document

    response = staff_client.get(reverse("contests_yearbook", args=[twelfth.pk, "docx"]))
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == f'attachment; filename="ky-yeu-{twelfth.slug}.docx"'
    assert "KỶ YẾU" in "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    # the PDF itself is read in test_screens; here, what the registry answers with it
    monkeypatch.setattr(documents, "yearbook_pdf", lambda round: b"%PDF-1.7 " + round.slug.encode())
    response = staff_client.get(reverse("contests_yearbook", args=[twelfth.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="ky-yeu-{twelfth.slug}.pdf"'
    assert response.content == b"%PDF-1.7 " + twelfth.slug.encode()


def test_a_certificate_is_shown_in_the_browser(client, twelfth):
    cache.clear()
    winner = twelfth.entries.get(prize=PrizeLevel.FIRST)
    response = client.get(reverse("contest_certificate", args=[twelfth.slug, winner.code]))
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'inline; filename="giay-chung-nhan-{winner.code}.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_the_yearbook_is_exported_from_the_command_line(twelfth, tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "yearbook_pdf", lambda round: b"%PDF-1.7")
    path = tmp_path / "ky-yeu.pdf"
    out = io.StringIO()
    call_command(
        "export",
        "contests.yearbook",
        f"round={twelfth.slug}",
        "format=pdf",
        "-o",
        str(path),
        stdout=out,
    )
    assert path.read_bytes() == b"%PDF-1.7"
