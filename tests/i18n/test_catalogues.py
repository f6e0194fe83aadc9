"""Vietnamese first: how much of Wagtail's admin speaks Vietnamese, and our own catalogue."""

from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.utils import translation

WAGTAIL = Path(wagtail.__file__).parent
OURS = [Path(p) for p in settings.LOCALE_PATHS]


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def translated_keys(paths, domain):
    keys = set()
    for path in paths:
        if path.exists():
            keys |= {key(e) for e in polib.pofile(str(path)) if e.translated() and not e.obsolete}
    return keys


@pytest.mark.parametrize(("domain", "minimum"), [("django", 0.95), ("djangojs", 0.95)])
def test_wagtail_admin_messages_are_translated_to_vietnamese(domain, minimum):
    wanted = set()
    for english in WAGTAIL.rglob(f"locale/en/LC_MESSAGES/{domain}.po"):
        wanted |= {key(e) for e in polib.pofile(str(english)) if e.msgid and not e.obsolete}
    theirs = [
        p.parents[2] / "vi/LC_MESSAGES" / f"{domain}.po"
        for p in WAGTAIL.rglob(f"locale/en/LC_MESSAGES/{domain}.po")
    ]
    ours = [base / "vi/LC_MESSAGES" / f"{domain}.po" for base in OURS]
    done = wanted & translated_keys(theirs + ours, domain)
    share = len(done) / len(wanted)
    assert len(wanted) > 1000 if domain == "django" else len(wanted) > 30
    assert share >= minimum, (
        f"{share:.1%} of {len(wanted)} Wagtail {domain} messages are in Vietnamese"
    )


def test_our_catalogue_is_complete_and_placeholders_match():
    po = polib.pofile(str(OURS[0] / "vi/LC_MESSAGES/django.po"))
    assert [e.msgid for e in po if not e.translated()] == []
    for entry in po:
        assert set(_placeholders(entry.msgid)) == set(
            _placeholders(entry.msgstr or entry.msgstr_plural[0])
        )


def _placeholders(text):
    import re

    return re.findall(r"%\(\w+\)s|%s|%d", text)


@pytest.mark.parametrize(
    ("msgid", "vietnamese"),
    [
        ("Dashboard", "Trang tổng quan"),
        ("Search", "Tìm kiếm"),
        ("Sign in", "Đăng nhập"),
    ],
)
def test_common_admin_words_are_vietnamese(msgid, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(msgid) == vietnamese
