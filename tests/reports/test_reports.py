"""The annual report of the Hòa An demo: every figure of the sample year, the layout of Nghị
định 30/2020/NĐ-CP in Word, the PDF, templates, the run from draft to issued."""

import json
import subprocess
from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from docx.shared import Pt

from lienhiep.activities.models import Activity
from lienhiep.consulting.models import Case
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import OutgoingDocument
from lienhiep.plans.models import PlanItem
from lienhiep.reports import content, services
from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun
from tests.factories import make_org, make_user
from tests.html_forms import form_values
from tests.refusals import refused

pytestmark = pytest.mark.django_db

SENTENCES = [
    "06 đề án theo đề nghị của UBND tỉnh và các sở, ngành (UBND tỉnh giao 05 đề án, đạt 120% kế hoạch)",
    "Phối hợp với Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn Hòa An, Hội Nông dân tỉnh "
    "tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Hòa An lần thứ 8 (2023-2024): 47 giải pháp dự thi "
    "của 80 tác giả",
    "trao 21 giải (01 giải Nhất, 04 giải Nhì, 06 giải Ba, 10 giải Khuyến khích)",
    "Phát hành kỷ yếu Hội thi Sáng tạo kỹ thuật tỉnh Hòa An lần thứ 7 (2021-2022), gửi các tác giả đạt giải.",
    "Phối hợp với Tỉnh đoàn Hòa An, Sở Giáo dục và Đào tạo, Sở Khoa học và Công nghệ tổ chức Cuộc thi "
    "Sáng tạo dành cho thanh thiếu niên, nhi đồng tỉnh Hòa An lần thứ 12 (2023-2024): 168 mô hình "
    "dự thi của 302 tác giả (kế hoạch 150 mô hình, đạt 112% kế hoạch), ",
    "trao 18 giải (01 giải Nhất, 03 giải Nhì, 05 giải Ba, 09 giải Khuyến khích)",
    "lần thứ 20 (2024), tỉnh có 06 mô hình dự thi, đạt 02 giải (01 giải Ba, 01 giải Khuyến khích)",
    "Phối hợp với Tỉnh đoàn Hòa An, Sở Giáo dục và Đào tạo, Sở Khoa học và Công nghệ phát động Cuộc "
    "thi Sáng tạo dành cho thanh thiếu niên, nhi đồng tỉnh Hòa An lần thứ 13 (2024-2025).",
    "Tổ chức 11 hội thảo (kế hoạch 12 hội thảo, đạt 92% kế hoạch):",
    "Tổ chức 09 lớp tập huấn cho hội viên và người dân (kế hoạch 06 lớp, đạt 150% kế hoạch):",
    "đăng 124 tin bài trên trang thông tin điện tử; phát hành 04 số tập san điện tử",
    "lần thứ II (năm 2024): tiếp nhận 15 hồ sơ đề cử, 09 hồ sơ đủ điều kiện được đề nghị UBND tỉnh tôn vinh",
    "Lễ tôn vinh được tổ chức ngày 20/10/2024.",
    "Câu lạc bộ trí thức tổ chức 04 buổi sinh hoạt chuyên đề (kế hoạch 04 buổi, đạt 100% kế hoạch); "
    "kết nạp 07 hội viên mới, đến cuối năm 2024 có 112 hội viên.",
    "Tham gia 06 sự kiện do Liên hiệp Hội Việt Nam tổ chức:",
    "Đến cuối năm 2024, Liên hiệp hội có 31 tổ chức thành viên (22 hội thành viên và 09 hội viên tập thể) "
    "và 02 đơn vị trực thuộc; tổng số 12.436 hội viên.",
    "Trong năm, kết nạp 01 tổ chức:",
    "02 hội tổ chức đại hội:",
    "19/22 hội thành viên gửi báo cáo năm.",
    "tổng kinh phí 4,2 tỷ đồng",
    "Hộ nghèo được hỗ trợ vốn, kỹ thuật: 1.250 hộ",
    "Suất học bổng: 640 suất",
    "Nhà tình thương được xây dựng: 12 căn",
    "Lớp tập huấn cho người dân: 18 lớp",
    "Lượt người tham gia lớp tập huấn: 720 lượt người",
    "Liên hiệp Hội Việt Nam khen thưởng 02 tập thể và 04 cá nhân.",
    "Liên hiệp hội khen thưởng 06 tập thể và 11 cá nhân.",
    "Khối Y tế: 05 hội",
    "Khối Truyền thông và Thông tin khoa học: 02 hội",
]


