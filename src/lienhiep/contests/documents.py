"""The yearbook (kỷ yếu) of a round in Word and PDF, and the winners' certificates, from records."""

import base64
import hashlib
from io import BytesIO
from pathlib import Path

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from lienhiep.core.documents import html_to_pdf, in_vietnamese, render_docx
from lienhiep.core.formatting import format_count

from . import queries
from .enums import LEVELS, FileKind, PrizeLevel
from .publication import authors_line, rule_for, shown_authors, shows_photo
from .validators import picture_problem

YEARBOOK_TEMPLATE = Path(__file__).parent / "word" / "yearbook.docx"
PHOTO_WIDTH_MM = 110


def _photo(entry):
    """The bytes of the entry's first photo that opens as a picture (from any storage), or None;
    None too when an author did not consent to publishing."""
    if not shows_photo(entry):
        return None
    for photo in (f for f in entry.files.all() if f.kind == FileKind.PHOTO):
        if not photo.file.storage.exists(photo.file.name):
            continue
        with photo.file.open("rb") as handle:
            content = handle.read()
        if picture_problem(BytesIO(content)) is None:
            return content
        # otherwise saved before photos were checked: leave it out of the book
    return None


def _main_school(entry, rule):
    main = entry.main_author
    return main.workplace if main is not None and main.may_publish else ""


def yearbook_groups(round):
    """The winners by level, numbered through the whole book."""
    winners = queries.winners(round)
    rule = rule_for(round)
    groups, number = [], 0
    for level in LEVELS:
        entries = [e for e in winners if e.prize == level]
        if not entries:
            continue
        rows = []
        for entry in entries:
            number += 1
            rows.append(
                {
                    "number": number,
                    "entry": entry,
                    "code": entry.code,
                    "title": entry.title,
                    "field": entry.field.name,
                    "authors": authors_line(entry, rule),
                    "unit": entry.entering_unit or _main_school(entry, rule),
                    "description": entry.description,
                    "photo_file": _photo(entry),
                }
            )
        groups.append(
            {
                "heading": "{} ({})".format(
                    PrizeLevel(level).label.upper(),
                    format_count(len(entries), _("contest entries")),
                ),
                "entries": rows,
            }
        )
    return groups


def _intro(round, groups):
    count = sum(len(g["entries"]) for g in groups)
    return _(
        "This yearbook presents the %(count)s entries awarded in the %(round)s, with their "
        "authors, what they are and a picture of each."
    ) % {"count": format_count(count), "round": round}


@in_vietnamese
def yearbook_docx(round) -> bytes:
    from docx.shared import Mm
    from docxtpl import InlineImage

    groups = yearbook_groups(round)

    def context(document):
        for group in groups:
            for row in group["entries"]:
                photo = row.pop("photo_file")
                row["photo"] = (
                    InlineImage(document, BytesIO(photo), width=Mm(PHOTO_WIDTH_MM)) if photo else ""
                )
                row.pop("entry")
        return {
            "union": round.contest.union.name.upper(),
            "contest": round.contest.name,
            "contest_upper": round.contest.name.upper(),
            "round_label": round.label,
            "intro": _intro(round, groups),
            "groups": groups,
        }

    return render_docx(YEARBOOK_TEMPLATE, context)


def data_uri(content: bytes) -> str:
    kind = "png" if content.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(content).decode()


@in_vietnamese
def yearbook_pdf(round) -> bytes:
    groups = yearbook_groups(round)
    for group in groups:
        for row in group["entries"]:
            photo = row["photo_file"]
            row["photo_uri"] = data_uri(photo) if photo else ""
    html = render_to_string(
        "contests/documents/yearbook.html",
        {"round": round, "groups": groups, "intro": _intro(round, groups)},
    )
    return html_to_pdf(html)


CERTIFICATE_SECONDS = 7 * 24 * 3600


def _certified(entry, public):
    if public:
        return shown_authors(entry, rule_for(entry.round))
    return list(entry.authors.all())


@in_vietnamese
def certificate_pdf(entry, public=False) -> bytes:
    """A winner's certificate; ``public``: as the public site shows it, with the authors' names
    as they consented to. Visitors may fetch it any number of times: the PDF is kept in the
    cache under the hash of its HTML, so it is rendered once and again only when what it says
    changes (a prize, a name)."""
    html = render_to_string(
        "contests/documents/certificate.html",
        {"entry": entry, "round": entry.round, "authors": _certified(entry, public)},
    )
    key = "contests:certificate:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html)
        cache.set(key, pdf, CERTIFICATE_SECONDS)
    return pdf
