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

from lienhiep.directory import importing
from lienhiep.directory.models import Organisation
from lienhiep.reports.enums import RunState
from lienhiep.reports.models import ReportRun
from lienhiep.website.models import NewsIndexPage

from .conftest import answer

pytestmark = [pytest.mark.browser, pytest.mark.empty_installation]

YEAR = date.today().year - 1
UNION = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
PASSWORD = "Mat-khau-dai-2026"


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


def invite(page, url, username, role, organisation, names):
    page.goto(f"{url}/admin/directory/accounts/invite/")
    page.fill("input[name=username]", username)
    page.fill("input[name=email]", f"{username}@example.vn")
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


def log_in_as(page, url, username):
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/admin/")


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
    officer = accept_invitation(browser, "hoisinhhoc")
    log_in_as(officer, url, "hoisinhhoc")
    leader = accept_invitation(browser, "lanhdao")
    log_in_as(leader, url, "lanhdao")

    page.goto(f"{url}/admin/activities/import/")
    upload(page, "hoat-dong.xlsx", activities_workbook("lam-dong"), XLSX)
    submit(page, "Nhập")
    assert "Đã nhập" in page.inner_text(".messages")

    import_news(page, url)
    make_the_plan(page, url)
    approve_the_plan(leader, url)
    file_the_return(officer, url)
    accept_the_return(page, url)

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
        "1/2 hội thành viên gửi báo cáo năm",
    ):
        assert said in text, said
