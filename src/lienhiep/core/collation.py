"""Vietnamese alphabetical order as plain sort keys that sort the same on every database.

The Vietnamese alphabet orders letters ``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
v x y`` and, at equal letters, tones ``ngang, huyền, hỏi, ngã, sắc, nặng``. A key is a string
of digits: two per letter (primary), ``00`` at the end of each word, then one digit per letter
for its tone (secondary). Digit strings compare the same under SQLite's binary collation and
PostgreSQL's locales, so ``ORDER BY sort_key`` is Vietnamese order on both.
"""

import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
MODIFIERS = {"\u0306": "ă", "\u0302": "^", "\u031b": "+"}
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
HAT = {"a": "â", "e": "ê", "o": "ô"}
HORN = {"o": "ơ", "u": "ư"}


def _letter(char: str) -> tuple[str, int]:
    """Split one character into its Vietnamese base letter and its tone number."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    for mark in marks:
        if mark == "\u0306" and base == "a":
            base = "ă"
        elif mark == "\u0302":
            base = HAT.get(base, base)
        elif mark == "\u031b":
            base = HORN.get(base, base)
        elif mark in TONES:
            tone = TONES[mark]
    return base, tone


def collation_key(text: str) -> str:
    """The sort key of ``text`` in Vietnamese order, word by word."""
    primary, secondary = [], []
    for word in text.split():
        for char in word:
            base, tone = _letter(char)
            index = ALPHABET.find(base)
            if index < 0:
                if not base.isdigit():
                    continue
                index = 40 + int(base)  # digits after letters, in order
            primary.append(f"{index + 1:02d}")
            secondary.append(str(tone))
        primary.append("00")
    return "".join(primary) + "|" + "".join(secondary)


def person_sort_key(family_name: str, middle_name: str, given_name: str) -> str:
    """People sort by given name, then family name, then middle name (Vietnamese usage)."""
    return collation_key(" ".join(filter(None, [given_name, family_name, middle_name])))