def expected(union):
    """The sample's sentences, and every listed title and next year's tasks and solutions."""
    titles = list(
        Case.objects.filter(union=union, report_date__year=2024).values_list("title", flat=True)
    )
    activities = list(
        Activity.objects.filter(
            organiser=union,
            start_date__year=2024,
            kind__slug__in=["hoi-thao", "tap-huan"],
            state="held",
        ).values_list("title", flat=True)
    )
    items = list(
        PlanItem.objects.filter(plan__organisation=union, plan__year=2025).values_list(
            "text", flat=True
        )
    )
    assert (len(titles), len(activities), len(items)) == (6, 20, 10)
    return SENTENCES + titles + activities + items


def test_the_command_states_every_figure_of_the_sample_year(demo, capsysbinary):
    call_command(
        "annual_report", "--org", "hoa-an", "--year", "2024", "--format", "md", "--output", "-"
    )
    text = capsysbinary.readouterr().out.decode()
    flat = " ".join(text.split())
    for sentence in expected(demo):
        assert " ".join(sentence.split()) in flat, sentence
    assert "## III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" in text
    # The honouring of 09 intellectuals is stated once, in its section, not again as commendations.
    assert "UBND tỉnh tôn vinh 09 trí thức" in flat and "UBND tỉnh khen thưởng" not in flat
    assert "00 hoạt động" not in flat and "chưa ghi nhận hoạt động" in flat
    assert "| Dự án cộng đồng được triển khai | dự án |" in text
    assert "| Đề án được tư vấn, phản biện và giám định xã hội | đề án | 05 | 06 | 120% |" in text


@pytest.fixture
def run(demo):
    return ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


@pytest.fixture
def issued(run, staff):
    services.generate(run=run, user=staff)
    return services.issue(run=run, user=staff, day=date(2024, 12, 27))


def read(field):
    with field.open("rb") as handle:
        return handle.read()


def word_text(document):
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return "\n".join(texts)


def test_the_word_file_states_every_figure_too(issued, demo):
    document = Document(BytesIO(read(issued.docx)))
    flat = " ".join(word_text(document).split())
    for sentence in expected(demo):
        assert " ".join(sentence.split()) in flat, sentence


def mm(*lengths):
    """Lengths in whole millimetres (Word stores them in twentieths of a point)."""
    return tuple(round(length.mm) for length in lengths)


def _runs(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def test_the_word_file_follows_decree_30(issued):
    document = Document(BytesIO(read(issued.docx)))
    section = document.sections[0]
    assert mm(section.page_width, section.page_height) == (210, 297)
    assert mm(section.top_margin, section.bottom_margin) == (20, 20)
    assert mm(section.left_margin, section.right_margin) == (30, 15)
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))
    # Page numbers from page 2: a PAGE field in the header, a first page without one.
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml

    head = document.tables[0]
    left, right = head.rows[0].cells
    issuer = next(
        p for p in left.paragraphs if p.text == "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH HÒA AN"
    )
    assert all(r.bold for r in _runs(issuer)) and _runs(issuer)[0].font.size == Pt(13)
    number = next(p for p in left.paragraphs if p.text.startswith("Số:"))
    assert number.text == "Số: 63/BC-LHH"
    national = next(p for p in right.paragraphs if p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _runs(national)[0].bold and _runs(national)[0].font.size == Pt(12)
    motto = next(p for p in right.paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    assert _runs(motto)[0].bold and _runs(motto)[0].font.size == Pt(13)
    dateline = next(p for p in right.paragraphs if p.text.startswith("Hòa An, ngày"))
    assert dateline.text == "Hòa An, ngày 27 tháng 12 năm 2024"
    assert _runs(dateline)[0].italic and not _runs(dateline)[0].bold

    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert _runs(title)[0].bold and _runs(title)[0].font.size == Pt(14)
    subject = next(p for p in document.paragraphs if p.text.startswith("Tình hình tổ chức"))
    assert _runs(subject)[0].bold
    assert (
        subject.text == "Tình hình tổ chức và hoạt động năm 2024, phương hướng, nhiệm vụ năm 2025"
    )
    headings = [p.text for p in document.paragraphs if p.runs and p.runs[0].bold]
    assert "I. KẾT QUẢ HOẠT ĐỘNG NĂM 2024" in headings
    assert "1. Tư vấn, phản biện và giám định xã hội" in headings
    assert any(p.text.endswith("./.") for p in document.paragraphs)

    sign = document.tables[1]
    to, signer = sign.rows[0].cells
    label = to.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert _runs(label)[0].bold and _runs(label)[0].italic and _runs(label)[0].font.size == Pt(12)
    recipients = [p for p in to.paragraphs[1:] if p.text.strip()]
    assert recipients[0].text == "- Liên hiệp Hội Việt Nam;"
    assert recipients[-1].text == "- Lưu: VT, LHH."
    assert all(_runs(p)[0].font.size == Pt(11) for p in recipients)
    lines = [p.text for p in signer.paragraphs if p.text.strip()]
    assert lines == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lê Quang Vinh"]
    assert all(_runs(p)[0].bold for p in signer.paragraphs if p.text.strip())

    annex = document.tables[2]
    assert (
        annex.rows[0].cells[3].text == "Kế hoạch 2024"
        and annex.rows[0].cells[6].text == "Thực hiện 2023"
    )
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in annex.rows[1:]}
    assert rows["Đề án được tư vấn, phản biện và giám định xã hội"][3:6] == ["05", "06", "120%"]


def test_the_pdf_keeps_every_diacritic_and_embeds_its_font(issued, tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(read(issued.pdf))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    for phrase in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 63/BC-LHH",
        "Hòa An, ngày 27 tháng 12 năm 2024",
        "đạt 120% kế hoạch",
        "Liên hiệp Hội Việt Nam khen thưởng 02 tập thể và 04 cá nhân",
        "Nơi nhận:",
        "- Lưu: VT, LHH.",
    ]:
        assert phrase in flat, phrase
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("Times-New-Roman" in row[0] for row in rows)  # the bundled serif
    assert all(row[-5] == "yes" for row in rows)  # embedded
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "trang")],
        check=True,
    )
    [image] = tmp_path.glob("trang-*.png")
    assert image.stat().st_size > 10_000


