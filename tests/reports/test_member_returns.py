"""The member associations' accepted returns, the members counted apart, the bulletin's own name
and the contests' authors, read back from the generated report (Markdown, HTML and Word)."""

from io import BytesIO

import pytest
from django.db.models import Sum
from docx import Document

from lienhiep.contests.models import Author, Entry
from lienhiep.core.formatting import format_count
from lienhiep.core.indicators import MEASURES
from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from lienhiep.reports import content, rendering, services
from lienhiep.website.models import JournalIndexPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db

BULLETIN = "Bản tin Khoa học và Công nghệ Hòa An"


def returned(slug, **fields):
    YearlyReturn.objects.filter(organisation__slug=slug, year=2024).update(**fields)


@pytest.fixture
def year_with_options(demo):
    """The demo year with the learning-promotion association counted apart, the bulletin named,
    and two returns whose figures the test knows (one accepted, one only submitted)."""
    Organisation.objects.filter(slug="hoi-khuyen-hoc").update(counted_apart=True)
    JournalIndexPage.objects.update(journal_name=BULLETIN)
    returned(
        "hoi-y-hoc",
        research_projects=3,
        technology_transfers=2,
        charity=120_000_000,
        activities="Khám bệnh miễn phí cho 1.200 người cao tuổi\n\n- Hội thảo y học cổ truyền",
    )
    returned("hoi-du-lich", research_projects=9, charity=900_000_000)
    return demo


def accepted_total(field):
    accepted = YearlyReturn.objects.filter(year=2024, state=ReturnState.ACCEPTED)
    return accepted.aggregate(total=Sum(field))["total"]


def expected_sentences():
    accepted = YearlyReturn.objects.filter(year=2024, state=ReturnState.ACCEPTED).count()
    return [
        "Đến cuối năm 2024, Liên hiệp hội có 31 tổ chức thành viên (22 hội thành viên và 09 hội "
        "viên tập thể) và 02 đơn vị trực thuộc; tổng số 11.256 hội viên (chưa tính 1.180 hội "
        "viên Hội Khuyến học tỉnh Hòa An).",
        f"{format_count(accepted, 'báo cáo')} năm đã được chấp nhận của các tổ chức thành viên "
        f"cho biết: {format_count(accepted_total('research_projects'), 'đề tài')} được ứng dụng, "
        f"{format_count(accepted_total('technology_transfers'), 'lượt chuyển giao')}",
        "Hội Y học tỉnh Hòa An: 03 đề tài được ứng dụng, 02 lượt chuyển giao, 120 triệu đồng ủng "
        "hộ từ thiện.",
        "Khám bệnh miễn phí cho 1.200 người cao tuổi",
        "Hội thảo y học cổ truyền",
        f"phát hành 04 số {BULLETIN}.",
        "47 giải pháp dự thi của 80 tác giả",
    ]


def section_blocks(built, code):
    [section] = [s for part in built["parts"] for s in part["sections"] if s["code"] == code]
    return [b.get("p") or b.get("list") for b in section["blocks"]]


def test_the_member_associations_section_states_accepted_returns_by_bloc(year_with_options):
    blocks = section_blocks(content.build(year_with_options, 2024), "directory.blocs")
    health = blocks.index("Khối Y tế")
    medicine = next(i for i, b in enumerate(blocks) if str(b).startswith("Hội Y học tỉnh"))
    assert health < medicine < blocks.index("Khối Giáo dục và Đào tạo")
    assert blocks[medicine : medicine + 2] == [
        "Hội Y học tỉnh Hòa An: 03 đề tài được ứng dụng, 02 lượt chuyển giao, 120 triệu đồng "
        "ủng hộ từ thiện.",
        ["Khám bệnh miễn phí cho 1.200 người cao tuổi", "Hội thảo y học cổ truyền"],
    ]
    text = str(blocks)
    # a return only submitted, not yet accepted, is not stated
    assert ("Hội Du lịch" in text, "900 triệu" in text) == (False, False)


def test_the_member_total_leaves_out_the_association_counted_apart(year_with_options):
    assert MEASURES["directory.members"].value(None, 2024) + 1180 == (
        MEASURES["directory.members"].value(None, 2024)
        + MEASURES["directory.members_counted_apart"].value(None, 2024)
    )
    [text, *_rest] = section_blocks(
        content.build(year_with_options, 2024), "directory.organisation"
    )
    assert text.endswith(
        "tổng số 11.256 hội viên (chưa tính 1.180 hội viên Hội Khuyến học tỉnh Hòa An)."
    )


def test_without_its_own_name_the_journal_is_the_e_journal(demo):
    built = content.build(demo, 2024)
    assert "phát hành 04 số tập san điện tử." in str(section_blocks(built, "activities.work"))


def test_contest_authors_count_each_person_once(demo):
    authors = MEASURES["contests.technical_authors"]
    before = authors.value(None, 2024)
    [first, second] = Entry.objects.filter(
        round__contest__kind="technical", round__results_published_on__year=2024
    ).order_by("pk")[:2]
    person = first.authors.first()
    # the same person on a second entry, written with spaces around the name
    Author.objects.create(entry=second, name=f" {person.name} ", birth_date=person.birth_date)
    assert authors.value(None, 2024) == before
    Author.objects.create(entry=second, name="Tác giả Mới Hẳn")
    assert authors.value(None, 2024) == before + 1


def test_the_report_states_them_in_markdown_html_and_word(year_with_options):
    user = make_user(roles.UNION_STAFF, year_with_options)
    run = services.create_run(organisation=year_with_options, year=2024, user=user)
    services.generate(run=run, user=user)
    run.refresh_from_db()
    with run.docx.open("rb") as handle:
        document = Document(BytesIO(handle.read()))
    word = " ".join("\n".join(p.text for p in document.paragraphs).split())
    with run.markdown.open("rb") as handle:
        markdown = " ".join(handle.read().decode().split())
    html = " ".join(rendering.html(run.content, rendering.header_for(run)).split())
    for sentence in expected_sentences():
        assert sentence in word, sentence
        assert sentence in markdown, sentence
        assert sentence in html, sentence
