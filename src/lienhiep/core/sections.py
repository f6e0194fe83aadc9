"""The report-section registry: each domain app contributes its sections from ``report.py``.

The registry lives in the kernel; ``core`` discovers every app's ``report.py``.

A section has a code, an order (the order unions write them in), a title and ``build(context)``,
which returns its blocks: paragraphs (``{"p": text}``) and lists (``{"list": [items]}``). The
text comes from translatable sentence templates filled with figures of the indicator registry
(``context.count(code)``) and lists read from the app's records. The reports app only assembles
the sections and renders them::

    register(Section("consulting", 10, _("Consultancy, critique and social assessment"), build))
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

SECTIONS: dict = {}


@dataclass(frozen=True)
class Section:
    code: str
    order: int
    title: str
    build: Callable


def register(section: Section) -> Section:
    if section.code in SECTIONS and SECTIONS[section.code] != section:
        raise ValueError(f"Report section {section.code} is registered twice.")
    SECTIONS[section.code] = section
    return section


def sections():
    return sorted(SECTIONS.values(), key=lambda s: (s.order, s.code))


def paragraph(text):
    return {"p": str(text)}


def paragraphs(text):
    """Staff's text split at blank lines, whatever line endings the browser sent (``\\r\\n``)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def bullets(items):
    items = [str(item) for item in items if item]
    return {"list": items} if items else None
