"""PDFs through ``html_to_pdf``: the bundled serif embedded, the fonts set up once per thread, the
same HTML typeset once per process."""

import subprocess
import threading
from uuid import uuid4

import pytest
import weasyprint.text.fonts

from lienhiep.core import documents

PAGE = "<p>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An: <b>Độc lập</b> <i>Tự do</i></p>"


def read_back(pdf, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True)
    rows = [line.split() for line in fonts.stdout.decode().splitlines()[2:]]
    return " ".join(text.stdout.decode().split()), rows


def test_a_thread_sets_its_fonts_up_once_and_every_pdf_embeds_the_bundled_serif(
    monkeypatch, tmp_path
):
    made = []
    real = weasyprint.text.fonts.FontConfiguration
    monkeypatch.setattr(
        weasyprint.text.fonts, "FontConfiguration", lambda: made.append(1) or real()
    )
    pdfs = {}

    def work(name):  # a new thread, as the task worker's, starts without fonts
        for n in (1, 2):  # each its own HTML: the same HTML is typeset once per process
            pdfs[f"{name}-{n}"] = documents.html_to_pdf(f"{PAGE}<!-- {uuid4()} -->")

    for name in ("first", "second"):
        thread = threading.Thread(target=work, args=(name,))
        thread.start()
        thread.join()

    assert len(made) == 2  # one per thread, not one per PDF
    assert sorted(pdfs) == ["first-1", "first-2", "second-1", "second-2"]
    for name, pdf in pdfs.items():
        text, fonts = read_back(pdf, tmp_path, name)
        assert text == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An: Độc lập Tự do"
        assert sorted(row[0].split("+")[1] for row in fonts) == [
            "Times-New-Roman,",
            "Times-New-Roman,-Bold",
            "Times-New-Roman,-Italic",
        ]
        assert [row[-5] for row in fonts] == ["yes"] * 3  # embedded


@pytest.fixture
def typeset(monkeypatch):
    """The HTML of each PDF WeasyPrint typesets from now on (a kept one is not)."""
    typeset = []
    real = documents._typeset_pdf
    monkeypatch.setattr(
        documents,
        "_typeset_pdf",
        lambda html, base_url: typeset.append(html) or real(html, base_url),
    )
    return typeset


def test_the_same_html_is_typeset_once_and_a_change_typeset_again(typeset, tmp_path):
    page = f"{PAGE}<!-- {uuid4()} -->"
    first = documents.html_to_pdf(page)
    assert documents.html_to_pdf(page) == first
    assert len(typeset) == 1
    changed = documents.html_to_pdf(page.replace("Hòa An", "Lâm Đồng"))
    assert len(typeset) == 2
    assert "tỉnh Lâm Đồng" in read_back(changed, tmp_path, "changed")[0]


def test_a_pdf_too_large_to_keep_is_typeset_again(typeset, monkeypatch):
    monkeypatch.setattr(documents, "KEPT_PDF_BYTES", 100)
    page = f"{PAGE}<!-- {uuid4()} -->"
    documents.html_to_pdf(page)
    documents.html_to_pdf(page)
    assert len(typeset) == 2