def test_issuing_takes_the_next_number_of_the_register_and_locks_the_run(issued, demo, staff):
    assert issued.state == RunState.ISSUED and str(issued.document) == "63/BC-LHH"
    assert issued.document.subject.startswith("Tình hình tổ chức và hoạt động năm 2024")
    with pytest.raises(ValidationError):
        services.generate(run=issued, user=staff)
    second = services.create_run(
        organisation=demo, year=2024, kind=ReportKind.HALF_YEAR, user=staff
    )
    assert second.signer_name == "Lê Quang Vinh"  # carried over from the last run
    services.generate(run=second, user=staff)
    services.issue(run=second, user=staff, day=date(2024, 12, 28))
    assert str(second.document) == "64/BC-LHH"


def test_text_saved_while_the_report_generates_is_kept_and_asks_for_another_run(run, staff):
    worker_copy = ReportRun.objects.get(pk=run.pk)  # the task loaded the run, then staff saved
    ReportRun.objects.filter(pk=run.pk).update(proposals="Đề nghị bổ sung kinh phí hoạt động.")
    services.generate(run=worker_copy, user=staff)
    run.refresh_from_db()
    assert run.proposals == "Đề nghị bổ sung kinh phí hoạt động."
    assert run.state == RunState.DRAFT and run.docx and run.progress == 100
    services.generate(run=run, user=staff)
    run.refresh_from_db()
    assert run.state == RunState.GENERATED
    assert "Đề nghị bổ sung kinh phí hoạt động." in json.dumps(run.content, ensure_ascii=False)


def test_the_command_writes_an_issued_report_as_it_was_issued(issued, demo, capsysbinary):
    from lienhiep.plans.models import Target

    assert (
        Target.objects.filter(
            plan__organisation=demo, plan__year=2024, indicator__code="activities.workshops"
        ).update(value=20)
        == 1
    )
    call_command(
        "annual_report", "--org", "hoa-an", "--year", "2024", "--format", "md", "--output", "-"
    )
    text = " ".join(capsysbinary.readouterr().out.decode().split())
    assert "Số: 63/BC-LHH" in text
    assert "Tổ chức 11 hội thảo (kế hoạch 12 hội thảo, đạt 92% kế hoạch):" in text


def _template(text):
    document = Document()
    document.add_paragraph(text)
    document.add_paragraph("{{ subject }}")
    document.add_paragraph("{%p for line in body %}")
    document.add_paragraph("{{ line.text }}")
    document.add_paragraph("{%p endfor %}")
    buffer = BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("mau-rieng.docx", buffer.getvalue())


