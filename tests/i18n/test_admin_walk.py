"""What the walk over every offered admin page (``tests/core/test_offered_links.py``) counts as
not Vietnamese: True/False, None, English labels and buttons, permission names, codes, English
time units; and the Vietnamese of the plans' buttons, formsets and time messages."""

import pytest

from tests.i18n.walk import button_problems, problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("quá hạn Đại hội: True", ["True"]),
        ("13 minutes trước", ["minutes trước"]),
        ("Can add activity", ["Can add"]),
        ("Chỉ số directory.member_organisations", ["directory.member_organisations"]),
        ("Nguyễn Thị Hạnh, 13 phút trước, hanh@hoaan.example.vn", []),
        ('Ví dụ {"sex": "female"}; để trống', ['{"sex": "female"}']),
        ('Chia theo ["sex", "commune"].', ['["sex", "commune"]']),
        ("Chia nhỏ [ ]", ["[ ]"]),
        ("Ví dụ: sex = female. Chia theo: giới tính, xã [1]", []),
    ],
)
def test_the_walk_finds_english_and_codes(text, found):
    assert problems(text) == found


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ('<input type="submit" value="Search" class="button" />', ["Search"]),
        ('<button type="submit" class="button">Save <span>draft</span></button>', ["Save"]),
        ('<button type="submit">Lưu</button><input type="submit" value="Tìm kiếm">', []),
    ],
)
def test_the_walk_finds_english_buttons(page, found):
    assert button_problems(page) == found


def test_the_plans_add_buttons_name_what_they_add(client, personas):
    from django.urls import reverse

    client.force_login(personas["union_staff"])
    html = client.get(reverse("plans_annualplan:add")).content.decode()
    assert "Thêm chỉ tiêu" in html and "Thêm nhiệm vụ, giải pháp" in html
    assert "Thêm Kế hoạch" not in html


def test_formset_and_time_messages_are_vietnamese():
    from django.utils import translation
    from django.utils.timesince import timesince
    from django.utils.translation import ngettext

    with translation.override("vi"):
        at_least = ngettext(
            "Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", 1
        )
        assert at_least % {"num": 1} == "Vui lòng nhập ít nhất 1 mục."
        from datetime import datetime, timedelta

        now = datetime(2026, 1, 1, 12, 0)
        assert timesince(now - timedelta(minutes=13), now) == "13\xa0phút"
