"""The annual report carries the plan chart and the five-year trend, in Word and PDF alike."""

import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document

from lienhiep.core import charts
from lienhiep.directory import roles
from lienhiep.reports import content, services
from lienhiep.reports.enums import ReportKind
from lienhiep.reports.models import ReportRun
from tests.factories import make_user

pytestmark = pytest.mark.django_db
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CAPTIONS = [
    "Biểu đồ 1. Mức đạt các chỉ tiêu kế hoạch năm 2024 (%)",
    "Biểu đồ 2. Các chỉ tiêu chính, 2020–2024",
]


@pytest.fixture
def issued(demo):
    run = ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)
    staff = make_user(roles.UNION_STAFF, demo)
    services.generate(run=run, user=staff)
    return services.issue(run=run, user=staff, day=date(2024, 12, 27))


def read(field):
    with field.open("rb") as handle:
        return handle.read()


def test_the_content_holds_the_charts_as_figures(demo):
    built = content.build(demo, 2024, ReportKind.ANNUAL)
    assert [each["caption"] for each in built["charts"]] == CAPTIONS
    plan, trends = (charts.from_data(each["chart"]) for each in built["charts"])
    assert plan.rows[1] == ("Hội thảo khoa học", "11 trên 12: 92%")
    assert len(plan.points) == 5
    assert [s.title for s in trends.series] == [
        "Hội viên, 2020–2024",
        "Tổ chức thành viên, 2020–2024",
        "Hội thảo khoa học, 2020–2024",
        "Lớp tập huấn, 2020–2024",
    ]
    assert trends.series[0].rows[-2:] == [("2023", "12.022"), ("2024", "12.436")]
    assert content.build(demo, 2024, ReportKind.HALF_YEAR)["charts"] == []


def test_the_word_and_pdf_files_carry_both_charts_with_their_captions(issued, tmp_path):
    document = Document(BytesIO(read(issued.docx)))
    assert len(document.inline_shapes) == 2
    texts = [p.text for p in document.paragraphs]
    assert texts[-1] == CAPTIONS[1]  # after the annex, the charts close the file
    assert [t for t in texts if t.startswith("Biểu đồ")] == CAPTIONS
    images = [rel.target_part.blob for rel in document.part.rels.values() if "image" in rel.reltype]
    assert len(images) == 2 and all(blob.startswith(b"\x89PNG") for blob in images)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(read(issued.pdf))
    (SCREENSHOTS / "report-charts.pdf").write_bytes(path.read_bytes())
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    for caption in CAPTIONS:
        assert caption in flat, caption
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True
    ).stdout.decode()
    # two opaque pictures: no alpha mask beside each (WeasyPrint would encode it in every PDF)
    assert [line.split()[2] for line in listed.splitlines()[2:]] == ["image", "image"]
    assert "Biểu đồ 2. Các chỉ tiêu chính, 2020–2024" in read(issued.markdown).decode()
