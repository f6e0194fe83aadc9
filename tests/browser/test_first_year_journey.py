"""A union adopts lienhiep on its own: from an empty installation to its issued year-end report.

Everything a person does is done in Chromium through the screens and imports; the test calls the
ORM only to read results (and ``createsuperuser``, the operator's own step).
"""

import io
import os
import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import Workbook

from lienhiep.consulting.models import Case
from lienhiep.contests.models import ContestRound
from lienhiep.directory import importing
from lienhiep.directory.models import Organisation
from lienhiep.honours.models import HonourRound
from lienhiep.reports.enums import RunState
from lienhiep.reports.models import ReportRun
from lienhiep.website.models import JournalIndexPage, JournalIssuePage, NewsIndexPage

from .conftest import answer, choose_person, close_date_pickers, log_in

pytestmark = [pytest.mark.browser, pytest.mark.empty_installation]

YEAR = date.today().year - 1
UNION = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
PASSWORD = "Mat-khau-dai-2026"
PEOPLES_COMMITTEE = "Ủy ban nhân dân tỉnh Lâm Đồng"
CENTRE = "Trung tâm Tư vấn và Chuyển giao công nghệ Lâm Đồng"
SCHEME = "Đề án phát triển du lịch xanh tỉnh Lâm Đồng"
SOLUTION = "Máy sấy cà phê dùng năng lượng mặt trời"
PROJECT = "Hỗ trợ sinh kế cho đồng bào dân tộc thiểu số huyện Lạc Dương"


