"""Reports over any period: a quarter counts only its months, a term its five years (per year and
in total, against the congress resolution's targets), in the four formats alike."""

import subprocess
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from lienhiep.activities.enums import WORKSHOP, ActivityState
from lienhiep.activities.models import Activity
from lienhiep.directory import roles
from lienhiep.directory.enums import MEMBER_KINDS
from lienhiep.directory.models import Organisation, Term
from lienhiep.directory.rules import subtree_ids
from lienhiep.plans.enums import ItemKind
from lienhiep.plans.models import AnnualPlan, Indicator, PlanItem, TermPlan, TermTarget
from lienhiep.reports import content, rendering, services
from lienhiep.reports.enums import ReportKind
from lienhiep.reports.periods import Period, term_years
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

YEARS = [2020, 2021, 2022, 2023, 2024]


@pytest.fixture
def term(demo):
    return Term.objects.get(organisation=demo, number=5)


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


def blocks_of(data, code):
    return [
        b.get("p") or b.get("list")
        for part in data["parts"]
        for section in part["sections"]
        if section["code"] == code
        for b in section["blocks"]
    ]


def text_of(data):
    return " ".join(
        " ".join([b.get("p", ""), *b.get("list", [])])
        for part in data["parts"]
        for s in part["sections"]
        for b in s["blocks"]
        if b
    )


def by_year(queryset, field):
    """``2020: 03; 2021: 11; …`` of the records of each year, counted here from the records."""
    return "; ".join(
        f"{year}: {queryset.filter(**{f'{field}__year': year}).count():02d}" for year in YEARS
    )


def expected_term_lines(union):
    tree = subtree_ids(union.pk)
    admitted = Organisation.objects.filter(
        pk__in=tree, kind__in=MEMBER_KINDS, admission_decision_date__year__in=YEARS
    )
    congresses = Term.objects.filter(
        organisation__in=tree,
        organisation__kind__in=MEMBER_KINDS,
        congress_date__year__in=YEARS,
    )
    return [
        f"Tổ chức được kết nạp: {admitted.count():02d} tổ chức "
        f"({by_year(admitted, 'admission_decision_date')})",
        f"Đại hội đã tổ chức: {congresses.count():02d} đại hội "
        f"({by_year(congresses, 'congress_date')})",
    ]


def test_the_term_runs_from_its_congress_to_the_year_before_the_next(term):
    assert term_years(term) == (2020, 2024)
    period = Period.of_term(term)
    assert (period.years, period.title, period.slug) == (
        YEARS,
        "Báo cáo tổng kết nhiệm kỳ 2020–2024",
        "tong-ket-nhiem-ky-2020-2024",
    )


def test_a_term_report_states_admissions_and_congresses_over_the_term(demo, term):
    data = content.build(demo, Period.of_term(term))
    lines = blocks_of(data, "term")[1]
    assert lines[:2] == expected_term_lines(demo)
    assert lines[:2] == [
        "Tổ chức được kết nạp: 01 tổ chức (2020: 00; 2021: 00; 2022: 00; 2023: 00; 2024: 01)",
        "Đại hội đã tổ chức: 27 đại hội (2020: 03; 2021: 11; 2022: 06; 2023: 05; 2024: 02)",
    ]
    assert blocks_of(data, "term")[0] == "Trong nhiệm kỳ 2020–2024 (05 năm):"
    assert blocks_of(data, "term")[2] == "Chưa có chỉ tiêu nhiệm kỳ."
    assert data["subject"] == ("Tổng kết nhiệm kỳ 2020–2024 và phương hướng, nhiệm vụ nhiệm kỳ tới")
    organisation = blocks_of(data, "directory.organisation")
    assert organisation[0].startswith("Đến cuối năm 2024, Liên hiệp hội có 31 tổ chức thành viên")
    assert (
        organisation[1]
        == "Trong nhiệm kỳ, kết nạp 01 tổ chức: Công ty TNHH Công nghệ Sinh học Xanh."
    )
    assert organisation[2].startswith("27 hội tổ chức đại hội: ")


