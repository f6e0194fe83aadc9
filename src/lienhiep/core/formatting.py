"""Vietnamese formatting: the one home for numbers, counts, money, dates and numerals.

Rules (DOMAIN.md §7.4):

* thousands are grouped with ``.`` and the decimal mark is ``,`` (``18.749``, ``24,5``);
* report counts below ten are written with two digits (``05 đề án``) — in the *report* only;
  a figure on a screen (dashboard, panels, national table) is a plain number (``3``, ``1.250``),
  written by ``format_figure`` (the template filter ``vi_figure``) and by nothing else;
* a percentage of achievement is ``actual ÷ target × 100`` rounded **half up to a whole
  percent** (``11 / 12`` → ``92%``, ``6 / 5`` → ``120%``); with no target there is none;
* money is written in full with ``đồng`` (``9.000.000.000 đồng``), shortened to one decimal of
  ``tỷ`` or ``triệu`` rounded half up (``4,2 tỷ đồng``), or spelled out (``Chín tỷ đồng``);
* dates are ``27/12/2022``, and are read back from ``dd/mm/yyyy`` (``5/3/2025`` too); the report date line pads the day below 10 and the months
  January and February (``Hòa An, ngày 05 tháng 01 năm 2025``, ``ngày 15 tháng 6 năm 2025``).
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = [(10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn")]


def _group(digits: str) -> str:
    """Group the integer part of a number with dots: ``'18749'`` → ``'18.749'``."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def format_number(value, decimals=None) -> str:
    """``18749`` → ``18.749``; ``24.5`` → ``24,5``; ``decimals`` fixes the places shown."""
    number = Decimal(str(value))
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    if decimals is None:
        fraction = fraction.rstrip("0")
    result = sign + _group(whole)
    return f"{result},{fraction}" if fraction else result


def format_figure(value) -> str:
    """A figure on a screen, never padded: ``3`` → ``3``; ``Decimal('1250.00')`` → ``1.250``;
    ``24.5`` → ``24,5``; ``None`` → ``—`` (no figure)."""
    if value is None:
        return "—"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return format_number(value)


def format_count(value: int, unit: str = "", *, pad: bool = True) -> str:
    """A report count: ``5, 'đề án'`` → ``05 đề án``; ``12436`` → ``12.436``."""
    text = f"{value:02d}" if pad and 0 <= value < 10 else format_number(value)
    return f"{text} {unit}" if unit else text


def achievement(actual, target):
    """Whole percent of ``actual`` against ``target``, rounded half up; ``None`` without target."""
    if not target:
        return None
    ratio = Decimal(str(actual)) * 100 / Decimal(str(target))
    return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_percent(actual, target) -> str:
    """``6, 5`` → ``120%``; an empty string when there is no target."""
    value = achievement(actual, target)
    return "" if value is None else f"{format_number(value)}%"


def format_money(amount) -> str:
    """``9000000000`` → ``9.000.000.000 đồng``."""
    return f"{format_number(Decimal(str(amount)), decimals=0)} đồng"


def format_money_short(amount) -> str:
    """``9000000000`` → ``9 tỷ đồng``; ``4200000000`` → ``4,2 tỷ đồng``; ``750000000`` → ``750 triệu đồng``."""
    amount = Decimal(str(amount))
    for scale, name in SCALES[:2]:
        if abs(amount) >= scale:
            short = (amount / scale).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            return f"{format_number(short)} {name} đồng"
    return format_money(amount)


def _hundreds(n: int, full: bool) -> list[str]:
    """Words for 0 < n < 1000; ``full`` says a higher group precedes (``không trăm linh``)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _words(n: int, full: bool = False) -> list[str]:
    for scale, name in SCALES:
        if n >= scale:
            high, low = divmod(n, scale)
            words = [*_words(high, full), name]
            return words + _words(low, True) if low else words
    return _hundreds(n, full) if n else []


def number_to_words(n: int) -> str:
    """``105`` → ``một trăm linh năm``; ``1021`` → ``một nghìn không trăm hai mươi mốt``."""
    if n < 0:
        return "âm " + number_to_words(-n)
    return " ".join(_words(n)) if n else "không"


def money_in_words(amount) -> str:
    """``9000000000`` → ``Chín tỷ đồng``."""
    words = number_to_words(int(Decimal(str(amount)).to_integral_value(ROUND_HALF_UP)))
    return f"{words[0].upper()}{words[1:]} đồng"


def format_date(value: date | None) -> str:
    """``date(2022, 12, 27)`` → ``27/12/2022``."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str | None) -> date:
    """``'27/12/2022'`` (or ``' 5 / 3 / 2025 '``) → a date; a Vietnamese ``ValidationError`` else."""
    written = "".join((text or "").split())
    if not written:
        raise ValidationError(_("Write the date as dd/mm/yyyy."))
    try:
        return datetime.strptime(written, "%d/%m/%Y").date()
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a date written as dd/mm/yyyy") % {"value": text.strip()}
        ) from None


def date_line(place: str, value: date) -> str:
    """``'Hòa An', date(2025, 1, 5)`` → ``Hòa An, ngày 05 tháng 01 năm 2025``."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"


ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    """``4`` → ``IV``: rounds and terms (``nhiệm kỳ IV``, ``lần thứ XII``)."""
    if not 0 < n < 4000:
        raise ValueError("Roman numerals cover 1 to 3999.")
    result = []
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        result.append(letters * count)
    return "".join(result)


def slugify_vi(text: str) -> str:
    """``'Hội Điều dưỡng'`` → ``hoi-dieu-duong`` (Django's slugify alone drops ``đ``)."""
    return slugify(anyascii(text))


def fold(text: str) -> str:
    """Lower-case text without diacritics, for accent-insensitive search (``Đà Nẵng`` → ``da nang``)."""
    return " ".join(anyascii(text or "").lower().split())
