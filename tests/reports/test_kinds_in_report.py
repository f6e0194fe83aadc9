"""Kinds of work staff define (an activity kind, consulting kinds, a reported indicator), each
bound to a report section with its sentence: the report states them in Word, PDF, HTML and
Markdown alike, with the list of their records."""

import subprocess
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from openpyxl import Workbook

from lienhiep.activities.enums import ActivityState
from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.consulting import importing
from lienhiep.consulting.enums import KindForm
from lienhiep.consulting.models import ConsultingKind, CouncilSeat, Sitting
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans.enums import Method
from lienhiep.plans.models import AnnualPlan, Indicator, ReportedValue, Target
from lienhiep.reports import content, rendering, services
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

IP_SENTENCE = "Hỗ trợ {số} hồ sơ đăng ký sở hữu trí tuệ[, đạt {tỷ lệ} kế hoạch]."
COMMENT_SENTENCE = "Góp ý {số} dự thảo văn bản theo đề nghị của các sở, ngành trong {kỳ}:"
SEAT_SENTENCE = "Cử chuyên gia tham gia {số} {đơn vị}, dự {phiên họp} phiên họp."
LEGAL_SENTENCE = "Tư vấn pháp lý miễn phí cho {số} {đơn vị}."


def register_workbook(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = importing.SHEET
    sheet.append([column.header for column in importing.COLUMNS[:5]])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def union(demo):
    vusta = Organisation.objects.get(slug="vusta")
    return make_org(
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thử Nghiệm",
        kind=OrganisationKind.UNION,
        parent=vusta,
        slug="thu-nghiem",
    )


@pytest.fixture
def year_of_new_kinds(union):
    staff = make_user(roles.UNION_STAFF, union)
    patents = ActivityKind.objects.create(
        name="Hỗ trợ sở hữu trí tuệ",
        slug="ho-tro-so-huu-tri-tue",
        unit="hồ sơ",
        report_section="activities.work",
        sentence=IP_SENTENCE,
        lists_records=True,
    )
    for day, title in ((3, "Hồ sơ nhãn hiệu cà phê Cầu Đất"), (9, "Hồ sơ sáng chế máy sấy")):
        Activity.objects.create(
            kind=patents,
            title=title,
            start_date=date(2024, day, 15),
            organiser=union,
            state=ActivityState.HELD,
        )
    plan = AnnualPlan.objects.create(organisation=union, year=2024)
    Target.objects.create(
        plan=plan,
        indicator=Indicator.objects.get(code="activities.kind-ho-tro-so-huu-tri-tue"),
        value=4,
    )
    comments = ConsultingKind.objects.create(
        name="Góp ý dự thảo văn bản",
        slug="gop-y-du-thao",
        form=KindForm.RECORD,
        unit="văn bản",
        report_section="consulting",
        sentence=COMMENT_SENTENCE,
        lists_records=True,
    )
    workbook = register_workbook(
        [
            [comments.name, "Dự thảo Nghị quyết về học phí", "05/04/2024", "Sở Giáo dục", "12/SGD"],
            [comments.name, "Dự thảo Quy hoạch đô thị", "20/06/2024", "Sở Xây dựng", ""],
            [comments.name, "Dự thảo năm trước", "20/06/2023", "Sở Xây dựng", ""],
        ]
    )
    assert importing.import_records(content=workbook, user=staff) == (3, 0)
    boards = ConsultingKind.objects.create(
        name="Hội đồng thẩm định ĐTM",
        slug="hoi-dong-dtm",
        form=KindForm.SEAT,
        unit="hội đồng",
        report_section="consulting",
        sentence=SEAT_SENTENCE,
        lists_records=True,
    )
    seat = CouncilSeat.objects.create(
        kind=boards,
        union=union,
        council="Hội đồng thẩm định báo cáo ĐTM tỉnh",
        member="Trần Thị Bình",
        requester="UBND tỉnh",
        decision_number="45/QĐ-UBND",
        start_date=date(2023, 2, 1),
    )
    for month in (2, 5, 11):
        Sitting.objects.create(seat=seat, date=date(2024, month, 10), subject="Thẩm định")
    legal = Indicator.objects.create(
        code="thu-nghiem.tu-van-phap-ly",
        name="Hồ sơ tư vấn pháp lý",
        unit="hồ sơ",
        method=Method.REPORTED,
        report_section="community.centres",
        sentence=LEGAL_SENTENCE,
        lists_records=True,
    )
    ReportedValue.objects.create(
        indicator=legal, organisation=union, year=2024, value=14, source="Sổ tư vấn 2024"
    )
    return staff


EXPECTED = [
    "Hỗ trợ 02 hồ sơ đăng ký sở hữu trí tuệ, đạt 50% kế hoạch.",
    "Hồ sơ nhãn hiệu cà phê Cầu Đất (ngày 15/03/2024)",
    "Hồ sơ sáng chế máy sấy (ngày 15/09/2024)",
    "Góp ý 02 dự thảo văn bản theo đề nghị của các sở, ngành trong năm 2024:",
    "Dự thảo Nghị quyết về học phí (05/04/2024, Sở Giáo dục, văn bản số 12/SGD)",
    "Dự thảo Quy hoạch đô thị (20/06/2024, Sở Xây dựng)",
    "Cử chuyên gia tham gia 01 hội đồng, dự 03 phiên họp.",
    "Hội đồng thẩm định báo cáo ĐTM tỉnh (Trần Thị Bình; UBND tỉnh, quyết định số 45/QĐ-UBND)",
    "Tư vấn pháp lý miễn phí cho 14 hồ sơ.",
]


def flat(text):
    return " ".join(text.split())


def test_each_bound_kind_is_stated_in_its_section(year_of_new_kinds, union):
    built = content.build(union, 2024)
    by_section = {
        section["code"]: [b.get("p") or b.get("list") for b in section["blocks"]]
        for part in built["parts"]
        for section in part["sections"]
    }
    assert by_section["activities.work"] == [
        "Hỗ trợ 02 hồ sơ đăng ký sở hữu trí tuệ, đạt 50% kế hoạch.",
        [
            "Hồ sơ nhãn hiệu cà phê Cầu Đất (ngày 15/03/2024)",
            "Hồ sơ sáng chế máy sấy (ngày 15/09/2024)",
        ],
    ]
    assert by_section["consulting"] == [
        "Góp ý 02 dự thảo văn bản theo đề nghị của các sở, ngành trong năm 2024:",
        [
            "Dự thảo Nghị quyết về học phí (05/04/2024, Sở Giáo dục, văn bản số 12/SGD)",
            "Dự thảo Quy hoạch đô thị (20/06/2024, Sở Xây dựng)",
        ],
        "Cử chuyên gia tham gia 01 hội đồng, dự 03 phiên họp.",
        [
            "Hội đồng thẩm định báo cáo ĐTM tỉnh (Trần Thị Bình; UBND tỉnh, quyết định số 45/QĐ-UBND)"
        ],
    ]
    assert by_section["community.centres"] == [
        "Tư vấn pháp lý miễn phí cho 14 hồ sơ.",
        [f"{union.name}: 14 (Sổ tư vấn 2024)"],
    ]


def test_the_four_formats_state_each_kind(year_of_new_kinds, union, tmp_path):
    run = services.create_run(organisation=union, year=2024, user=year_of_new_kinds)
    services.generate(run=run, user=year_of_new_kinds)
    run.refresh_from_db()
    with run.docx.open("rb") as handle:
        document = Document(BytesIO(handle.read()))
    word = flat("\n".join(p.text for p in document.paragraphs))
    path = tmp_path / "bao-cao.pdf"
    with run.pdf.open("rb") as handle:
        path.write_bytes(handle.read())
    pdf = flat(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True
        ).stdout.decode()
    )
    with run.markdown.open("rb") as handle:
        markdown = flat(handle.read().decode())
    html = flat(rendering.html(run.content, rendering.header_for(run)))
    for sentence in EXPECTED:
        assert sentence in word, sentence
        assert "".join(sentence.split()) in "".join(pdf.split()), sentence  # lines break at "/"
        assert sentence in markdown, sentence
        assert sentence.replace("&", "&amp;") in html, sentence


def test_a_kind_without_records_in_the_year_says_nothing(year_of_new_kinds, union):
    built = content.build(union, 2022)
    text = str(built)
    assert ("sở hữu trí tuệ" in text, "dự thảo" in text, "phiên họp" in text) == (False,) * 3
