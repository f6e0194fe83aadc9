"""A visitor sends a youth entry; staff find it eligible; two judges score it; the committee
awards it; the results page shows it. An author too old is refused with the reason."""

import re

import pytest

from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import ContestRound, Entry
from lienhiep.directory.demo import DEMO_PASSWORD
from tests.contests.conftest import png
from tests.factories import make_person, make_user

from .conftest import choose_person, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fill_entry(page, *, second_born):
    page.fill("input[name=title]", "Máy tưới cây tự động dùng cảm biến độ ẩm")
    page.select_option("select[name=field]", label="Sản phẩm thân thiện với môi trường")
    page.fill(
        "textarea[name=description]",
        "Máy đo độ ẩm đất và tự bật bơm nước; tiết kiệm nước cho vườn trường.",
    )
    page.fill("input[name=entering_unit]", "Trường THCS Đặng Thai Mai")
    page.fill("input[name=email]", "nhom.sangtao@example.vn")
    page.check("input[name=resides]")
    page.fill("input[name=authors-0-name]", "Đặng Ngọc Ánh")
    page.fill("input[name=authors-0-birth_date]", "14/02/2011")
    page.fill("input[name=authors-0-workplace]", "Trường THCS Đặng Thai Mai")
    page.click("[data-add-author]")
    page.fill("input[name=authors-1-name]", "Hoàng Đức Vượng")
    page.fill("input[name=authors-1-birth_date]", second_born)
    photo = png("may-tuoi.png", (320, 240))
    page.set_input_files(
        "input[name=photos]",
        files=[{"name": "may-tuoi.png", "mimeType": "image/png", "buffer": photo.read()}],
    )


def judge(browser, url, user, points):
    page = browser.new_context(locale="vi-VN").new_page()
    log_in(page, url, user.username, "matkhau-thu-nghiem")
    page.goto(f"{url}/admin/contests/judging/")
    page.click("text=Máy tưới cây tự động")
    page.wait_for_selector("form.score-form")
    # The entry's photo is shown as a thumbnail, loaded through the judge's file view.
    page.wait_for_function("() => document.querySelector('.entry-photos img')?.naturalWidth > 0")
    assert page.locator(".entry-photos img").evaluate("img => img.naturalWidth") == 320
    for field, value in zip(
        page.locator("form.score-form input[type=text]").all(), points, strict=True
    ):
        field.fill(value)
    page.click("form.score-form button[type=submit]")
    page.wait_for_selector("text=Đã lưu điểm của bạn.")
    page.context.close()


def test_youth_entry_from_the_site_to_the_results(live_server, seeded, browser):
    url = live_server.url
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=13)
    assert round.accepts_entries()

    visitor = browser.new_context(locale="vi-VN").new_page()
    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    fill_entry(visitor, second_born="20/10/2001")
    visitor.click(".contest-entry button[type=submit]")
    alert = visitor.inner_text(".form-errors")
    assert "Hoàng Đức Vượng, sinh ngày 20/10/2001" in alert and "từ 6 đến 18 tuổi" in alert
    assert not Entry.objects.filter(round=round).exists()

    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    fill_entry(visitor, second_born="03/09/2012")
    visitor.click(".contest-entry button[type=submit]")
    visitor.wait_for_selector(".entry-code")
    code = re.search(r"TN13-\d{4}", visitor.inner_text(".entry-code")).group()
    entry = Entry.objects.get(code=code)
    assert [a.name for a in entry.authors.all()] == ["Đặng Ngọc Ánh", "Hoàng Đức Vượng"]
    assert entry.photos()

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD)
    staff.goto(f"{url}/admin/contests/rounds/{round.pk}/process/")
    row = staff.locator(f"#entry-{code}")
    row.locator("input[name=dossier][value=registration]").check()
    row.locator("input[name=dossier][value=photos]").check()
    row.locator("input[name=eligible][value=yes]").check()  # no decision is ticked beforehand
    row.locator("form.review-form button[type=submit]").click()
    staff.wait_for_selector(f"#entry-{code} .decision >> text=đủ điều kiện")
    staff.click("button[value=start_judging]")
    staff.wait_for_selector("text=Đang chấm thi")

    field = entry.field
    judges = []
    staff.goto(f"{url}/admin/contests/rounds/{round.pk}/judging/?field={field.pk}")
    for given in ("Hải", "Yến"):
        person = make_person(round.contest.union, "Trương", "Thị", given)
        person.account = make_user(username=f"giamkhao-{len(judges)}")
        person.save()
        choose_person(staff, "form.add-judge", person.full_name, str(person))
        if not judges:
            staff.check("form.add-judge input[name=chair]")
        staff.click("form.add-judge button[type=submit]")
        staff.wait_for_selector(f".judging-field >> text={person}")
        judges.append(person.account)
    staff.click("button[value=assign_all]")
    staff.wait_for_selector("text=Đã phân công 02 lượt chấm.")

    judge(browser, url, judges[0], ["35", "25", "24,5"])
    judge(browser, url, judges[1], ["32", "27", "26"])

    staff.reload()
    staff.click("button[value=propose]")
    staff.wait_for_selector("text=Đã lưu.")
    entry.refresh_from_db()
    assert entry.prize == PrizeLevel.FIRST
    staff.fill("form.approve-form input[name=number]", "03/QĐ-BTC")
    staff.click("form.approve-form button[type=submit]")
    assert staff.input_value("form.publish-form input[name=on]")  # today, written dd/mm/yyyy
    staff.click("form.publish-form button[type=submit]")
    staff.wait_for_selector("text=Đã công bố kết quả")

    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    results = visitor.inner_text("main")
    assert "Giải Nhất (01)" in results
    assert "Máy tưới cây tự động dùng cảm biến độ ẩm" in results
    assert "Đặng Ngọc Ánh (Trường THCS Đặng Thai Mai)" in results
