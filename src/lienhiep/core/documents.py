"""Word and PDF documents: docxtpl for Word, WeasyPrint with the bundled serif font for PDF.

Every PDF is typeset in Liberation Serif (Times New Roman's metrics, full Vietnamese glyphs),
embedded from ``core/fonts`` and declared for the page margin boxes too, so page numbers and
running heads do not fall back to another font.
"""

import atexit
import hashlib
import mimetypes
import threading
from io import BytesIO
from pathlib import Path

from .exporters import Rendered
from .memo import Kept

FONT_DIR = Path(__file__).parent / "fonts"
FONT_FAMILY = "Times New Roman"

_FACES = [
    ("Regular", "normal", "normal"),
    ("Bold", "bold", "normal"),
    ("Italic", "normal", "italic"),
    ("BoldItalic", "bold", "italic"),
]


def font_css() -> str:
    """``@font-face`` rules that map "Times New Roman" to the bundled Liberation Serif."""
    faces = "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
        f"font-style: {style}; src: url({(FONT_DIR / f'LiberationSerif-{name}.ttf').as_uri()}); }}"
        for name, weight, style in _FACES
    )
    return (
        f"{faces}\n"
        f'html {{ font-family: "{FONT_FAMILY}", serif; }}\n'
        f'@page {{ font-family: "{FONT_FAMILY}", serif;'
        f' @top-center {{ font-family: "{FONT_FAMILY}", serif; }}'
        f' @bottom-center {{ font-family: "{FONT_FAMILY}", serif; }} }}\n'
    )


def in_vietnamese(function):
    """Documents are written in Vietnamese, whatever language the staff member reads."""
    from functools import wraps

    from django.utils import translation

    @wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return function(*args, **kwargs)

    return wrapper


_typesetter = threading.local()


def typesetter():
    """The font configuration and the ``@font-face`` stylesheet, made once per thread.

    A ``FontConfiguration`` loads Fontconfig's fonts, copies the four faces into a folder of its
    own and keeps Pango's font map with its shaped fonts and metrics: made for every PDF, all of
    that was done again each time. Pango's font map is not safe to share between threads, so the
    task worker's threads each keep their own.
    """
    if not hasattr(_typesetter, "fonts"):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        _typesetter.fonts, _typesetter.css = fonts, CSS(string=font_css(), font_config=fonts)
    return _typesetter.fonts, _typesetter.css


@atexit.register
def _forget_typesetter():
    """Let the main thread's fonts go while WeasyPrint can still remove their folder."""
    vars(_typesetter).clear()


#: the last PDFs a process typeset, by the hash of what they were typeset from
_typeset = Kept(8)
#: a PDF larger than this (a yearbook full of photos) is typeset again rather than kept
KEPT_PDF_BYTES = 2 * 1024 * 1024


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """``html`` typeset as a PDF, once per process for the same HTML: a report generated again
    with nothing changed, then issued, or the same certificate asked twice, is not typeset again
    (~0,5–1 s each). What a document shows is all in its HTML — the fonts are the bundled ones,
    the charts and photos inline ``data:`` images — so the HTML's hash says everything its PDF
    depends on."""
    base_url = base_url or str(FONT_DIR)
    key = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    return _typeset.get(
        key, lambda: _typeset_pdf(html, base_url), keep=lambda pdf: len(pdf) <= KEPT_PDF_BYTES
    )


def _typeset_pdf(html, base_url):
    from weasyprint import HTML

    fonts, css = typesetter()
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[css], font_config=fonts)


def render_docx(template: Path | str | BytesIO, context, finish=None) -> bytes:
    """Render a docxtpl template; ``context`` is a dict or a function of the template.

    Text is always escaped (``autoescape=True``), or "KH&KT" would lose its text. ``finish``,
    when given, adds to the rendered document (python-docx's), as the report's charts do.
    """
    from docxtpl import DocxTemplate

    document = DocxTemplate(template)
    values = context(document) if callable(context) else context
    document.render(values, autoescape=True)
    if finish:
        finish(document.docx)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def stored_file(field) -> Rendered:
    """A stored file as a rendered one, read whole (documents and photos are small) and closed."""
    name = field.name.rsplit("/", 1)[-1]
    with field.open("rb") as handle:
        content = handle.read()
    return Rendered(name, mimetypes.guess_type(name)[0] or "application/octet-stream", content)
