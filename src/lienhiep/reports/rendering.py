"""Render a report's content: Markdown, HTML (the admin preview and the PDF), Word and PDF.

The layout follows Nghị định 30/2020/NĐ-CP: the issuer and the national motto in the header,
"Số: 05/BC-LHH" under the issuer, the italic place-and-date line, "BÁO CÁO" and the subject in
bold, headings I. / 1., Times New Roman 13–14 on A4 with the decree's margins, page numbers from
page 2, the signature block, "Nơi nhận:" (12 pt, bold italic) with its list in 11 pt ending
"- Lưu: VT, …", and the closing "./.".
"""

from dataclasses import dataclass, field
from datetime import date
from html import escape
from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string

from lienhiep.core import charts
from lienhiep.core.documents import html_to_pdf, render_docx
from lienhiep.core.formatting import date_line
from lienhiep.core.sections import paragraphs

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_TEMPLATE = Path(__file__).parent / "word" / "report.docx"
BLANK = "\u00a0"  # a space that HTML and Word keep, for the blanks of a draft

#: The variables a Word template may use (docs/documents.md); others are refused on upload.
TEMPLATE_VARIABLES = {
    "parent_body",
    "issuer",
    "national_name",
    "motto",
    "number_line",
    "date_line",
    "title",
    "subject",
    "opening",
    "body",
    "parts",
    "tasks",
    "solutions",
    "annex",
    "authority",
    "signer_title",
    "signer_name",
    "recipients",
    "organisation",
    "year",
}


@dataclass
class Header:
    """What the document says around its content: issuer, number, date, signer, recipients."""

    issuer: str
    abbreviation: str
    place: str
    parent_body: str = ""
    number: int | None = None
    day: date | None = None
    authority: str = "TM. BAN THƯỜNG VỤ"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: list = field(default_factory=list)

    @property
    def symbol(self):
        return f"BC-{self.abbreviation}"

    @property
    def number_line(self):
        number = f"{self.number:02d}" if self.number else BLANK * 6
        return f"Số: {number}/{self.symbol}"

    year: int | None = None

    @property
    def date_line(self):
        """``Hòa An, ngày 27 tháng 12 năm 2024``; a draft leaves the day and month blank."""
        if self.day:
            return date_line(self.place, self.day)
        blank = BLANK * 5
        return f"{self.place}, ngày {blank} tháng {blank} năm {self.year or date.today().year}"

    @property
    def recipient_lines(self):
        lines = [f"- {r.strip().rstrip(';.')};" for r in self.recipients if r.strip()]
        return [*lines, f"- Lưu: VT, {self.abbreviation}."]


def header_for(run=None, organisation=None):
    organisation = run.organisation if run else organisation
    header = Header(
        issuer=organisation.name.upper(),
        abbreviation=organisation.abbreviation or "LHH",
        place=(run.place if run and run.place else organisation.place_name) or "",
    )
    if run:
        header.parent_body = run.parent_body.upper()
        header.number = run.document.number if run.document_id else None
        header.day = run.issued_on
        header.authority, header.signer_title = run.authority, run.signer_title
        header.signer_name = run.signer_name
        header.recipients = [line for line in run.recipients.splitlines() if line.strip()]
    return header


def body_lines(content):
    """The content as a flat list of styled lines, for the Word template's one loop."""
    lines = [{"style": "p", "text": p} for p in paragraphs(content.get("opening", ""))]
    for part in content["parts"]:
        lines.append({"style": "part", "text": part["heading"]})
        for block in part["blocks"]:
            lines += _block_lines(block)
        for section in part["sections"]:
            lines.append({"style": "section", "text": section["heading"]})
            for block in section["blocks"]:
                lines += _block_lines(block)
    if lines:
        lines[-1] = {**lines[-1], "text": lines[-1]["text"].rstrip(" .;") + "./."}
    return lines


def _block_lines(block):
    if not block:
        return []
    if "p" in block:
        return [{"style": "p", "text": block["p"]}]
    return [{"style": "item", "text": f"- {item}"} for item in block["list"]]


def context(content, header):
    header.year = header.year or content["year"]
    return {
        "parent_body": header.parent_body,
        "issuer": header.issuer,
        "national_name": NATIONAL_NAME,
        "motto": MOTTO,
        "number_line": header.number_line,
        "date_line": header.date_line,
        "title": "BÁO CÁO",
        "subject": content["subject"],
        "opening": content.get("opening", ""),
        "body": body_lines(content),
        "parts": content["parts"],
        "tasks": content["tasks"],
        "solutions": content["solutions"],
        "annex": content["annex"],
        "authority": header.authority.upper(),
        "signer_title": header.signer_title.upper(),
        "signer_name": header.signer_name,
        "recipients": header.recipient_lines,
        "organisation": content["organisation"],
        "year": content["year"],
    }


def md(text) -> str:
    """Text written into the Markdown file: HTML in it is shown as text, and ``|`` does not end
    a table cell (Markdown viewers render raw HTML)."""
    return escape(str(text), quote=False).replace("|", "\\|")


