"""Commands speak Vietnamese from the catalogue (English msgids), whatever language is active."""

from io import StringIO

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.utils import translation

from lienhiep.core.management.base import Command as LienhiepCommand

pytestmark = pytest.mark.django_db


def test_every_command_of_lienhiep_runs_in_the_installations_language():
    ours = {name: app for name, app in get_commands().items() if app.startswith("lienhiep.")}
    assert len(ours) >= 12
    for name, app in ours.items():
        assert isinstance(load_command_class(app, name), LienhiepCommand), name


def test_a_command_prints_vietnamese_with_english_active(demo):
    out = StringIO()
    with translation.override("en"):
        call_command("registry", "--org", "hoa-an", "--year", "2024", stdout=out)
        assert translation.get_language() == "en"  # given back as it was
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{demo.name} – cuối năm 2024"
    assert lines[3] == "Hội viên: 12.436"


def test_a_command_error_is_vietnamese_with_english_active(demo):
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("annual_report", "--org", "khong-co", "--year", "2024", "--output", "-")
    assert str(error.value) == "Không có tổ chức mã “khong-co”."


def test_the_demo_seed_says_hoa_an_is_a_fictional_province(demo):
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    assert out.getvalue().splitlines()[-2:] == [
        "Dữ liệu mẫu Hòa An 2024 đã sẵn sàng.",
        "Hòa An là tỉnh giả định: liên hiệp hội mẫu không có tỉnh, thành phố và được liệt kê ở "
        "nhóm “Chưa ghi tỉnh, thành phố” trong bảng toàn quốc, không có trên bản đồ.",
    ]
