"""The public receipt of an entry and the staff's Excel import of entries."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.contests import importing, services
from lienhiep.contests.enums import EntrySource

from .conftest import entry_data
from .test_importing import _workbook

pytestmark = pytest.mark.django_db


def test_the_receipt_names_the_entry_sent_from_this_browser(client, youth_round):
    entry = services.submit_entry(round=youth_round, data=entry_data(youth_round))
    session = client.session
    session["contest_entry"] = entry.code
    session.save()
    html = client.get(reverse("contest_receipt", args=[youth_round.slug])).content.decode()
    assert f"Mã bài dự thi: <strong>{entry.code}</strong>" in html
    assert "Máy lọc nước mini" in html


def test_the_receipt_without_an_entry_sends_back_to_the_call(client, youth_round):
    services.submit_entry(round=youth_round, data=entry_data(youth_round))
    response = client.get(reverse("contest_receipt", args=[youth_round.slug]))
    assert response.url == reverse("contest_round", args=[youth_round.slug])


def _upload(content):
    upload = BytesIO(content)
    upload.name = "bai-du-thi.xlsx"
    return upload


GOOD = (
    [[1, "Thùng rác thông minh", "sản phẩm thân thiện với môi trường", "Tự mở nắp."]],
    [[1, "Trần Bảo Ngọc", "12/3/2013", "Trường THCS Lê Quý Đôn"]],
)


def test_import_screen_offers_the_template_with_the_rounds_fields(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_import", args=[youth_round.pk])
    assert 'href="?template=1"' in client.get(url).content.decode()
    book = load_workbook(BytesIO(client.get(url, {"template": 1}).content))
    assert book.sheetnames == ["Hướng dẫn", importing.ENTRIES, importing.AUTHORS, "Lĩnh vực"]
    guide = [r[1] for r in book["Hướng dẫn"].iter_rows(min_row=2, values_only=True)]
    assert guide == [c.header for c in importing.ENTRY_COLUMNS + importing.AUTHOR_COLUMNS]
    assert [c.value for c in book[importing.AUTHORS][1]] == [
        c.header for c in importing.AUTHOR_COLUMNS
    ]
    fields = [r[0] for r in book["Lĩnh vực"].iter_rows(min_row=2, values_only=True)]
    assert fields == [f.name for f in youth_round.fields.all()]


def test_import_screen_imports_a_good_workbook(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_import", args=[youth_round.pk])
    response = client.post(url, {"workbook": _upload(_workbook(*GOOD))}, follow=True)
    [entry] = youth_round.entries.all()
    assert (entry.title, entry.source) == ("Thùng rác thông minh", EntrySource.IMPORT)
    assert [str(m) for m in response.context["messages"]] == ["Đã nhập 01 bài dự thi."]


def test_import_screen_lists_problems_and_saves_nothing(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_import", args=[youth_round.pk])
    bad = [[1, "Trần Bảo Ngọc", "30/02/2013", ""]]
    response = client.post(url, {"workbook": _upload(_workbook(GOOD[0], bad))})
    assert not youth_round.entries.exists()
    assert [str(p) for p in response.context["problems"]] == [
        "Trang tính “Tác giả”, dòng 2, cột C (Ngày sinh): "
        "“30/02/2013” không phải là ngày viết theo dạng dd/mm/yyyy",
        "Trang tính “Bài dự thi”, dòng 2, cột A (Số thứ tự): "
        "bài dự thi chưa có tác giả nào ở trang “Tác giả”",
    ]


def test_import_screen_is_refused_to_the_leader_who_only_reads(client, youth_round, personas):
    client.force_login(personas["leader"])
    url = reverse("contests_import", args=[youth_round.pk])
    response = client.post(url, {"workbook": _upload(_workbook(*GOOD))})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not youth_round.entries.exists()


@pytest.mark.parametrize("persona", ["officer", "judge"])
def test_import_screen_is_not_found_by_who_cannot_see_the_round(
    client, youth_round, personas, persona
):
    client.force_login(personas[persona])
    url = reverse("contests_import", args=[youth_round.pk])
    assert client.post(url, {"workbook": _upload(_workbook(*GOOD))}).status_code == 404
    assert not youth_round.entries.exists()