def markdown(content, header):
    values = {
        key: md(value) if isinstance(value, str) else value
        for key, value in context(content, header).items()
    }
    out = []
    if values["parent_body"]:
        out.append(values["parent_body"])
    out += [
        f"**{values['issuer']}**",
        "",
        f"**{NATIONAL_NAME}**  ",
        f"**{MOTTO}**",
        "",
        values["number_line"],
        "",
        f"*{values['date_line']}*",
        "",
        f"# {values['title']}",
        "",
        f"**{values['subject']}**",
        "",
    ]
    out += markdown_body(values["body"])
    out += [
        "",
        f"**{values['authority']}**  ",
        f"**{values['signer_title']}**  ",
        f"**{values['signer_name']}**" if values["signer_name"] else "",
        "",
        "***Nơi nhận:***",
        "",
        *(md(line) for line in values["recipients"]),
        "",
        f"## {md(content['annex']['title'])}",
        "",
    ]
    if content["annex"].get("years"):
        heads, rows = term_annex(content["annex"])
        out += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        out += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    else:
        out += [
            f"| Chỉ tiêu | Đơn vị | Kế hoạch {content['year']} | Thực hiện {content['year']} | "
            f"Tỷ lệ | Thực hiện {content['annex']['previous_year']} |",
            "|---|---|---|---|---|---|",
        ]
        for row in content["annex"]["rows"]:
            cells = (row[k] for k in ("name", "unit", "target", "actual", "percent", "previous"))
            out.append("| " + " | ".join(md(cell) for cell in cells) + " |")
    for each in content.get("charts", []):
        chart = charts.from_data(each["chart"])
        out += ["", f"**{md(each['caption'])}**", ""]
        out += [f"- {md(label)}: {md(text)}" for label, text in chart.rows]
    return "\n".join(out) + "\n"


def term_annex(annex):
    """A term's annex as ``(headings, rows)``: one column a year, then the term's total, its
    target and the achievement (the same columns in every format)."""
    heads = [
        "Chỉ tiêu",
        "Đơn vị",
        *(f"Năm {year}" for year in annex["years"]),
        "Cả nhiệm kỳ",
        "Chỉ tiêu nhiệm kỳ",
        "Tỷ lệ",
    ]
    rows = [
        [row["name"], row["unit"], *row["values"], row["total"], row["target"], row["percent"]]
        for row in annex["by_year"]
    ]
    return heads, rows


def markdown_body(lines):
    out = []
    for line in lines:
        text = md(line["text"])
        if line["style"] in ("part", "section") and out and out[-1].startswith("- "):
            out.append("")
        if line["style"] == "part":
            out += [f"## {text}", ""]
        elif line["style"] == "section":
            out += [f"### {text}", ""]
        elif line["style"] == "item":
            out.append(text)
        else:
            if out and out[-1].startswith("- "):
                out.append("")
            out += [text, ""]
    return out


STYLES = Path(__file__).parent / "static" / "reports" / "document.css"


def html(content, header, *, standalone=True):
    """The report as HTML: a whole page with its styles inlined (for the PDF), or a fragment
    for the report screen, which links the same styles (no inline style under its CSP)."""
    styles = STYLES.read_text(encoding="utf-8") if standalone else ""
    figures = [
        {"caption": each["caption"], "src": charts.data_uri(chart), "alt": chart.description}
        for each in content.get("charts", [])
        for chart in [charts.from_data(each["chart"])]
    ]
    values = {**context(content, header), "standalone": standalone, "styles": styles}
    if content["annex"].get("years"):
        values["term_heads"], values["term_rows"] = term_annex(content["annex"])
    return render_to_string("reports/document.html", {**values, "charts": figures})


def pdf(content, header):
    return html_to_pdf(html(content, header))


def docx(content, header, template=None):
    def finish(document):
        if content["annex"].get("years"):
            add_term_annex(document, content["annex"])
        add_charts(document, content.get("charts", []))

    return render_docx(template or DEFAULT_TEMPLATE, context(content, header), finish=finish)


def add_term_annex(document, annex):
    """A term's annex table (one column a year), where the template's year table stood: the
    default template leaves that table out for a term (``{%p if not annex.years %}``)."""
    heads, rows = term_annex(annex)
    table = document.add_table(rows=1, cols=len(heads) + 1)
    if "Table Grid" in [style.name for style in document.styles]:
        table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ["TT", *heads], strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for number, row in enumerate(rows, start=1):
        for cell, text in zip(table.add_row().cells, [f"{number}", *row], strict=True):
            cell.text = str(text)


def add_charts(document, figures):
    """The charts after the annex, each image centred over its italic caption (as in the PDF)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    for each in figures:
        image = BytesIO(charts.png(charts.from_data(each["chart"])))
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(image, width=Cm(16))
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.add_run(each["caption"]).italic = True
