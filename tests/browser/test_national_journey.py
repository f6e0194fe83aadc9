"""Federation staff go from the dashboard to the national view: who has sent, the map of the
34 provinces for the indicator they choose, a union's figures and the Excel file — and the map
asks nothing from outside the site."""

from urllib.parse import urlsplit

import pytest
from bench.national import package_as

from lienhiep.api.package.build import build
from lienhiep.api.package.load import load
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_federation_staff_read_the_provinces_on_the_map(live_server, seeded, browser):
    url, host = live_server.url, urlsplit(live_server.url).netloc
    demo = Organisation.objects.get(slug="hoa-an")
    package = package_as(
        build(union=demo, year=2024), slug="lhh-lam-dong", name="LHH Lâm Đồng", province="lam-dong"
    )
    load(package=package, trust=True)
    page = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    asked = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).netloc))
    log_in(page, url, "lhhvn", DEMO_PASSWORD, then="/admin/?year=2024")
    page.click("text=Bảng toàn quốc và bản đồ 34 tỉnh, thành phố")
    page.wait_for_url(f"{url}/admin/plans/national/")
    assert "1/34 liên hiệp hội tỉnh đã gửi số liệu năm 2024" in page.inner_text("main")
    assert "Hà Nội" in page.inner_text(".national-missing")

    page.select_option("select[name=indicator]", value="directory.members")
    page.click("text=Xem trên bản đồ")
    page.wait_for_url("**indicator=directory.members**")
    assert page.locator("svg.national-map path.unit").count() == 34
    lam_dong = page.locator("svg.national-map path[data-province=lam-dong] > title")
    assert lam_dong.text_content().startswith("Lâm Đồng: ")
    assert page.locator("svg.national-map .legend text", has_text="Chưa gửi số liệu").count() == 1

    with page.expect_download() as download:
        page.click("text=Tải về tệp Excel")
    assert download.value.suggested_filename == "bang-toan-quoc-2024.xlsx"

    page.click("text=LHH Lâm Đồng")
    assert "từ gói số liệu có chữ ký" in page.inner_text("main")
    assert sorted({h for h in asked if h and h != host}) == []
