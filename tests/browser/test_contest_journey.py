"""A visitor sends a youth entry; staff find it eligible; two judges score it; the committee
awards it; the results page shows it. An author too old is refused with the reason; a 10-year-old
author is refused without the representative's and the child's consent, accepted with both, and,
not consenting to publishing, shown on the results page and in the yearbook by initials only."""

import re
from datetime import timedelta

import pytest

from lienhiep.contests import documents
from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import ContestRound, Entry
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.privacy.enums import ConsentGiver
from tests.contests.conftest import png
from tests.factories import make_person, make_user

from .conftest import answer, choose_person, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def consent(page, number, *, publish=True, child=True):
    """Tick an author's consents as their legal representative does (nothing is ticked before)."""
    page.check(f"input[name=authors-{number}-consent]")
    if publish:
        page.check(f"input[name=authors-{number}-publish_consent]")
    page.fill(f"input[name=authors-{number}-representative_name]", "Hoàng Văn Thắng")
    page.fill(f"input[name=authors-{number}-representative_relation]", "bố")
    page.fill(f"input[name=authors-{number}-representative_contact]", "0912 345 678")
    if child:
        page.check(f"input[name=authors-{number}-representative_consent]")
        page.check(f"input[name=authors-{number}-child_consent]")


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
    consent(page, 0)
    page.click("[data-add-author]")
    page.fill("input[name=authors-1-name]", "Hoàng Đức Vượng")
    page.fill("input[name=authors-1-birth_date]", second_born)
    page.fill("input[name=authors-1-workplace]", "Trường Tiểu học Lê Lợi")
    photo = png("may-tuoi.png", (320, 240))
    page.set_input_files(
        "input[name=photos]",
        files=[{"name": "may-tuoi.png", "mimeType": "image/png", "buffer": photo.read()}],
    )


def judge(browser, url, user, points):
    page = browser.new_context(locale="vi-VN").new_page()
    log_in(page, url, user.username, "matkhau-thu-nghiem", then="/admin/contests/judging/")
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

    ten = round.age_on.replace(year=round.age_on.year - 10) - timedelta(days=30)
    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    assert "Bảo vệ dữ liệu cá nhân" in visitor.inner_text("footer")
    assert not visitor.is_checked("input[name=authors-0-consent]")  # nothing ticked beforehand
    fill_entry(visitor, second_born=ten.strftime("%d/%m/%Y"))
    visitor.check("input[name=authors-1-consent]")  # the representative has not consented yet
    visitor.click(".contest-entry button[type=submit]")
    alert = visitor.inner_text(".form-errors")
    assert "Hoàng Đức Vượng 10 tuổi: thiếu sự đồng ý của người đại diện theo pháp luật." in alert
    assert "Hoàng Đức Vượng 10 tuổi: thiếu sự đồng ý của chính trẻ" in alert
    assert "Đặng Ngọc Ánh" not in alert
    assert not Entry.objects.filter(round=round).exists()

    consent(visitor, 1, publish=False)  # the form kept the rest; no consent to publishing
    visitor.click(".contest-entry button[type=submit]")
    visitor.wait_for_selector(".entry-code")
    code = re.search(r"TN13-\d{4}", visitor.inner_text(".entry-code")).group()
    entry = Entry.objects.get(code=code)
    assert [a.name for a in entry.authors.all()] == ["Đặng Ngọc Ánh", "Hoàng Đức Vượng"]
    assert entry.photos()
    child = entry.authors.get(name="Hoàng Đức Vượng")
    assert (child.consent_by, child.publish_consent, child.representative_name) == (
        ConsentGiver.REPRESENTATIVE_AND_CHILD,
        False,
        "Hoàng Văn Thắng",
    )
    assert child.consent_notice.number == 1 and child.consented_at is not None

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then=f"/admin/contests/rounds/{round.pk}/process/")
    row = staff.locator(f"#entry-{code}")
    row.locator("input[name=dossier][value=registration]").check()
    row.locator("input[name=dossier][value=photos]").check()
    row.locator("input[name=eligible][value=yes]").check()  # no decision is ticked beforehand
    row.locator("form.review-form button[type=submit]").click()
    staff.wait_for_selector(f"#entry-{code} .decision >> text=đủ điều kiện")
    question = answer(staff, "button[value=start_judging]", confirm=False)
    deadline = round.entry_deadline.strftime("%d/%m/%Y")
    assert question == (
        f"Khóa nhận bài trước hạn {deadline}? 1 bài đã nộp; sau khi khóa, không ai nộp thêm được."
    )
    round.refresh_from_db()
    assert round.accepts_entries()  # cancelled: still open
    answer(staff, "button[value=start_judging]", confirm=True)
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
    assert staff.locator("form.approve-form").count() == 0  # no score yet: nothing to approve
    assert "Chỉ phê duyệt giải thưởng được khi giám khảo đã chấm điểm" in staff.inner_text("main")

    judge(browser, url, judges[0], ["35", "25", "24,5"])
    judge(browser, url, judges[1], ["32", "27", "26"])

    staff.reload()
    staff.click("button[value=propose]")
    staff.wait_for_selector("text=Đã lưu.")
    entry.refresh_from_db()
    assert entry.prize == PrizeLevel.FIRST
    staff.fill("form.approve-form input[name=number]", "03/QĐ-BTC")
    question = answer(staff, "form.approve-form button[type=submit]", confirm=False)
    assert question == (
        "Phê duyệt giải thưởng? 1 bài được trao giải; sau khi phê duyệt, không thể sửa giải nữa."
    )
    round.refresh_from_db()
    assert round.state == "judging"
    answer(staff, "form.approve-form button[type=submit]", confirm=True)
    assert staff.input_value("form.publish-form input[name=on]")  # today, written dd/mm/yyyy
    staff.click("form.publish-form button[type=submit]")
    staff.wait_for_selector("text=Đã công bố kết quả")

    visitor.goto(f"{url}/cuoc-thi/{round.slug}/")
    results = visitor.inner_text("main")
    assert "Giải Nhất (01)" in results
    assert "Máy tưới cây tự động dùng cảm biến độ ẩm" in results
    assert "Đặng Ngọc Ánh (Trường THCS Đặng Thai Mai); H. Đ. V." in results
    assert "Hoàng Đức Vượng" not in results and "Lê Lợi" not in results
    book = next(
        row
        for group in documents.yearbook_groups(round)
        for row in group["entries"]
        if row["code"] == code
    )
    assert book["authors"] == "Đặng Ngọc Ánh (Trường THCS Đặng Thai Mai), H. Đ. V."
    assert book["photo_file"] is None  # the photo shows an author who did not consent
