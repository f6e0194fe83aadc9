"""The exporter registry and the one table writer: every CSV and XLSX cell is written there."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.core import admin_views
from lienhiep.core.exporters import EXPORTERS, content_disposition, exporter, exporters, tables
from lienhiep.directory.models import Organisation
from tests.factories import make_user

HOST = {"HTTP_HOST": "testserver"}
FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def csv_rows(content: bytes):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes):
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def table(*rows, title="Hoạt động"):
    return tables.Table(title, ["Tên"] * len(rows[0]), rows)


def test_csv_starts_with_a_byte_order_mark():
    content = tables.csv_bytes(table(["Hội thảo"]))
    assert content.startswith(b"\xef\xbb\xbf")
    assert csv_rows(content) == [["Tên"], ["Hội thảo"]]


def test_formula_cells_are_neutralised_in_csv_and_xlsx():
    expected = ["'" + text for text in FORMULAS]
    assert csv_rows(tables.csv_bytes(table(FORMULAS)))[1] == expected
    book = load_workbook(io.BytesIO(tables.xlsx_bytes(table(FORMULAS))))
    cells = next(book.active.iter_rows(min_row=2))
    assert [cell.value for cell in cells] == expected
    assert {cell.data_type for cell in cells} == {"s"}


def test_control_bidi_and_zero_width_characters_are_stripped():
    title = "Hội\x07 thảo\x1b \u202egnp.exe\u202c về\u200b nước\ufeff\u2066\nsạch\tHòa An"
    assert tables.xlsx_cell(title) == "Hội thảo gnp.exe về nước\nsạch\tHòa An"
    # a control character before a formula does not hide it
    assert tables.csv_cell("\x00\u202e=1+1") == "'=1+1"


def test_values_are_written_the_vietnamese_way(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    moment = datetime(2024, 12, 27, 2, 5, tzinfo=ZoneInfo("UTC"))
    row = [True, False, None, date(2024, 3, 5), moment, Decimal("9000000000"), 24.5, 18749]
    assert csv_rows(tables.csv_bytes(table(row)))[1] == [
        "Có",
        "Không",
        "",
        "05/03/2024",
        "27/12/2024 09:05",
        "9.000.000.000",
        "24,5",
        "18.749",
    ]
    sheet = load_workbook(io.BytesIO(tables.xlsx_bytes(table(row)))).active
    cells = next(sheet.iter_rows(min_row=2))
    assert [cell.value for cell in cells] == [
        "Có",
        "Không",
        None,
        datetime(2024, 3, 5),
        datetime(2024, 12, 27, 9, 5),
        9000000000,
        24.5,
        18749,
    ]
    assert cells[3].number_format == "DD/MM/YYYY" and cells[4].number_format == "DD/MM/YYYY HH:MM"
    assert cells[5].data_type == "n"


def test_the_sheet_is_named_after_its_list():
    book = load_workbook(
        io.BytesIO(tables.xlsx_bytes(table(["x"], title="Hồ sơ tư vấn, phản biện")))
    )
    assert book.sheetnames == ["Hồ sơ tư vấn, phản biện"]
    assert tables.sheet_name("Báo cáo: năm 2024/2025 [bản nháp] của Liên hiệp hội") == (
        "Báo cáo  năm 2024 2025  bản nhá"
    )


def test_a_vietnamese_file_name_follows_rfc_6266():
    assert content_disposition("mau-nhap-danh-ba.xlsx") == (
        'attachment; filename="mau-nhap-danh-ba.xlsx"'
    )
    assert content_disposition('Kỷ yếu "lần 7".pdf', attachment=False) == (
        'inline; filename="Ky yeu _lan 7_.pdf"; '
        "filename*=UTF-8''K%E1%BB%B7%20y%E1%BA%BFu%20%22l%E1%BA%A7n%207%22.pdf"
    )


# The admin's list exports go through the same writer.


def organisation_export(client, user, fmt):
    client.force_login(user)
    response = client.get(reverse("directory_organisation:index"), {"export": fmt}, **HOST)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_list_export_writes_labels_and_dates(client, personas, fmt):
    response = organisation_export(client, personas["federation"], fmt)
    assert response["Content-Disposition"] == f'attachment; filename="to-chuc.{fmt}"'
    if fmt == "csv":
        assert response.content.startswith(b"\xef\xbb\xbf")
        rows = csv_rows(response.content)
    else:
        book = load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == ["Tổ chức"]
        rows = xlsx_rows(response.content)
    headings = rows[0]
    university = dict(
        zip(headings, next(r for r in rows if r[0] == "Trường Đại học Hòa An"), strict=True)
    )
    assert university["Loại"] == "Hội viên tập thể"
    assert university["Trạng thái"] == "Đang hoạt động"
    admitted = university["Ngày quyết định kết nạp"]
    assert admitted == ("10/06/2010" if fmt == "csv" else datetime(2010, 6, 10))


@pytest.mark.django_db
def test_a_list_export_of_a_title_with_hidden_characters_opens_and_is_clean(client, personas, demo):
    Activity.objects.create(
        kind=ActivityKind.objects.first(),
        title="=Hội thảo\x0b nước \u202esạch\u200b",
        organiser=demo,
        start_date=date(2024, 5, 20),
    )
    client.force_login(personas["union_staff"])
    response = client.get(reverse("activities_activity:index"), {"export": "xlsx"}, **HOST)
    titles = [row[0] for row in xlsx_rows(response.content)]
    assert "'=Hội thảo nước sạch" in titles


@pytest.mark.django_db
def test_a_list_export_costs_the_same_queries_for_one_row_and_many(
    client, personas, demo, django_assert_num_queries
):
    client.force_login(personas["union_staff"])
    url = reverse("activities_activity:index")
    kind = ActivityKind.objects.first()

    def add(count):
        for n in range(count):
            Activity.objects.create(
                kind=kind, title=f"Hội thảo {n}", organiser=demo, start_date=date(2024, 5, 1)
            )

    Activity.objects.all().delete()
    add(1)
    client.get(url, {"export": "csv"}, **HOST)  # warm the caches (permissions, site)
    with CaptureQueriesContext(connection) as one:
        assert len(csv_rows(client.get(url, {"export": "csv"}, **HOST).content)) == 2
    add(3)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(csv_rows(client.get(url, {"export": "csv"}, **HOST).content)) == 5


# The registry and manage.py export


def every_list_viewset(base=admin_views.ExportingModelViewSet):
    for viewset in base.__subclasses__():
        if getattr(viewset, "model", None) is not None and isinstance(viewset.list_export, list):
            yield viewset
        yield from every_list_viewset(viewset)


def test_export_list_names_every_registered_exporter():
    out = io.StringIO()
    call_command("export", "--list", stdout=out)
    listed = [line.split("\t")[0] for line in out.getvalue().splitlines()]
    assert listed == sorted(EXPORTERS) == [e.identifier for e in exporters()]
    lists = {
        f"{v.model._meta.app_label}.{v.model._meta.model_name}_list" for v in every_list_viewset()
    }
    assert len(lists) >= 20 and lists <= set(listed)
    documents = {
        "directory.import_template",
        "activities.import_template",
        "honours.recipients_template",
        "contests.entries_template",
        "contests.yearbook",
        "contests.certificate",
        "reports.run_file",
    }
    assert documents <= set(listed)
    assert "Tổ chức" in out.getvalue()


@pytest.mark.django_db
def test_export_renders_a_list_for_a_user_as_they_see_it(personas, tmp_path):
    officer = personas["officer"]
    path = tmp_path / "to-chuc.csv"
    out = io.StringIO()
    call_command(
        "export",
        "directory.organisation_list",
        f"user={officer.username}",
        "format=csv",
        "--output",
        str(path),
        stdout=out,
    )
    rows = csv_rows(path.read_bytes())
    assert [row[0] for row in rows[1:]] == [Organisation.objects.get(slug="hoi-dieu-duong").name]
    assert "text/csv" in out.getvalue()


@pytest.mark.django_db
def test_export_refuses_a_user_without_the_list_and_unknown_options(personas, tmp_path):
    with pytest.raises(CommandError):
        call_command("export", "directory.organisation_list", f"user={personas['judge'].username}")
    with pytest.raises(CommandError):
        call_command("export", "directory.import_template", "colour=red")
    with pytest.raises(CommandError):
        call_command("export", "no.such_exporter")


@pytest.mark.django_db
def test_export_writes_a_document_to_its_own_name(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("export", "directory.import_template", stdout=io.StringIO())
    book = load_workbook(tmp_path / "mau-nhap-danh-ba.xlsx")
    assert book.sheetnames == [
        "Hướng dẫn",
        "Tổ chức",
        "Người",
        "Thành viên",
        "Số hội viên",
        "Nhiệm kỳ",
    ]
    assert exporter("directory.import_template").render().filename == "mau-nhap-danh-ba.xlsx"


@pytest.mark.django_db
def test_an_unscoped_list_export_goes_through_the_same_writer(client, demo):
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("plans_indicator:index"), {"export": "xlsx"}, **HOST)
    assert response["Content-Disposition"] == 'attachment; filename="chi-so.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Chỉ tiêu"]
    rows = xlsx_rows(response.content)
    members = dict(zip(rows[0], next(r for r in rows if r[0] == "directory.members"), strict=True))
    assert members["Cách lấy số liệu"] == "Tính từ hồ sơ"
    assert members["Quy tắc tổng hợp"] == "Cộng dồn theo cây tổ chức"
