from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from lienhiep.core.formatting import (
    achievement,
    date_line,
    fold,
    format_count,
    format_date,
    format_money,
    format_money_short,
    format_number,
    format_percent,
    money_in_words,
    number_to_words,
    parse_date,
    roman,
    slugify_vi,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (18749, "18.749"),
        (24.5, "24,5"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (Decimal("1500050.30"), "1.500.050,3"),
        (-12436, "-12.436"),
        (9_000_000_000, "9.000.000.000"),
    ],
)
def test_format_number_examples(value, expected):
    assert format_number(value) == expected


def test_format_number_fixed_decimals_rounds_half_up():
    assert format_number(Decimal("24.25"), decimals=1) == "24,3"
    assert format_number(3, decimals=2) == "3,00"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_number_integers_read_back(n):
    text = format_number(n)
    assert int(text.replace(".", "")) == n
    groups = text.lstrip("-").split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_format_number_decimals_read_back(d):
    text = format_number(d)
    assert Decimal(text.replace(".", "").replace(",", ".")) == d


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (5, "đề án", "05 đề án"),
        (0, "giải", "00 giải"),
        (11, "hội thảo", "11 hội thảo"),
        (12436, "hội viên", "12.436 hội viên"),
        (9, "", "09"),
    ],
)
def test_format_count(n, unit, expected):
    assert format_count(n, unit) == expected


def test_format_count_without_padding():
    assert format_count(6, "sự kiện", pad=False) == "6 sự kiện"


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [
        (6, 5, "120%"),
        (168, 150, "112%"),
        (11, 12, "92%"),
        (9, 6, "150%"),
        (4, 4, "100%"),
        (1, 8, "13%"),
        (5, 4, "125%"),
        (0, 5, "0%"),
        (3, 0, ""),
    ],
)
def test_format_percent_rounds_half_up(actual, target, expected):
    assert format_percent(actual, target) == expected


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_achievement_is_nearest_whole_percent(actual, target):
    value = achievement(actual, target)
    exact = Decimal(actual) * 100 / Decimal(target)
    assert abs(Decimal(value) - exact) <= Decimal("0.5")


def test_money_forms():
    assert format_money(9_000_000_000) == "9.000.000.000 đồng"
    assert format_money_short(9_000_000_000) == "9 tỷ đồng"
    assert format_money_short(4_200_000_000) == "4,2 tỷ đồng"
    assert format_money_short(4_249_000_000) == "4,2 tỷ đồng"
    assert format_money_short(750_000_000) == "750 triệu đồng"
    assert format_money_short(30_000) == "30.000 đồng"
    assert money_in_words(9_000_000_000) == "Chín tỷ đồng"
    assert money_in_words(30_000_000) == "Ba mươi triệu đồng"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (25, "hai mươi lăm"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (1005, "một nghìn không trăm linh năm"),
        (1021, "một nghìn không trăm hai mươi mốt"),
        (12436, "mười hai nghìn bốn trăm ba mươi sáu"),
        (1_000_000, "một triệu"),
        (4_200_000_000, "bốn tỷ hai trăm triệu"),
        (2_000_000_000_000, "hai nghìn tỷ"),
    ],
)
def test_number_to_words_examples(n, words):
    assert number_to_words(n) == words


UNITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def read_group(words):
    """Read the words of a number below one thousand."""
    value = 0
    if "trăm" in words:
        value += UNITS[words[0]] * 100
        words = words[2:]
    if words[:1] == ["linh"]:
        return value + UNITS[words[1]]
    if words[:1] == ["mười"]:
        value, words = value + 10, words[1:]
    elif words[1:2] == ["mươi"]:
        value, words = value + UNITS[words[0]] * 10, words[2:]
    return value + (UNITS[words[0]] if words else 0)


def read_words(text):
    """An independent reader of Vietnamese number words, to check the writer against."""
    words = text.split()
    for scale, name in ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn")):
        if name in words:
            index = len(words) - 1 - words[::-1].index(name)
            high, low = words[:index], words[index + 1 :]
            return read_words(" ".join(high)) * scale + (read_words(" ".join(low)) if low else 0)
    return read_group(words)


@given(st.integers(min_value=0, max_value=10**12))
def test_number_to_words_reads_back(n):
    assert read_words(number_to_words(n)) == n


@given(st.integers(min_value=1, max_value=10**12))
def test_number_to_words_shape(n):
    words = number_to_words(n)
    assert words == words.strip() and "  " not in words
    assert set(words.split()) <= set(UNITS) | {
        "mười",
        "mươi",
        "linh",
        "trăm",
        "nghìn",
        "triệu",
        "tỷ",
    }


def test_dates():
    assert format_date(date(2022, 12, 27)) == "27/12/2022"
    assert format_date(None) == ""
    assert date_line("Hòa An", date(2025, 1, 5)) == "Hòa An, ngày 05 tháng 01 năm 2025"
    assert date_line("Hòa An", date(2025, 2, 15)) == "Hòa An, ngày 15 tháng 02 năm 2025"
    assert date_line("Hòa An", date(2024, 6, 9)) == "Hòa An, ngày 09 tháng 6 năm 2024"
    assert date_line("Hòa An", date(2024, 12, 27)) == "Hòa An, ngày 27 tháng 12 năm 2024"


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@given(st.integers(1, 3999))
def test_roman_reads_back(n):
    text = roman(n)
    values = [ROMAN_VALUES[c] for c in text]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    assert total == n


def test_roman_examples_and_bounds():
    assert [roman(n) for n in (2, 4, 8, 12, 20)] == ["II", "IV", "VIII", "XII", "XX"]
    with pytest.raises(ValueError):
        roman(0)


def test_slugs_and_folding_keep_d():
    assert slugify_vi("Hội Điều dưỡng tỉnh Hòa An") == "hoi-dieu-duong-tinh-hoa-an"
    assert slugify_vi("KH&KT Đà Nẵng") == "khkt-da-nang"
    assert fold("  Đà   Nẵng ") == "da nang"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27/12/2022", date(2022, 12, 27)),
        ("5/3/2025", date(2025, 3, 5)),
        ("05/03/2025", date(2025, 3, 5)),
        (" 29/02/2024 ", date(2024, 2, 29)),
        ("1 / 11 / 2026", date(2026, 11, 1)),
    ],
)
def test_parse_date_reads_day_month_year(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["29/02/2025", "31/04/2025", "12/27/2022", "2025-03-05", "hôm nay"]
)
def test_parse_date_refuses_what_is_not_a_day_in_vietnamese(text):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_date(text)
    assert error.value.messages == [f"“{text}” không phải là ngày viết theo dạng dd/mm/yyyy"]


@pytest.mark.parametrize("text", [None, "", "   "])
def test_parse_date_asks_for_a_date_when_none_is_written(text):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_date(text)
    assert error.value.messages == ["Hãy ghi ngày theo dạng dd/mm/yyyy."]


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_date_reads_back_format_date(day):
    assert parse_date(format_date(day)) == day
