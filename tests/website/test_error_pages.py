"""The site answers its own Vietnamese pages for an unknown address and a server error."""

import pytest
from django.test import RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_an_unknown_address_answers_the_sites_vietnamese_404(client, demo):
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in html
    assert "Not Found" not in html and 'class="site-header"' in html


def test_an_unknown_page_under_a_section_answers_the_same_404(client, demo):
    response = client.get("/tin-tuc/khong-co-bai-nay/")
    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in response.content.decode()


def test_the_server_error_handler_renders_the_vietnamese_500():
    response = defaults.server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Trang web gặp lỗi</h1>" in html and "Server Error" not in html
