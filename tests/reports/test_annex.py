"""The report's annex and the sentences issue 15 (item 6) asked for, read back from every format
the one content builder feeds: Markdown, HTML, Word and PDF."""

import subprocess
from datetime import date
from io import BytesIO

import pytest
from docx import Document

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Term
from lienhiep.reports import content, rendering
from tests.factories import make_org
from tests.reports.test_reports import word_text

pytestmark = pytest.mark.django_db

WORKSHOPS = "Hội thảo khoa học"


def texts(report, organisation, tmp_path):
    """The report's text in each format, whitespace folded."""
    header = rendering.header_for(organisation=organisation)
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(rendering.pdf(report, header))
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    found = {
        "md": rendering.markdown(report, header),
        "html": rendering.html(report, header),
        "docx": word_text(Document(BytesIO(rendering.docx(report, header)))),
        "pdf": pdf,
    }
    return {kind: " ".join(text.split()) for kind, text in found.items()}


def workshop(union, day):
    Activity.objects.create(
        kind=ActivityKind.objects.get(slug="hoi-thao"),
        title=f"Hội thảo ngày {day:%d/%m/%Y}",
        start_date=day,
        organiser=union,
        state="held",
    )


def row(report, name):
    [found] = [r for r in report["annex"]["rows"] if r["name"] == name]
    return found


@pytest.fixture
def union(demo):
    return make_org("Liên hiệp hội thử phụ lục", kind=OrganisationKind.UNION, abbreviation="LHH")


def test_last_year_without_records_says_so_and_counts_are_padded(union, tmp_path):
    for day in (date(2030, 3, 2), date(2030, 4, 5), date(2030, 5, 6)):
        workshop(union, day)
    report = content.build(union, 2030)
    assert (row(report, WORKSHOPS)["actual"], row(report, WORKSHOPS)["previous"]) == (
        "03",
        "chưa có số liệu",
    )
    for kind, text in texts(report, union, tmp_path).items():
        assert "chưa có số liệu" in text, kind
    markdown = rendering.markdown(report, rendering.header_for(organisation=union))
    assert f"| {WORKSHOPS} | hội thảo |  | 03 |  | chưa có số liệu |" in markdown

    workshop(union, date(2029, 9, 1))
    report = content.build(union, 2030)
    assert (row(report, WORKSHOPS)["actual"], row(report, WORKSHOPS)["previous"]) == ("03", "01")


def test_the_clubs_congress_is_reported_with_the_club(union, tmp_path):
    club = make_org("Câu lạc bộ trí thức thử", kind=OrganisationKind.CLUB, parent=union)
    Term.objects.create(
        organisation=club,
        number=2,
        congress_date=date(2030, 5, 12),
        planned_end=date(2035, 5, 12),
    )
    report = content.build(union, 2030)
    [club_section] = [
        s for part in report["parts"] for s in part["sections"] if s["code"] == "directory.club"
    ]
    sentence = (
        "Câu lạc bộ trí thức thử đã tổ chức Đại hội nhiệm kỳ II (2030-2035) vào ngày 12/05/2030."
    )
    assert any(sentence in str(block) for block in club_section["blocks"])
    for kind, text in texts(report, union, tmp_path).items():
        assert sentence in text, kind


def annex_columns(report, organisation):
    """The widths (pt) WeasyPrint gives the PDF's annex columns."""
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import TableBox

    from lienhiep.core.documents import typesetter

    fonts, css = typesetter()
    document = HTML(string=rendering.html(report, rendering.header_for(organisation=organisation)))
    found = []

    def walk(box):
        if isinstance(box, TableBox) and len(box.column_widths) == 7:
            found.append([round(width) for width in box.column_widths])
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.render(stylesheets=[css], font_config=fonts).pages:
        walk(page._page_box)
    return found[0]


def test_the_years_annex_keeps_its_columns_whatever_its_names(demo):
    """Fixed columns: the annex is not laid out twice to measure its cells, and a long name
    wraps in its column."""
    report = content.build(demo, 2024)
    assert annex_columns(report, demo) == [33, 196, 71, 66, 75, 57, 109]
    report["annex"]["rows"][0]["name"] = "Tổ chức thành viên " * 12
    report["annex"]["rows"][0]["unit"] = "hội viên tập thể"
    report["annex"]["rows"][0]["actual"] = "1.234.567.890"
    assert annex_columns(report, demo) == [33, 196, 71, 66, 75, 57, 109]
