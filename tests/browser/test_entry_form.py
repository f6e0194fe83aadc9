"""A visitor on a phone sends an entry with a mistake, corrects it without sending the photo
again, adds a second author, and sends it."""

from pathlib import Path

import pytest

from lienhiep.contests.enums import ContestKind, FileKind
from lienhiep.contests.models import ContestRound, Entry
from tests.contests.conftest import png

from .test_contest_journey import consent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTH = "() => document.documentElement.scrollWidth"


def fill(page):
    page.select_option("select[name=field]", index=0)
    page.fill("textarea[name=description]", "Đèn học tự tắt khi không có người ngồi.")
    page.fill("input[name=email]", "nhom.den@example.vn")
    page.check("input[name=resides]")
    page.fill("input[name=authors-0-name]", "Lò Thị Mai")
    page.fill("input[name=authors-0-birth_date]", "05/06/2011")
    consent(page, 0)
    photo = png("den-hoc.png", (320, 240)).read()
    page.set_input_files(
        "input[name=photos]",
        files=[{"name": "den-hoc.png", "mimeType": "image/png", "buffer": photo}],
    )


def test_entry_on_a_phone_keeps_the_photo_across_a_mistake(
    seeded, live_server, browser, settings, tmp_path
):
    settings.ENTRY_DRAFTS_ROOT = tmp_path / "drafts"
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=13)
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/cuoc-thi/{round.slug}/")
    assert page.evaluate(WIDTH) <= 390
    assert page.is_hidden("[data-remove-author]")

    fill(page)
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.inner_text(".error-summary a") == "Tên bài dự thi: Trường này là bắt buộc."
    assert page.get_attribute("#id_title", "aria-invalid") == "true"
    assert page.inner_text("#id_title-error") == "Trường này là bắt buộc."
    assert "den-hoc.png" in page.inner_text(".kept")
    assert page.evaluate(WIDTH) <= 390
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "entry-form-mistake-390.png", full_page=True)
    page.click(".error-summary a")
    assert page.evaluate("() => location.hash") == "#id_title"

    page.fill("input[name=title]", "Đèn học tự tắt")
    page.click("[data-add-author]")
    page.fill("input[name=authors-1-name]", "Vi Văn Sơn")
    page.fill("input[name=authors-1-birth_date]", "11/11/2012")
    consent(page, 1)
    page.click("[data-add-author]")
    page.screenshot(path=SCREENSHOTS / "entry-form-authors-390.png", full_page=True)
    page.click("[data-remove-author]")
    assert page.locator("[data-author]").count() == 2
    assert page.evaluate(WIDTH) <= 390
    page.click("#entry-form button[type=submit]")
    page.wait_for_selector(".entry-code")
    entry = Entry.objects.get(round=round, title="Đèn học tự tắt")
    assert [a.name for a in entry.authors.all()] == ["Lò Thị Mai", "Vi Văn Sơn"]
    assert [f.kind for f in entry.files.all()] == [FileKind.PHOTO]
    assert page.evaluate(WIDTH) <= 390
    context.close()
