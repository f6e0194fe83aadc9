"""Write the Word templates lienhiep ships (docxtpl tags inside), so they can be rebuilt.

    .venv/bin/python tools/make_document_templates.py

Staff may replace a template by their own; the variables are documented in docs/documents.md.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent / "src" / "lienhiep"


def base_document():
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "Times New Roman"
    )
    return document


def line(document, text, *, bold=False, italic=False, size=None, center=False):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def yearbook():
    document = base_document()
    line(document, "{{ union }}", bold=True, center=True)
    line(document, "BAN TỔ CHỨC {{ contest_upper }}", bold=True, center=True)
    line(document, "KỶ YẾU", bold=True, size=18, center=True)
    line(document, "{{ contest }} {{ round_label }}", bold=True, size=14, center=True)
    line(document, "{{ intro }}", italic=True)
    line(document, "{%p for group in groups %}")
    line(document, "{{ group.heading }}", bold=True, size=14)
    line(document, "{%p for w in group.entries %}")
    line(document, "{{ w.number }}. {{ w.title }}", bold=True)
    line(document, "Mã bài: {{ w.code }} – Lĩnh vực: {{ w.field }}")
    line(document, "Tác giả: {{ w.authors }}")
    line(document, "Đơn vị: {{ w.unit }}")
    line(document, "{{ w.description }}")
    line(document, "{{ w.photo }}", center=True)
    line(document, "{%p endfor %}")
    line(document, "{%p endfor %}")
    return document


def main():
    target = ROOT / "contests" / "word" / "yearbook.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    yearbook().save(target)
    print(target)


if __name__ == "__main__":
    main()