def test_an_uploaded_template_is_used_for_the_next_run(run, demo, staff):
    services.upload_template(
        organisation=demo, user=staff, upload=_template("MẪU RIÊNG CỦA LIÊN HIỆP HỘI {{ issuer }}")
    )
    services.generate(run=run, user=staff)
    text = word_text(Document(BytesIO(read(run.docx))))
    assert "MẪU RIÊNG CỦA LIÊN HIỆP HỘI LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH HÒA AN" in text
    assert "Tổ chức 11 hội thảo (kế hoạch 12 hội thảo, đạt 92% kế hoạch):" in text
    assert run.template.file.name.endswith(".docx")


def test_a_template_that_fails_while_filled_says_so_in_vietnamese(run, demo, staff):
    services.upload_template(
        organisation=demo, user=staff, upload=_template("{{ subject.so.hieu }}")
    )
    with pytest.raises(Exception, match="has no attribute"):
        services.generate(run=run, user=staff)
    run.refresh_from_db()
    assert run.state == RunState.FAILED
    assert run.error.startswith("Không điền được mẫu Word (") and "'str object' has no" in run.error


def test_a_template_with_a_broken_variable_is_refused_naming_it(demo, staff):
    with pytest.raises(ValidationError) as error:
        services.upload_template(
            organisation=demo, user=staff, upload=_template("{{ so_lieu_nam }}")
        )
    assert error.value.messages == ["Mẫu dùng biến không có trong dữ liệu báo cáo: “so_lieu_nam”."]
    with pytest.raises(ValidationError) as error:
        services.upload_template(organisation=demo, user=staff, upload=_template("{{ subject "))
    assert error.value.messages[0].startswith("Mẫu có thẻ viết sai")
    with pytest.raises(ValidationError):
        services.upload_template(
            organisation=demo, user=staff, upload=SimpleUploadedFile("mau.docx", b"khong phai word")
        )


def test_the_content_costs_the_same_queries_with_more_records(demo):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            content.build(demo, 2024, ReportKind.ANNUAL)
        return len(captured)

    before = queries()
    kind = Activity.objects.filter(organiser=demo, kind__slug="hoi-thao").first().kind
    Activity.objects.bulk_create(
        Activity(
            kind=kind,
            title=f"Hội thảo thêm {n}",
            start_date=date(2024, 6, 1),
            organiser=demo,
            state="held",
        )
        for n in range(30)
    )
    requester = Case.objects.filter(union=demo).first().requester
    for n in range(3):  # sent critique reports, each with its line in the register
        case = Case.objects.create(
            title=f"Đề án thêm {n}",
            union=demo,
            requester=requester,
            request_date=date(2024, 5, 1),
            deadline=date(2024, 6, 30),
            state="report_sent",
            report_date=date(2024, 6, 2),
            report_document=OutgoingDocument.objects.create(
                organisation=demo,
                year=2024,
                number=900 + n,
                symbol="BC-LHH",
                date=date(2024, 6, 2),
                subject=f"Báo cáo phản biện: Đề án thêm {n}",
            ),
        )
        case.steps.create(step="report_sent", due_on=date(2024, 6, 2), done_on=date(2024, 6, 2))
    assert queries() == before


def test_no_report_is_written_without_a_user(run, demo):
    with pytest.raises(PermissionDenied):
        services.generate(run=run, user=None)
    with pytest.raises(PermissionDenied):
        services.create_run(organisation=demo, year=2025, user=None)
    run.refresh_from_db()
    assert run.state == RunState.DRAFT


def test_a_six_month_report_counts_january_to_june(demo):
    data = content.build(demo, 2024, ReportKind.HALF_YEAR)
    assert data["subject"].startswith("Sơ kết hoạt động 6 tháng đầu năm 2024")
    text = " ".join(
        " ".join(b.get("p", "") + " ".join(b.get("list", [])) for b in s["blocks"] if b)
        for s in data["parts"][0]["sections"]
    )
    assert "Tổ chức 05 hội thảo (kế hoạch 12 hội thảo, đạt 42% kế hoạch):" in text
    assert "ngày 05/12/2024" not in text
    assert "Đến ngày 30/6/2024, Liên hiệp hội có" in text