def test_the_term_targets_of_the_congress_resolution_meet_the_achievement(demo, term):
    plan = TermPlan.objects.create(term=term, resolution="Nghị quyết Đại hội lần thứ V")
    TermTarget.objects.create(
        plan=plan, indicator=Indicator.objects.get(code="directory.congresses"), value=30
    )
    data = content.build(demo, Period.of_term(term))
    assert blocks_of(data, "term")[2:] == [
        "Các chỉ tiêu của Nghị quyết Đại hội nhiệm kỳ:",
        ["Đại hội đã tổ chức: 27 đại hội so với chỉ tiêu 30 đại hội (đạt 90% kế hoạch)"],
    ]
    row = next(r for r in data["annex"]["by_year"] if r["name"] == "Đại hội đã tổ chức")
    assert (row["target"], row["percent"]) == ("30", "90%")


def test_the_term_annex_has_a_column_for_each_year(demo, term):
    annex = content.build(demo, Period.of_term(term))["annex"]
    assert (annex["years"], annex["rows"]) == (YEARS, [])
    rows = {r["name"]: r for r in annex["by_year"]}
    assert rows["Đại hội đã tổ chức"]["values"] == ["03", "11", "06", "05", "02"]
    assert rows["Đại hội đã tổ chức"]["total"] == "27"
    # a stock is the last year's; a year nobody counted says so
    assert rows["Hội viên"]["values"][:3] == ["chưa có số liệu"] * 3
    assert rows["Hội viên"]["total"] == rows["Hội viên"]["values"][-1] == "12.436"


def test_a_quarter_report_counts_only_that_quarter(demo):
    data = content.build(demo, Period(ReportKind.QUARTER, 2024, quarter=3))
    held = Activity.objects.filter(
        kind__slug=WORKSHOP,
        state=ActivityState.HELD,
        organiser__in=subtree_ids(demo.pk),
        start_date__gte=date(2024, 7, 1),
        start_date__lte=date(2024, 9, 30),
    ).order_by("start_date")
    text = text_of(data)
    assert f"Tổ chức {held.count():02d} hội thảo (kế hoạch 12 hội thảo" in text
    assert "Tổ chức 03 hội thảo (kế hoạch 12 hội thảo, đạt 25% kế hoạch):" in text
    assert "Hội thảo “Phát triển dược liệu bản địa tỉnh Hòa An” (ngày 18/07/2024)" in text
    assert "(ngày 14/03/2024)" not in text and "(ngày 10/10/2024)" not in text
    assert "đến ngày 30/09/2024 có 111 hội viên." in text
    assert data["subject"] == "Kết quả công tác quý III năm 2024 và nhiệm vụ quý IV năm 2024"
    assert data["annex"]["title"] == "CÁC CHỈ TIÊU QUÝ III NĂM 2024"


def test_the_six_month_and_quarter_directions_are_the_plans_open_tasks(demo):
    plan, _created = AnnualPlan.objects.get_or_create(organisation=demo, year=2024)
    PlanItem.objects.filter(plan=plan).delete()
    done = PlanItem.objects.create(
        plan=plan, kind=ItemKind.TASK, text="Tổ chức Đại hội Hội Luật gia"
    )
    PlanItem.objects.create(plan=plan, kind=ItemKind.TASK, text="Tôn vinh trí thức lần thứ II")
    PlanItem.objects.create(plan=plan, kind=ItemKind.SOLUTION, text="Tăng cường phối hợp")
    done.done_on = date(2024, 5, 20)
    done.save()
    tasks, solutions = content.directions(demo, Period(ReportKind.HALF_YEAR, 2024))
    assert (tasks, solutions) == (["Tôn vinh trí thức lần thứ II"], ["Tăng cường phối hợp"])
    first_quarter = content.directions(demo, Period(ReportKind.QUARTER, 2024, quarter=1))
    assert first_quarter[0] == ["Tổ chức Đại hội Hội Luật gia", "Tôn vinh trí thức lần thứ II"]
    annual_tasks, _solutions = content.directions(demo, 2024)
    assert annual_tasks == list(
        PlanItem.objects.filter(plan__organisation=demo, plan__year=2025, kind=ItemKind.TASK)
        .order_by("sort_order", "pk")
        .values_list("text", flat=True)
    )


