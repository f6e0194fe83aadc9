"""Federation staff add a hosted union on the screens; its website answers at its host name."""

import re

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NAME = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
HOST = "lamdong.localhost"  # Chromium sends every *.localhost name to this machine


def test_federation_staff_add_a_union_whose_site_answers_at_its_host(live_server, seeded, browser):
    url = live_server.url
    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "lhhvn", DEMO_PASSWORD, then="/admin/lien-hiep-hoi/")
    staff.fill("input[name=name]", NAME)
    staff.fill("input[name=hostname]", HOST)
    staff.select_option("select[name=province]", label="Lâm Đồng")
    staff.fill("input[name=signer_name]", "Nguyễn Văn An")
    staff.click("button:has-text('Thêm liên hiệp hội và cổng thông tin')")
    staff.wait_for_load_state()
    assert f"Đã thiết lập {NAME} và cổng thông tin tại {HOST}." in staff.content()
    hosts = staff.locator(".hosted-union__host").all_inner_texts()
    assert hosts == ["127.0.0.1", HOST]

    visitor = browser.new_context(locale="vi-VN").new_page()
    port = re.search(r":(\d+)$", url)[1]
    visitor.goto(f"http://{HOST}:{port}/")
    assert visitor.title() == f"{NAME} – {NAME}"
    visitor.click(".site-nav a:text-is('Tin tức')")
    assert visitor.url == f"http://{HOST}:{port}/tin-tuc/"
    visitor.goto(f"{url}/")
    assert "Hòa An" in visitor.title()