def workbook(sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        headers = [c.header for c in importing.SHEETS.get(name, ())] or list(rows[0])
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def registry_workbook(union):
    day = f"15/03/{YEAR}"
    return workbook(
        {
            importing.ORG_SHEET: [
                {
                    "Mã tổ chức": "hoi-sinh-hoc",
                    "Tên tổ chức": "Hội Sinh học tỉnh Lâm Đồng",
                    "Loại tổ chức": "Hội thành viên",
                    "Mã tổ chức cấp trên": union,
                    "Số quyết định kết nạp": f"12/QĐ-LHH/{YEAR}",
                    "Ngày quyết định kết nạp": day,
                },
                {
                    "Mã tổ chức": "hoi-tin-hoc",
                    "Tên tổ chức": "Hội Tin học tỉnh Lâm Đồng",
                    "Loại tổ chức": "Hội thành viên",
                    "Mã tổ chức cấp trên": union,
                },
                {
                    "Mã tổ chức": "ubnd-lam-dong",
                    "Tên tổ chức": PEOPLES_COMMITTEE,
                    "Loại tổ chức": "Ủy ban nhân dân",
                },
                {
                    "Mã tổ chức": "trung-tam-ld",
                    "Tên tổ chức": CENTRE,
                    "Loại tổ chức": "Đơn vị trực thuộc",
                    "Mã tổ chức cấp trên": union,
                },
                {
                    "Mã tổ chức": "clb-tri-thuc-ld",
                    "Tên tổ chức": "Câu lạc bộ Trí thức tỉnh Lâm Đồng",
                    "Loại tổ chức": "Câu lạc bộ",
                    "Mã tổ chức cấp trên": union,
                },
            ],
            importing.PERSON_SHEET: [
                {
                    "Mã người": f"LD-{n}",
                    "Họ": family,
                    "Tên đệm": middle,
                    "Tên": given,
                    "Mã đơn vị quản lý hồ sơ": union,
                }
                for n, (family, middle, given) in enumerate(
                    [("Trần", "Văn", "Bình"), ("Lê", "Thị", "Hoa"), ("Phạm", "Quốc", "Huy")],
                    start=1,
                )
            ],
            importing.MEMBERSHIP_SHEET: [
                {
                    "Mã người": f"LD-{n}",
                    "Mã tổ chức": "clb-tri-thuc-ld",
                    "Vai trò": "Hội viên",
                    "Từ ngày": f"10/0{n}/{YEAR}",
                }
                for n in (1, 2, 3)
            ],
            importing.MEMBER_COUNT_SHEET: [
                {
                    "Mã tổ chức": "hoi-sinh-hoc",
                    "Năm": YEAR,
                    "Số hội viên": 320,
                    "Nguồn số liệu": "Báo cáo của Hội",
                },
                {
                    "Mã tổ chức": "hoi-tin-hoc",
                    "Năm": YEAR,
                    "Số hội viên": 180,
                    "Nguồn số liệu": "Báo cáo của Hội",
                },
            ],
            importing.TERM_SHEET: [
                {
                    "Mã tổ chức": "hoi-tin-hoc",
                    "Nhiệm kỳ số": 4,
                    "Ngày Đại hội": f"20/06/{YEAR}",
                    "Ngày kết thúc theo kế hoạch": f"20/06/{YEAR + 5}",
                }
            ],
        }
    )


def activities_workbook(union):
    rows = [
        {
            "Loại hoạt động": "Hội thảo khoa học",
            "Tên hoạt động": "Hội thảo nông nghiệp công nghệ cao",
            "Ngày bắt đầu": f"12/05/{YEAR}",
            "Mã đơn vị tổ chức": union,
            "Trạng thái": "Đã tổ chức",
            "Số người tham dự": 120,
        },
        {
            "Loại hoạt động": "Tập huấn",
            "Tên hoạt động": "Tập huấn sở hữu trí tuệ",
            "Ngày bắt đầu": f"03/09/{YEAR}",
            "Mã đơn vị tổ chức": "hoi-tin-hoc",
            "Trạng thái": "Đã tổ chức",
            "Số người tham dự": 45,
        },
        {
            "Loại hoạt động": "Sinh hoạt chuyên đề",
            "Tên hoạt động": "Chuyên đề cà phê đặc sản Cầu Đất",
            "Ngày bắt đầu": f"18/10/{YEAR}",
            "Mã đơn vị tổ chức": "clb-tri-thuc-ld",
            "Trạng thái": "Đã tổ chức",
        },
        {
            "Loại hoạt động": "Sự kiện của Liên hiệp Hội Việt Nam",
            "Tên hoạt động": "Hội nghị tổng kết của Liên hiệp Hội Việt Nam",
            "Ngày bắt đầu": f"05/12/{YEAR}",
            "Mã đơn vị tổ chức": union,
            "Trạng thái": "Đã tổ chức",
        },
    ]
    return workbook({"Hoạt động": rows})


def upload(page, name, content, mime):
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": mime, "buffer": content}]
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def submit(page, text):
    with page.expect_navigation():
        page.click(f"main button:has-text('{text}')")


def set_up_the_union(page, url):
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", "quantri")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/admin/setup/")
    page.fill("input[name=name]", UNION)
    page.select_option("select[name=province]", label="Lâm Đồng")
    page.fill("input[name=slug]", "lam-dong")
    page.fill("input[name=signer_name]", "Nguyễn Văn An")
    submit(page, "Thiết lập liên hiệp hội")
    page.wait_for_url(f"{url}/admin/")


def invite(page, url, username, roles, organisation, names):
    page.goto(f"{url}/admin/directory/accounts/invite/")
    page.fill("input[name=username]", username)
    page.fill("input[name=email]", f"{username}@example.vn")
    for role in roles.split():
        page.check(f"input[name=wanted_roles][value={role}]")
    page.select_option("select[name=organisation]", label=organisation)
    for field, value in zip(("family_name", "middle_name", "given_name"), names, strict=True):
        page.fill(f"input[name={field}]", value)
    submit(page, "Lưu")
    assert f"Đã mời {username}" in page.inner_text(".messages")