def test_a_period_is_whole_or_refused(demo, term, staff):
    other = make_org(slug="lhh-khac")
    with pytest.raises(ValidationError) as quarter:
        services.create_run(organisation=demo, year=2024, kind=ReportKind.QUARTER, user=staff)
    assert quarter.value.message_dict == {"quarter": ["Hãy chọn quý mà báo cáo đề cập."]}
    foreign = Term.objects.create(
        organisation=other, number=1, congress_date=date(2020, 1, 1), planned_end=date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as wrong:
        services.create_run(organisation=demo, kind=ReportKind.TERM, term=foreign, user=staff)
    assert wrong.value.message_dict == {"term": ["Hãy chọn một nhiệm kỳ của tổ chức."]}
    run = services.create_run(organisation=demo, kind=ReportKind.TERM, term=term, user=staff)
    assert (run.year, run.quarter, str(run)) == (
        2024,
        None,
        f"Báo cáo tổng kết nhiệm kỳ 2020–2024 – {demo.name}",
    )


def flat(text):
    return " ".join(text.split())


def four_formats(run, tmp_path):
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
    return {"word": word, "pdf": pdf, "markdown": markdown, "html": html}, document


def test_a_term_run_states_the_term_in_the_four_formats(demo, term, staff, tmp_path):
    run = services.create_run(organisation=demo, kind=ReportKind.TERM, term=term, user=staff)
    services.generate(run=run, user=staff)
    run.refresh_from_db()
    assert run.docx.name.rsplit("/", 1)[-1].startswith("bao-cao-tong-ket-nhiem-ky-2020-2024-lhh")
    texts, document = four_formats(run, tmp_path)
    expected = [
        *expected_term_lines(demo),
        "Tổng kết nhiệm kỳ 2020–2024 và phương hướng, nhiệm vụ nhiệm kỳ tới",
        "Chưa có chỉ tiêu nhiệm kỳ.",
    ]
    for name, text in texts.items():
        for sentence in expected:
            assert "".join(sentence.split()) in "".join(text.split()), (name, sentence)
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells][3:8] == [f"Năm {y}" for y in YEARS]
    assert "| Chỉ tiêu | Đơn vị | Năm 2020 | Năm 2021 |" in texts["markdown"]
    assert "<th>Năm 2020</th>" in texts["html"]


def test_a_quarter_run_states_the_quarter_in_the_four_formats(demo, staff, tmp_path):
    run = services.create_run(
        organisation=demo, year=2024, kind=ReportKind.QUARTER, quarter=3, user=staff
    )
    services.generate(run=run, user=staff)
    run.refresh_from_db()
    assert run.pdf.name.rsplit("/", 1)[-1].startswith("bao-cao-so-ket-quy-3-2024-lhh")
    texts, _document = four_formats(run, tmp_path)
    expected = [
        "Kết quả công tác quý III năm 2024 và nhiệm vụ quý IV năm 2024",
        "Tổ chức 03 hội thảo (kế hoạch 12 hội thảo, đạt 25% kế hoạch):",
        "đến ngày 30/09/2024 có 111 hội viên.",
    ]
    for name, text in texts.items():
        for sentence in expected:
            assert "".join(sentence.split()) in "".join(text.split()), (name, sentence)


def test_the_term_report_costs_the_same_queries_with_more_records(demo, term):
    period = Period.of_term(term)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            content.build(demo, period)
        return len(captured)

    before = queries()
    kind = Activity.objects.filter(organiser=demo, kind__slug=WORKSHOP).first().kind
    Activity.objects.bulk_create(
        Activity(
            kind=kind,
            title=f"Hội thảo thêm {n}",
            start_date=date(2021 + n % 3, 6, 1),
            organiser=demo,
            state=ActivityState.HELD,
        )
        for n in range(30)
    )
    assert queries() == before


def test_the_command_writes_a_quarter_and_a_term_report(demo, term, tmp_path):
    from django.core.management import call_command

    def written(*options):
        path = tmp_path / "bao-cao.md"
        common = ["--org", "hoa-an", "--year", "2024", "--format", "md", "--output", str(path)]
        call_command("annual_report", *common, *options, stderr=StringIO())
        return path.read_text("utf-8")

    quarter = written("--kind", "quarter", "--quarter", "3")
    assert "**Kết quả công tác quý III năm 2024 và nhiệm vụ quý IV năm 2024**" in quarter
    by_year = written("--kind", "term")
    assert "## CÁC CHỈ TIÊU NHIỆM KỲ 2020–2024" in by_year
    assert by_year == written("--kind", "term", "--term", "5")