def test_staff_generate_preview_and_download_in_the_admin(client, run, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    client.force_login(staff)
    url = reverse("reports_run", args=[run.pk])
    assert client.post(url, {"action": "generate"}).status_code == 302
    run.refresh_from_db()
    assert run.state == RunState.GENERATED and run.progress == 100 and run.generated_by == staff
    page = client.get(url).content.decode()
    assert "đạt 120% kế hoạch" in page and "Số:" in page
    response = client.get(reverse("reports_file", args=[run.pk, "docx"]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK" and "attachment" in response["Content-Disposition"]

    # The text changes after generation: the files no longer say it, so it is generated again.
    edit = reverse("reports_run:edit", args=[run.pk])
    data = form_values(client.get(edit).content.decode(), "shortcomings")
    # Browsers send a textarea's line breaks as \r\n: the two paragraphs stay two.
    data["shortcomings"] = (
        "Việc nắm bắt số liệu của các hội thành viên còn chậm.\r\n\r\nKinh phí còn hạn chế."
    )
    assert client.post(edit, data).status_code == 302
    run.refresh_from_db()
    assert run.state == RunState.DRAFT
    page = client.post(url, {"action": "issue", "day": "27/12/2024"}, follow=True)
    assert "Hãy tạo báo cáo trước khi ban hành." in page.content.decode()
    client.post(url, {"action": "generate"})
    response = client.post(url, {"action": "issue", "day": "27/12/2024"})
    run.refresh_from_db()
    assert str(run.document) == "63/BC-LHH"
    with run.markdown.open("rb") as markdown:
        assert "các hội thành viên còn chậm.\n\nKinh phí còn hạn chế." in markdown.read().decode()

    # Issued, it is a dispatched document: neither edited nor deleted.
    page = client.get(edit, follow=True).content.decode()
    assert "Báo cáo số 63/BC-LHH đã ban hành: không thể sửa hoặc xóa nữa." in page
    data["shortcomings"] = "Sửa sau khi ban hành."
    client.post(edit, data)
    client.post(reverse("reports_run:delete", args=[run.pk]))
    run.refresh_from_db()
    assert run.shortcomings.startswith("Việc nắm bắt") and run.state == RunState.ISSUED
    officer = make_user(roles.OFFICER, demo)
    client.force_login(officer)
    assert client.get(url).status_code == 404


def test_staff_upload_a_template_in_the_admin_and_a_broken_one_is_refused(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    url = reverse("reports_template:add")
    page = client.post(
        url, {"organisation": demo.pk, "file": _template("{{ so_lieu_nam }}"), "note": ""}
    ).content.decode()
    assert "Mẫu dùng biến không có trong dữ liệu báo cáo: “so_lieu_nam”." in page
    response = client.post(
        url, {"organisation": demo.pk, "file": _template("{{ subject }}"), "note": "Mẫu 2025"}
    )
    assert response.status_code == 302
    assert services.current_template(demo).note == "Mẫu 2025"


def test_a_union_leader_reads_reports_but_never_generates_or_issues_them(client, personas, run):
    leader = personas["leader"]
    client.force_login(leader)
    listed = client.get(reverse("reports_run:index")).context["object_list"]
    assert run in list(listed)
    url = reverse("reports_run", args=[run.pk])
    page = client.get(url).content.decode()
    assert str(run) in page and 'value="generate"' not in page
    assert refused(client, url, {"action": "generate"})
    with pytest.raises(PermissionDenied):
        services.issue(run=run, user=leader, day=date(2024, 12, 27))
    run.refresh_from_db()
    assert (run.state, run.document) == (RunState.DRAFT, None)


def test_a_report_is_not_issued_with_a_date_in_the_future(run, staff):
    from tests.dates import future_message, tomorrow

    services.generate(run=run, user=staff)
    with pytest.raises(ValidationError) as future:
        services.issue(run=run, user=staff, day=tomorrow())
    assert future.value.messages == [future_message()]
    run.refresh_from_db()
    assert (run.state, run.document) == (RunState.GENERATED, None)


def test_the_first_report_is_signed_as_the_registry_says(demo):
    union = make_org(
        "Liên hiệp hội tỉnh Mới",
        kind=OrganisationKind.UNION,
        place_name="Lâm Đồng",
        signer_name="Nguyễn Văn An",
        signer_title="PHÓ CHỦ TỊCH",
    )
    staff = make_user(roles.UNION_STAFF, union)

    run = services.create_run(organisation=union, year=2025, user=staff)

    assert (run.place, run.signer_name, run.signer_title) == (
        "Lâm Đồng",
        "Nguyễn Văn An",
        "PHÓ CHỦ TỊCH",
    )