def accept_invitation(browser, username):
    body = next(m.body for m in mail.outbox if m.to == [f"{username}@example.vn"])
    link = re.search(r"http://\S+/admin/password_reset/confirm/\S+", body)[0]
    page = browser.new_context(locale="vi-VN").new_page()
    page.goto(link)
    page.fill("input[name=new_password1]", PASSWORD)
    page.fill("input[name=new_password2]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


WXR = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Trang cũ</title>{items}</channel></rss>"""


def news_file():
    items = "".join(
        f"<item><title>{title}</title><wp:post_date>{YEAR}-{month:02d}-10 08:00:00</wp:post_date>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        f"<content:encoded><![CDATA[<p>{title} diễn ra tại Đà Lạt.</p>]]></content:encoded></item>"
        for month, title in ((5, "Khai mạc hội thảo nông nghiệp"), (9, "Tập huấn sở hữu trí tuệ"))
    )
    return WXR.format(items=items).encode()


def import_news(page, url):
    news = NewsIndexPage.objects.get()  # read only: where the editor's explorer opens
    page.goto(f"{url}/admin/pages/{news.pk}/")
    page.click("header button[aria-label='Thao tác']")
    page.click("a:has-text('Nhập tin bài')")
    upload(page, "tin-cu.xml", news_file(), "text/xml")
    submit(page, "Nhập")
    assert "Đã nhập 2 bài" in page.inner_text(".messages")


def publish_a_journal_issue(page, leader, url):
    """Staff send an issue of the e-journal for review; the leader approves it."""
    journal = JournalIndexPage.objects.get()  # read only: where the editor's explorer opens
    page.goto(f"{url}/admin/pages/add/website/journalissuepage/{journal.pk}/")
    page.fill("#id_title", f"Tập san Khoa học và Công nghệ Lâm Đồng số 4/{YEAR}")
    page.fill("#id_number", "4")
    page.select_option("#id_quarter", "4")
    page.fill("#id_year", str(YEAR))
    page.evaluate(f"document.querySelector('#id_slug').value = 'so-4-{YEAR}'")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    issue = JournalIssuePage.objects.get(number=4)
    leader.goto(f"{url}/admin/pages/{issue.pk}/edit/")
    with leader.expect_navigation():
        leader.evaluate(
            "document.querySelector("
            "'button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])')"
            ".click()"
        )


def make_the_plan(page, url):
    page.goto(f"{url}/admin/plans/plans/new/")
    page.select_option("select[name=organisation]", label=UNION)
    page.fill("input[name=year]", str(YEAR))
    page.click("#id_targets-ADD")
    page.select_option("select[name=targets-0-indicator]", label="Hội thảo khoa học")
    page.fill("input[name=targets-0-value]", "2")
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")


def approve_the_plan(leader, url):
    leader.goto(f"{url}/admin/plans/plans/")
    leader.click(f"main a:has-text('{UNION}')")
    submit(leader, "Phê duyệt kế hoạch")
    assert leader.inner_text(".messages").strip() == "Kế hoạch đã được phê duyệt và khóa."


def file_the_return(officer, url):
    officer.goto(f"{url}/admin/plans/returns/new/")
    officer.select_option("select[name=organisation]", label="Hội Sinh học tỉnh Lâm Đồng")
    officer.fill("input[name=year]", str(YEAR))
    officer.fill("input[name=deadline]", f"15/01/{YEAR + 1}")
    officer.fill("input[name=members]", "320")
    officer.fill("input[name=research_projects]", "2")
    officer.fill("textarea[name=activities]", "Hội thảo đa dạng sinh học Tây Nguyên.")
    with officer.expect_navigation():
        officer.click("main form button[type=submit] >> nth=0")
    officer.click("main a:has-text('Xem xét')")
    submit(officer, "Gửi Liên hiệp hội")


def accept_the_return(page, url):
    page.goto(f"{url}/admin/plans/returns/")
    page.click("main a:has-text('Xem xét')")
    submit(page, "Chấp nhận")


def generate_and_issue(page, url):
    page.goto(f"{url}/admin/reports/runs/new/")
    page.select_option("select[name=organisation]", label=UNION)
    page.fill("input[name=year]", str(YEAR))
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")
    run = ReportRun.objects.get(organisation__slug="lam-dong", year=YEAR)
    page.goto(f"{url}/admin/reports/run/{run.pk}/")
    page.click("text=Tạo báo cáo từ dữ liệu")
    page.wait_for_selector("input[name=day]")
    page.fill("input[name=day]", f"27/12/{YEAR}")
    answer(page, "text=Ban hành với số tiếp theo trong sổ văn bản đi", confirm=True)
    page.wait_for_selector("text=Tạo bản nháp tin bài về hội nghị")
    run.refresh_from_db()
    return run


def press(page, button):
    """Click a button that posts its form; the screen comes back without an error."""
    with page.expect_navigation():
        page.click(button)
    errors = page.locator(".messages .error, .error-message")
    assert not errors.count(), errors.all_inner_texts()


def step(page, value):
    """Take a workflow step with its button."""
    press(page, f"button[value={value}]")


def confirm_step(page, button):
    """Take an irreversible step: its button asks first, and the question is confirmed."""
    with page.expect_navigation():
        answer(page, button, confirm=True)
    errors = page.locator(".messages .error, .error-message")
    assert not errors.count(), errors.all_inner_texts()


def save_form(page):
    """Close a date picker (it may cover the buttons) and save the admin form."""
    close_date_pickers(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    errors = page.locator(".error-message, .messages .error")
    assert not errors.count(), errors.all_inner_texts()


def critique_a_scheme(page, expert, url):
    page.goto(f"{url}/admin/consulting/cases/new/")
    page.fill("input[name=title]", SCHEME)
    page.select_option("select[name=union]", label=UNION)
    page.select_option("select[name=requester]", label=PEOPLES_COMMITTEE)
    page.fill("input[name=request_date]", f"02/04/{YEAR}")
    page.fill("input[name=deadline]", f"30/06/{YEAR}")
    save_form(page)
    case = Case.objects.get(title=SCHEME)
    page.goto(f"{url}/admin/consulting/cases/{case.pk}/process/")
    choose_person(page, "form.case-add-member", "Phạm Minh Đức", "Phạm Minh Đức")
    page.select_option("select[name=role]", "chair")
    press(page, "form.case-add-member button[type=submit]")
    page.wait_for_selector(".case-panel >> text=Phạm Minh Đức")
    page.fill("form.case-actions input[name=on]", f"05/04/{YEAR}")
    step(page, "form_panel")
    page.wait_for_selector("button[value=collect_opinions]")

    expert.goto(f"{url}/admin/consulting/my-cases/")
    expert.click(f"text={SCHEME}")
    expert.fill("textarea[name=text]", "Cần bổ sung đánh giá sức chứa của các điểm du lịch.")
    expert.click("main form button[type=submit]")
    expert.wait_for_selector("text=Đã gửi ý kiến của bạn.")

    page.reload()
    page.fill("form.case-actions input[name=on]", f"20/04/{YEAR}")
    step(page, "collect_opinions")
    page.fill("input[name=on]", f"25/04/{YEAR}")
    step(page, "hold_meeting")
    page.fill("form.case-actions input[name=on]", f"05/05/{YEAR}")
    step(page, "draft_report")
    page.fill("input[name=number]", "15/BC-LHH")
    page.fill("input[name=on]", f"12/05/{YEAR}")
    page.fill("input[name=sent_to]", PEOPLES_COMMITTEE)
    step(page, "send_report")
    page.wait_for_selector("button[value=close]")


def entries_workbook():
    entry = {
        "Số thứ tự": 1,
        "Tên bài dự thi": SOLUTION,
        "Lĩnh vực": "Nông lâm ngư nghiệp, tài nguyên và môi trường",
        "Mô tả": "Sấy cà phê bằng năng lượng mặt trời, giảm một nửa chi phí điện.",
        "Đơn vị dự thi": "Hợp tác xã Cầu Đất",
    }
    author = {"Số thứ tự bài": 1, "Họ và tên": "Nguyễn Thị Mai", "Ngày sinh": "12/03/1980"}
    return workbook({"Bài dự thi": [entry], "Tác giả": [author]})


def run_a_contest(page, judge, url):
    page.goto(f"{url}/admin/contests/contests/new/")
    page.select_option("select[name=union]", label=UNION)
    page.select_option("select[name=kind]", "technical")
    page.fill("input[name=name]", "Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng")
    save_form(page)
    page.goto(f"{url}/admin/contests/rounds/new/")
    page.select_option("select[name=contest]", label="Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng")
    page.fill("input[name=number]", "9")
    page.fill("input[name=period]", f"{YEAR - 1}-{YEAR}")
    page.fill("input[name=launch_date]", f"01/03/{YEAR}")
    page.fill("input[name=entry_deadline]", f"31/07/{YEAR}")
    save_form(page)
    page.fill("input[name=prizes-0-count]", "1")  # the first prize (the edit form opens)
    save_form(page)
    round = ContestRound.objects.get(contest__union__slug="lam-dong")
    page.goto(f"{url}/admin/contests/rounds/{round.pk}/process/")
    page.fill("form.round-actions input[name=on]", f"02/03/{YEAR}")
    step(page, "open")
    page.click("text=Nhập bài dự thi từ Excel")
    upload(page, "bai-du-thi.xlsx", entries_workbook(), XLSX)
    submit(page, "Nhập")
    row = page.locator("table.round-entries tr", has_text=SOLUTION)
    row.locator("input[name=eligible][value=yes]").check()
    row.locator("input[name=on]").fill(f"05/08/{YEAR}")
    row.locator("form.review-form button[type=submit]").click()
    page.wait_for_selector("table.round-entries .decision >> text=đủ điều kiện")
    page.fill("form.round-actions input[name=on]", f"10/08/{YEAR}")
    confirm_step(page, "button[value=start_judging]")
    page.wait_for_selector("text=Đang chấm thi")

    field = round.fields.get(name__startswith="Nông lâm")
    page.goto(f"{url}/admin/contests/rounds/{round.pk}/judging/?field={field.pk}")
    choose_person(page, "form.add-judge", "Phạm Minh Đức", "Phạm Minh Đức")
    page.check("form.add-judge input[name=chair]")
    press(page, "form.add-judge button[type=submit]")
    page.wait_for_selector(".judging-field >> text=Phạm Minh Đức")
    step(page, "assign_all")
    page.wait_for_selector("text=Đã phân công 01 lượt chấm.")

    judge.goto(f"{url}/admin/contests/judging/")
    judge.click(f"text={SOLUTION}")
    judge.wait_for_selector("form.score-form")
    for field, value in zip(
        judge.locator("form.score-form input[type=text]").all(), ("36", "27", "26"), strict=True
    ):
        field.fill(value)
    judge.click("form.score-form button[type=submit]")
    judge.wait_for_selector("text=Đã lưu điểm của bạn.")

    page.reload()
    page.select_option("form.prize-form select[name=level]", "first")
    with page.expect_navigation():
        page.click("form.prize-form button[type=submit]")
    page.fill("form.approve-form input[name=number]", "05/QĐ-BTC")
    page.fill("form.approve-form input[name=on]", f"15/09/{YEAR}")
    confirm_step(page, "form.approve-form button[type=submit]")
    page.fill("form.publish-form input[name=on]", f"20/09/{YEAR}")
    page.click("form.publish-form button[type=submit]")
    page.wait_for_selector("text=Đã công bố kết quả")


COUNCIL = ("Võ Thị Lan", "Đỗ Văn Tâm", "Phạm Minh Đức")


def honour_intellectuals(page, voters, url):
    page.goto(f"{url}/admin/honours/rounds/new/")
    page.select_option("select[name=union]", label=UNION)
    page.fill("input[name=number]", "2")
    page.fill("input[name=year]", str(YEAR))
    page.fill("input[name=opens_on]", f"01/03/{YEAR}")
    page.fill("input[name=closes_on]", f"30/06/{YEAR}")
    save_form(page)
    round = HonourRound.objects.get(union__slug="lam-dong")
    page.goto(f"{url}/admin/honours/nominations/new/")
    page.select_option("select[name=round]", str(round.pk))
    choose_person(page, "main form", "Trần Văn Bình", "Trần Văn Bình")
    page.select_option("select[name=nominating_unit]", label="Hội Sinh học tỉnh Lâm Đồng")
    page.fill("textarea[name=summary]", "Ba mươi năm nghiên cứu đa dạng sinh học Lâm Viên.")
    save_form(page)

    page.goto(f"{url}/admin/honours/rounds/{round.pk}/process/")
    page.fill("form.review-form input[name=on]", f"10/07/{YEAR}")
    press(page, "form.review-form button[type=submit]")
    for number, name in enumerate(COUNCIL):
        choose_person(page, "form.council-seat", name, name)
        if not number:
            page.check("form.council-seat input[name=chair]")
        press(page, "form.council-seat button[type=submit]")
        page.wait_for_selector(f".round-council >> text={name}")
    page.fill("form.round-actions input[name=on]", f"15/07/{YEAR}")
    step(page, "close_review")
    page.wait_for_selector("button[value=close_voting]")

    for voter in voters:
        voter.goto(f"{url}/admin/honours/council/")
        voter.click(f"text={round}")
        voter.fill("input[name=on]", f"01/08/{YEAR}")
        voter.click("button[name=agree][value=yes]")
        voter.wait_for_selector("text=Đã ghi nhận phiếu của bạn.")

    page.reload()
    page.fill("form.round-actions input[name=on]", f"20/08/{YEAR}")
    step(page, "close_voting")
    page.fill("input[name=number]", "30/TTr-LHH")
    page.fill("input[name=on]", f"01/10/{YEAR}")
    step(page, "propose")
    page.fill("input[name=number]", "2001/QĐ-UBND")
    page.fill("input[name=on]", f"20/11/{YEAR}")
    confirm_step(page, "button[value=decide]")
    page.wait_for_selector("text=2001/QĐ-UBND")


def commend(page, url):
    page.goto(f"{url}/admin/honours/commendations/new/")
    page.select_option("select[name=union]", label=UNION)
    page.select_option("select[name=issuer_kind]", "union")
    page.select_option("select[name=form]", "giay_khen")
    page.fill("input[name=number]", "25/QĐ-LHH")
    page.fill("input[name=date]", f"20/12/{YEAR}")
    close_date_pickers(page)
    page.click("#id_recipients-ADD")
    page.select_option("select[name=recipients-0-organisation]", label="Hội Tin học tỉnh Lâm Đồng")
    save_form(page)


def support_a_community(page, url):
    page.goto(f"{url}/admin/community/projects/new/")
    page.fill("input[name=title]", PROJECT)
    page.select_option("select[name=centre]", label=CENTRE)
    page.fill("input[name=amount]", "1500000000")
    page.fill("input[name=start_date]", f"01/02/{YEAR}")
    page.fill("input[name=end_date]", f"30/11/{YEAR}")
    save_form(page)
    page.click(f"main tr:has-text('{PROJECT}') a:has-text('Đối tượng thụ hưởng')")
    page.fill("#id_year", str(YEAR))
    with page.expect_navigation():
        page.click("form.year-choice button")
    page.get_by_label("Hộ nghèo được hỗ trợ vốn, kỹ thuật (hộ)").fill("35")
    row = page.locator("tr", has_text="Hộ nghèo được hỗ trợ vốn, kỹ thuật")
    row.locator("input[name$=source]").fill("Báo cáo tổng kết dự án")
    with page.expect_navigation():
        page.click("main form[method=post] button[type=submit]")
    assert page.inner_text(".messages").strip() == "Đã lưu."
    assert page.input_value("#id_year") == str(YEAR)


def test_a_union_from_an_empty_installation_to_its_issued_report(
    empty_installation, live_server, browser
):
    os.environ["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    call_command(
        "createsuperuser", "--noinput", "--username", "quantri", "--email", "qt@example.vn"
    )
    url = live_server.url
    page = browser.new_context(locale="vi-VN").new_page()

    set_up_the_union(page, url)
    assert UNION in page.goto(f"{url}/").text()

    page.goto(f"{url}/admin/directory/import/")
    upload(page, "danh-ba.xlsx", registry_workbook("lam-dong"), XLSX)
    submit(page, "Nhập")
    assert "Đã nhập" in page.inner_text(".messages")

    invite(page, url, "lanhdao", "union_leader", UNION, ("Võ", "Thị", "Lan"))
    invite(page, url, "hoisinhhoc", "officer", "Hội Sinh học tỉnh Lâm Đồng", ("Đỗ", "Văn", "Tâm"))
    invite(page, url, "chuyengia", "expert judge", UNION, ("Phạm", "Minh", "Đức"))
    officer = accept_invitation(browser, "hoisinhhoc")
    log_in(officer, url, "hoisinhhoc", PASSWORD)
    leader = accept_invitation(browser, "lanhdao")
    log_in(leader, url, "lanhdao", PASSWORD)
    expert = accept_invitation(browser, "chuyengia")
    log_in(expert, url, "chuyengia", PASSWORD)

    page.goto(f"{url}/admin/activities/import/")
    upload(page, "hoat-dong.xlsx", activities_workbook("lam-dong"), XLSX)
    submit(page, "Nhập")
    assert "Đã nhập" in page.inner_text(".messages")

    import_news(page, url)
    make_the_plan(page, url)
    publish_a_journal_issue(page, leader, url)
    approve_the_plan(leader, url)
    file_the_return(officer, url)
    accept_the_return(page, url)
    critique_a_scheme(page, expert, url)
    run_a_contest(page, expert, url)
    honour_intellectuals(page, (leader, officer, expert), url)
    commend(page, url)
    support_a_community(page, url)

    run = generate_and_issue(page, url)

    assert run.state == RunState.ISSUED
    with run.markdown.open("rb") as markdown:
        text = markdown.read().decode()
    assert Organisation.objects.get(slug="lam-dong").is_default
    for said in (
        "02 hội thành viên",
        "500 hội viên",
        "Hội thảo nông nghiệp công nghệ cao",
        "đạt 50% kế hoạch",
        "Các lớp tập huấn có 45 lượt người tham gia.",
        "đăng 02 tin bài",
        "phát hành 01 số tập san",
        "1/2 hội thành viên gửi báo cáo năm",
        f"- {SCHEME} (theo đề nghị của {PEOPLES_COMMITTEE}; Báo cáo số 15/BC-LHH)",
        "Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ 9 "
        f"({YEAR - 1}-{YEAR}): 01 giải pháp dự thi của 01 tác giả, 01 giải pháp đủ điều kiện; "
        "trao 01 giải (01 giải Nhất).",
        "tiếp nhận 01 hồ sơ đề cử, 01 hồ sơ đủ điều kiện được đề nghị UBND tỉnh tôn vinh. "
        f"UBND tỉnh tôn vinh 01 trí thức (Quyết định số 2001/QĐ-UBND ngày 20/11/{YEAR}).",
        "Liên hiệp hội khen thưởng 01 tập thể.",
        "Câu lạc bộ trí thức tổ chức 01 buổi sinh hoạt chuyên đề; kết nạp 03 hội viên mới, "
        f"đến cuối năm {YEAR} có 03 hội viên.",
        "- Chuyên đề cà phê đặc sản Cầu Đất",
        "- Hội nghị tổng kết của Liên hiệp Hội Việt Nam",
        "Các đơn vị trực thuộc thực hiện 01 dự án cộng đồng với tổng kinh phí 1,5 tỷ đồng.",
        "- Hộ nghèo được hỗ trợ vốn, kỹ thuật: 35 hộ",
    ):
        assert said in text, said
