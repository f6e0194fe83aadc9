"""The federation's staff define a consulting kind with its report sentence (a wrong placeholder
is refused in Vietnamese); the union's staff enter a record of it; the dashboard counts it."""

import re

import pytest

from lienhiep.consulting.models import ConsultingKind, ConsultingRecord
from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

KIND = "Góp ý dự thảo văn bản"


def submit(page):
    page.keyboard.press("Escape")
    page.locator("main form button[type=submit]").first.click()


def test_a_kind_defined_with_its_sentence_counts_its_first_record(live_server, seeded, browser):
    url = live_server.url
    federation = browser.new_context(locale="vi-VN").new_page()
    log_in(federation, url, "lhhvn", DEMO_PASSWORD)
    federation.goto(f"{url}/admin/consulting/kinds/new/")
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
    log_in(staff, url, "canbo", DEMO_PASSWORD)
    staff.goto(f"{url}/admin/consulting/records/new/")
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
