"""Characters that hide text: the one definition, for what people type and what we export.

C0 control characters (but tab, line feed and carriage return) and DEL break spreadsheets
(openpyxl refuses them) and terminals; zero-width characters, bidirectional embeddings,
overrides and isolates, and a stray byte order mark make text read differently from what it
holds. Forms and imports strip them (``strip_invisible``) and refuse a value that held nothing
else (``InvisibleOnly``); exports strip them again (``core.exporters.tables``).
"""

import re

from django.utils.translation import gettext_lazy as _

#: C0 controls but tab, line feed and carriage return; DEL; zero-width and bidirectional marks,
#: embeddings, overrides and isolates; the byte order mark
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
INVISIBLE_ONLY = _("Only invisible characters were written here; write the text itself.")


class InvisibleOnly(ValueError):
    """A value that held only invisible characters (and spaces)."""

    def __init__(self):
        super().__init__(INVISIBLE_ONLY)


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def visible_text(text: str) -> str:
    """``text`` without invisible characters; ``InvisibleOnly`` if nothing visible was in it."""
    cleaned = strip_invisible(text)
    if text.strip() and not cleaned.strip():
        raise InvisibleOnly
    return cleaned
