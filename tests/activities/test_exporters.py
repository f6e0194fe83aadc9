"""The activities' download: the import workbook, through the exporter registry."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_import_workbook_answers_the_same_file(client, personas):
    client.force_login(personas["union_staff"])
    response = client.get(reverse("activities_import_template"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-hoat-dong.xlsx"'
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Hướng dẫn", "Hoạt động", "Loại hoạt động"]


def test_the_import_workbook_is_refused_to_an_editor(client, personas):
    client.force_login(personas["editor"])
    response = client.get(reverse("activities_import_template"))
    assert response.status_code == 302 and not response.has_header("Content-Disposition")
