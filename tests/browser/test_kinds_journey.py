"""The federation's staff define a consulting kind with its report sentence (a wrong placeholder
is refused in Vietnamese); the union's staff enter a record of it; the dashboard counts it. The
union's staff then define their own union's activity kind with its sentence, enter a held
activity of it, and the dashboard counts that too."""

import re

import pytest

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.consulting.models import ConsultingKind, ConsultingRecord
from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import close_date_pickers, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

KIND = "Góp ý dự thảo văn bản"
ACTIVITY_KIND = "Tư vấn sở hữu trí tuệ"


def submit(page):
    close_date_pickers(page)
    page.locator("main form button[type=submit]").first.click()


def test_a_kind_defined_with_its_sentence_counts_its_first_record(live_server, seeded, browser):
    url = live_server.url
    federation = browser.new_context(locale="vi-VN").new_page()
    log_in(federation, url, "lhhvn", DEMO_PASSWORD, then="/admin/consulting/kinds/new/")
    federation.fill("input[name=name]", KIND)
    federation.fill("input[name=slug]", "gop-y-du-thao")
    federation.select_option("select[name=form]", "record")
    federation.fill("input[name=unit]", "văn bản")
    federation.select_option("select[name=report_section]", "consulting")
    federation.fill("input[name=sentence]", "Góp ý {so} dự thảo văn bản.")
    federation.check("input[name=lists_records]")
    submit(federation)
    error = federation.locator(".w-field__errors", has_text="{so}").inner_text()
    assert "không phải chỗ điền" in error and "{số}" in error
    assert not ConsultingKind.objects.filter(slug="gop-y-du-thao").exists()
    federation.fill("input[name=sentence]", "Góp ý {số} dự thảo văn bản[, đạt {tỷ lệ} kế hoạch].")
    submit(federation)
    federation.wait_for_url(re.compile(r".*/admin/consulting/kinds/$"))
    assert KIND in federation.inner_text("main")

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/consulting/records/new/")
    staff.select_option("select[name=kind]", label=KIND)
    staff.fill("input[name=title]", "Dự thảo Quyết định ban hành quy chế quản lý đề tài")
    staff.fill("input[name=date]", "14/10/2024")
    staff.fill("input[name=requester]", "Sở Khoa học và Công nghệ")
    staff.fill("input[name=document_number]", "1520/SKHCN")
    submit(staff)
    staff.wait_for_url(re.compile(r".*/admin/consulting/records/$"))
    record = ConsultingRecord.objects.get(document_number="1520/SKHCN")
    assert (record.kind.name, record.union.slug, record.date.isoformat()) == (
        KIND,
        "hoa-an",
        "2024-10-14",
    )

    staff.goto(f"{url}/admin/?year=2024")
    figure = staff.locator(".plan-panel__figures li", has_text=KIND).inner_text()
    assert figure == f"{KIND}: 1"

    staff.goto(f"{url}/admin/activities/kinds/new/")
    staff.fill("input[name=name]", ACTIVITY_KIND)
    staff.fill("input[name=slug]", "tu-van-shtt")
    staff.fill("input[name=unit]", "buổi tư vấn")
    staff.select_option("select[name=report_section]", "activities.work")
    staff.fill("input[name=sentence]", "Tổ chức {số} buổi tư vấn sở hữu trí tuệ.")
    submit(staff)
    staff.wait_for_url(re.compile(r".*/admin/activities/kinds/$"))
    assert ActivityKind.objects.get(slug="tu-van-shtt").union.slug == "hoa-an"

    staff.goto(f"{url}/admin/activities/new/")
    staff.select_option("select[name=kind]", label=ACTIVITY_KIND)
    staff.fill("input[name=title]", "Tư vấn đăng ký nhãn hiệu gạo Hòa An")
    staff.fill("input[name=start_date]", "20/11/2024")
    staff.select_option("select[name=state]", "held")
    submit(staff)
    staff.wait_for_url(re.compile(r".*/admin/activities/$"))
    activity = Activity.objects.get(title="Tư vấn đăng ký nhãn hiệu gạo Hòa An")
    assert (activity.kind.slug, activity.organiser.slug) == ("tu-van-shtt", "hoa-an")

    staff.goto(f"{url}/admin/?year=2024")
    figure = staff.locator(".plan-panel__figures li", has_text=ACTIVITY_KIND).inner_text()
    assert figure == f"{ACTIVITY_KIND}: 1"
