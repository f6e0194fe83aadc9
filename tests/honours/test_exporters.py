"""The honours' download: the recipients workbook of a decision, through the exporter registry."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.honours import importing
from lienhiep.honours.models import CommendationDecision

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_recipients_workbook_answers_the_same_file(client, personas):
    decision = CommendationDecision.objects.get(number="62/QĐ-LHH")
    client.force_login(personas["union_staff"])
    url = reverse("honours_import_recipients", args=[decision.pk])
    response = client.get(url, {"template": "1"})
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        'attachment; filename="mau-nguoi-nhan-khen-thuong.xlsx"'
    )
    expected = load_workbook(BytesIO(importing.template_workbook()))
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == expected.sheetnames
    assert [c.value for c in book.active[1]] == [c.value for c in expected.active[1]]
