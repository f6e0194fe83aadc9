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


def rule(paragraph, indent_cm):
    """A short solid line: the paragraph's bottom border, narrowed by its indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    paragraph.paragraph_format.left_indent = Cm(indent_cm)
    paragraph.paragraph_format.right_indent = Cm(indent_cm)
    paragraph.paragraph_format.space_after = Pt(6)
    return paragraph


def page_number_header(section):
    """Page numbers centred in the top margin, from page 2 (the first page has its own header)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    section.first_page_header.paragraphs[0].text = ""


def cell_line(cell, text, *, bold=False, italic=False, size=13, center=True, first=False):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def body_paragraph(document, text, *, bold=False, indent=True):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(14)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27) if indent else None
    paragraph.paragraph_format.space_after = Pt(6)
    return paragraph


def report():
    """The annual or six-month report in the layout of Nghị định 30/2020/NĐ-CP."""
    document = base_document()
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    document.styles["Normal"].font.size = Pt(14)
    page_number_header(section)

    head = document.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    cell_line(left, "{%p if parent_body %}", first=True)
    cell_line(left, "{{ parent_body }}")
    cell_line(left, "{%p endif %}")
    cell_line(left, "{{ issuer }}", bold=True)
    rule(left.add_paragraph(), 1.6)
    cell_line(left, "{{ number_line }}")
    cell_line(right, "{{ national_name }}", bold=True, size=12, first=True)
    cell_line(right, "{{ motto }}", bold=True)
    rule(right.add_paragraph(), 2.2)
    cell_line(right, "{{ date_line }}", italic=True)

    title = line(document, "{{ title }}", bold=True, size=14, center=True)
    title.paragraph_format.space_before = Pt(18)
    line(document, "{{ subject }}", bold=True, size=14, center=True)
    rule(document.add_paragraph(), 6.5)

    document.add_paragraph("{%p for line in body %}")
    document.add_paragraph('{%p if line.style == "part" %}')
    body_paragraph(document, "{{ line.text }}", bold=True, indent=False)
    document.add_paragraph('{%p elif line.style == "section" %}')
    body_paragraph(document, "{{ line.text }}", bold=True, indent=True)
    document.add_paragraph("{%p else %}")
    body_paragraph(document, "{{ line.text }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")

    sign = document.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    cell_line(left, "Nơi nhận:", bold=True, italic=True, size=12, center=False, first=True)
    cell_line(left, "{%p for r in recipients %}", size=11, center=False)
    cell_line(left, "{{ r }}", size=11, center=False)
    cell_line(left, "{%p endfor %}", size=11, center=False)
    cell_line(right, "{{ authority }}", bold=True, size=14, first=True)
    cell_line(right, "{{ signer_title }}", bold=True, size=14)
    for _ in range(4):
        cell_line(right, "", size=14)
    cell_line(right, "{{ signer_name }}", bold=True, size=14)

    document.add_page_break()
    line(document, "PHỤ LỤC", bold=True, size=14, center=True)
    line(document, "{{ annex.title }}", bold=True, size=13, center=True)
    headers = [
        "TT",
        "Chỉ tiêu",
        "Đơn vị",
        "Kế hoạch {{ year }}",
        "Thực hiện {{ year }}",
        "Tỷ lệ",
        "Thực hiện {{ annex.previous_year }}",
    ]
    table = document.add_table(rows=4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_line(cell, text, bold=True, size=12, first=True)
    cell_line(table.rows[1].cells[0], "{%tr for row in annex.rows %}", size=12, first=True)
    values = [
        "{{ loop.index }}",
        "{{ row.name }}",
        "{{ row.unit }}",
        "{{ row.target }}",
        "{{ row.actual }}",
        "{{ row.percent }}",
        "{{ row.previous }}",
    ]
    for cell, text in zip(table.rows[2].cells, values, strict=True):
        cell_line(cell, text, size=12, first=True, center=text != "{{ row.name }}")
    cell_line(table.rows[3].cells[0], "{%tr endfor %}", size=12, first=True)
    return document


def main():
    for target, build in (
        (ROOT / "contests" / "word" / "yearbook.docx", yearbook),
        (ROOT / "reports" / "word" / "report.docx", report),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        build().save(target)
        print(target)


if __name__ == "__main__":
    main()
