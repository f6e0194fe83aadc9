"""The registry's download: the import workbook, through the exporter registry."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.directory import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_import_workbook_answers_the_same_file(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    response = client.get(reverse("directory_import_template"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-danh-ba.xlsx"'
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Hướng dẫn", "Tổ chức", "Người", "Thành viên"]


def test_the_import_workbook_is_refused_to_a_judge(client, personas):
    client.force_login(personas["judge"])
    response = client.get(reverse("directory_import_template"))
    assert response.status_code == 302 and not response.has_header("Content-Disposition")
