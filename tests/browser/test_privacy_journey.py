"""Staff answer personal data requests on the screen "Yêu cầu về dữ liệu cá nhân": a person asks
for their data (one file), to stop being published (at once), and to be erased (the winner's
record kept, the rest anonymised, each listed with why); the union's leader reads the log."""

import io
import json
import zipfile

import pytest

from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import ContestRound
from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NAME = "Đặng Thị Thu Hà"


def record(page, url, kind):
    page.goto(f"{url}/admin/privacy/requests/")
    page.select_option("#new-request select[name=kind]", kind)
    page.fill("#new-request input[name=name]", "dang thi thu ha")
    page.fill("#new-request input[name=birth_date]", "02/04/2011")
    page.fill("#new-request input[name=received_on]", "01/12/2026")
    page.click("#new-request button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận yêu cầu.")


def test_staff_answer_access_withdrawal_and_erasure(live_server, seeded, browser):
    url = live_server.url
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    won = round.entries.filter(prize=PrizeLevel.FIRST).first()
    lost = round.entries.filter(prize="", national_prize="").first()
    for entry in (won, lost):
        entry.authors.filter(is_main=True).update(name=NAME, birth_date="2011-04-02")

    staff = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD)

    record(staff, url, "access")
    assert "Hạn trả lời" in staff.inner_text("main")
    with staff.expect_download() as download:
        staff.click("#export-person")
    with open(download.value.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    summary = json.loads(archive.read("du-lieu-ca-nhan.json"))
    assert summary["Người xuất"] == "Trần Văn Bình"
    assert len(summary["Hồ sơ"]) == 2

    visitor = browser.new_context(locale="vi-VN").new_page()
    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    assert NAME in visitor.inner_text(f"tr#{won.code}")
    record(staff, url, "withdraw")
    staff.click("#withdraw-consent")
    staff.wait_for_selector("text=Đã trả lời yêu cầu.")
    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    assert NAME not in visitor.inner_text(f"tr#{won.code}")
    assert "Đ. T. T. H." in visitor.inner_text(f"tr#{won.code}")

    record(staff, url, "erase")
    staff.click("#erase-person")
    staff.wait_for_selector("#request-outcome")
    rows = staff.locator("#request-outcome tbody tr").all_inner_texts()
    assert sorted(r.split("\t")[:2] for r in rows) == sorted(
        [
            [f"Tác giả bài dự thi {won.code}", "giữ lại"],
            [f"Tác giả bài dự thi {lost.code}", "đã ẩn danh"],
        ]
    )
    assert "hồ sơ pháp lý" in staff.inner_text("#request-outcome")

    record(staff, url, "know")
    staff.fill("textarea[name=answer]", "Đã gửi thư giải thích mục đích xử lý dữ liệu.")
    staff.click("#answer-request")
    staff.wait_for_selector("#request-answer")
    assert "Đã trả lời" in staff.inner_text("#request-state")

    leader = browser.new_context(locale="vi-VN").new_page()
    log_in(leader, url, "lanhdao", DEMO_PASSWORD, then="/admin/privacy/log/")
    log = leader.inner_text("#processing-log")
    assert "Trần Văn Bình" in log
    for message in ("Đã xuất dữ liệu của một người", "Đã xóa dữ liệu của một người"):
        assert message in log
