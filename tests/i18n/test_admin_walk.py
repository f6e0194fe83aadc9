"""Every admin page a persona reaches from its menu (and the first record of each list) speaks
Vietnamese: no True/False, None, English labels, permission names, codes or English time units."""

import pytest

from tests.factories import make_user
from tests.i18n.walk import CODE, button_problems, menu_urls, problems, walk

pytestmark = pytest.mark.django_db

#: An indicator's own screens show its code (and the form's help text an example of one).
ALLOWED = {"/admin/plans/indicators/": CODE}
PERSONAS = ["union_staff", "leader", "officer", "judge", "expert", "editor", "federation"]


def unexpected(found):
    return {address: words for address, words in found.items() if not _allowed(address, words)}


def _allowed(address, words):
    allowed = [pattern for prefix, pattern in ALLOWED.items() if address.startswith(prefix)]
    return all(any(p.fullmatch(word) for p in allowed) for word in words)


@pytest.mark.parametrize("who", PERSONAS)
def test_every_page_of_a_personas_menu_is_in_vietnamese(client, personas, who):
    assert menu_urls(personas[who])
    assert unexpected(walk(client, personas[who])) == {}


def test_every_page_of_the_administrators_menu_is_in_vietnamese(client, demo):
    administrator = make_user(superuser=True)
    assert "/admin/groups/" in menu_urls(administrator)
    assert unexpected(walk(client, administrator)) == {}


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
