from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.models import ModelLogEntry

from lienhiep.directory import importing, roles
from lienhiep.directory.models import MemberCount, Membership, Organisation, Person, Term
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

ORG_HEADERS = [c.header for c in importing.SHEETS[importing.ORG_SHEET]]
PERSON_HEADERS = [c.header for c in importing.SHEETS[importing.PERSON_SHEET]]
MEMBER_HEADERS = [c.header for c in importing.SHEETS[importing.MEMBERSHIP_SHEET]]


def workbook(orgs=(), people=(), members=()):
    book = Workbook()
    book.remove(book.active)
    for name, headers, rows in (
        (importing.ORG_SHEET, ORG_HEADERS, orgs),
        (importing.PERSON_SHEET, PERSON_HEADERS, people),
        (importing.MEMBERSHIP_SHEET, MEMBER_HEADERS, members),
    ):
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def good_rows():
    orgs = [
        {
            "Mã tổ chức": "hoi-vat-ly",
            "Tên tổ chức": "Hội Vật lý tỉnh Hòa An",
            "Ký hiệu viết tắt": "HVL",
            "Loại tổ chức": "Hội thành viên",
            "Mã tổ chức cấp trên": "hoa-an",
            "Khối": "Khối Giáo dục và Đào tạo",
            "Tỉnh, thành phố": "Bình Thuận",
            "Số quyết định kết nạp": "50/QĐ-LHH",
            "Ngày quyết định kết nạp": "02/12/2024",
        },
        {
            "Mã tổ chức": "chi-hoi-vat-ly-1",
            "Tên tổ chức": "Chi hội Vật lý số 1",
            "Loại tổ chức": "Câu lạc bộ",
            "Mã tổ chức cấp trên": "hoi-vat-ly",
        },
    ]
    people = [
        {
            "Mã người": "VL-001",
            "Họ": "Ngô",
            "Tên đệm": "Bảo",
            "Tên": "Châu",
            "Giới tính": "Nữ",
            "Năm sinh": 1980,
            "Học vị": "TS",
            "Mã đơn vị quản lý hồ sơ": "hoi-vat-ly",
            "Thư điện tử": "chau@example.vn",
        },
        {
            "Mã người": "VL-002",
            "Họ": "Đinh",
            "Tên": "Khoa",
            "Giới tính": "Nam",
            "Mã nơi công tác": "dai-hoc-hoa-an",
            "Mã đơn vị quản lý hồ sơ": "hoi-vat-ly",
        },
    ]
    members = [
        {
            "Mã người": "VL-001",
            "Mã tổ chức": "hoi-vat-ly",
            "Vai trò": "Chủ tịch",
            "Từ ngày": "01/12/2024",
        },
        {
            "Mã người": "VL-002",
            "Mã tổ chức": "hoi-vat-ly",
            "Vai trò": "Hội viên",
            "Từ ngày": "01/12/2024",
        },
    ]
    return orgs, people, members


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


def counts():
    return Organisation.objects.count(), Person.objects.count(), Membership.objects.count()


def test_good_workbook_imports_every_row_and_logs_them(staff):
    before = counts()
    result = importing.import_registry(content=workbook(*good_rows()), user=staff)
    assert result.created == {"Tổ chức": 2, "Người": 2, "Thành viên": 2}
    assert counts() == (before[0] + 2, before[1] + 2, before[2] + 2)
    hoi = Organisation.objects.get(slug="hoi-vat-ly")
    assert (hoi.kind, hoi.parent.slug, hoi.province.name, hoi.bloc.slug) == (
        "member_association",
        "hoa-an",
        "Lâm Đồng",
        "giao-duc",
    )
    assert str(hoi.admission_decision_date) == "2024-12-02"
    chau = Person.objects.get(code="VL-001")
    assert (chau.full_name, chau.sex, chau.birth_year, chau.degree) == (
        "Ngô Bảo Châu",
        "female",
        1980,
        "TS",
    )
    assert ModelLogEntry.objects.filter(action="wagtail.create", user=staff).count() == 6


def test_importing_twice_updates_instead_of_duplicating(staff):
    content = workbook(*good_rows())
    importing.import_registry(content=content, user=staff)
    after_first = counts()
    result = importing.import_registry(content=content, user=staff)
    assert counts() == after_first
    assert result.created == {} and result.updated == {"Tổ chức": 2, "Người": 2, "Thành viên": 2}


def test_one_bad_cell_imports_nothing_and_names_the_cell(staff):
    orgs, people, members = good_rows()
    people[1]["Năm sinh"] = "một chín tám mươi"
    before = counts()
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_registry(content=workbook(orgs, people, members), user=staff)
    assert counts() == before
    [problem] = failure.value.problems
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        "Người",
        3,
        "F",
        "Năm sinh",
    )
    assert str(problem) == (
        "Trang tính “Người”, dòng 3, cột F (Năm sinh): “một chín tám mươi” không phải là số nguyên"
    )


def test_every_bad_cell_is_reported(staff):
    orgs, people, members = good_rows()
    orgs[0]["Loại tổ chức"] = "Hội bạn"
    orgs[1]["Tên tổ chức"] = ""
    members[0]["Từ ngày"] = "2024-13-01"
    members[1]["Mã người"] = "KHONG-CO"
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_registry(content=workbook(orgs, people, members), user=staff)
    found = {(p.sheet, p.row, p.column) for p in failure.value.problems}
    assert found == {
        ("Tổ chức", 2, "E"),
        ("Tổ chức", 3, "B"),
        ("Thành viên", 2, "D"),
        ("Thành viên", 3, "A"),
    }


def test_missing_required_column_is_named(staff):
    book = Workbook()
    book.active.title = importing.PERSON_SHEET
    book.active.append(["Mã người", "Họ"])
    buffer = BytesIO()
    book.save(buffer)
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_registry(content=buffer.getvalue(), user=staff)
    assert {p.header for p in failure.value.problems} == {"Tên", "Mã đơn vị quản lý hồ sơ"}


def test_not_a_workbook_is_refused(staff):
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_registry(content=b"not excel", user=staff)
    assert str(failure.value.problems[0]) == "tệp không phải là sổ tính Excel (.xlsx)"


def test_officer_cannot_import_into_another_association(demo):
    officer = make_user(roles.OFFICER, Organisation.objects.get(slug="hoi-dieu-duong"))
    other = Person.objects.filter(home__slug="hoi-luat-gia").first()
    people = [
        {
            "Mã người": other.code,
            "Họ": "Giả",
            "Tên": "Mạo",
            "Mã đơn vị quản lý hồ sơ": "hoi-dieu-duong",
        },
        {"Mã người": "DD-NEW", "Họ": "Lý", "Tên": "Hoa", "Mã đơn vị quản lý hồ sơ": "hoi-luat-gia"},
    ]
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_registry(content=workbook(people=people), user=officer)
    assert {(p.row, p.column) for p in failure.value.problems} == {(2, "A"), (3, "L")}
    other.refresh_from_db()
    assert other.family_name != "Giả"
    assert not Person.objects.filter(code="DD-NEW").exists()


def test_template_download_has_the_vietnamese_headers(client, staff):
    client.force_login(staff)
    response = client.get(reverse("directory_import_template"))
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == [
        "Hướng dẫn",
        "Tổ chức",
        "Người",
        "Thành viên",
        "Số hội viên",
        "Nhiệm kỳ",
    ]
    assert [c.value for c in book["Người"][1]] == PERSON_HEADERS


def test_import_screen_lists_problems_and_saves_nothing(client, staff):
    orgs, people, members = good_rows()
    orgs[0]["Ngày quyết định kết nạp"] = "32/12/2024"
    client.force_login(staff)
    before = counts()
    upload = BytesIO(workbook(orgs, people, members))
    upload.name = "danh-ba.xlsx"
    response = client.post(reverse("directory_import"), {"workbook": upload})
    assert counts() == before
    assert [str(p) for p in response.context["problems"]] == [
        "Trang tính “Tổ chức”, dòng 2, cột N (Ngày quyết định kết nạp): "
        "“32/12/2024” không phải là ngày viết theo dạng dd/mm/yyyy"
    ]


def test_import_screen_imports_a_good_workbook(client, staff):
    client.force_login(staff)
    upload = BytesIO(workbook(*good_rows()))
    upload.name = "danh-ba.xlsx"
    response = client.post(reverse("directory_import"), {"workbook": upload})
    assert response.status_code == 302
    assert Organisation.objects.filter(slug__in=["hoi-vat-ly", "chi-hoi-vat-ly-1"]).count() == 2


def sheet_workbook(sheets):
    """A workbook of ``{sheet name: rows as {header: value}}`` with each sheet's headers."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        headers = [c.header for c in importing.SHEETS.get(name, [])] or ["Cột"]
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h, "") for h in headers])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_member_counts_and_terms_come_in_with_the_registry(staff):
    content = sheet_workbook(
        {
            importing.MEMBER_COUNT_SHEET: [
                {
                    "Mã tổ chức": "hoi-dieu-duong",
                    "Năm": 2018,
                    "Số hội viên": 1250,
                    "Nguồn số liệu": "Báo cáo của Hội",
                },
                {
                    "Mã tổ chức": "hoi-luat-gia",
                    "Năm": 2018,
                    "Số hội viên": 430,
                    "Nguồn số liệu": "Báo cáo của Hội",
                },
            ],
            importing.TERM_SHEET: [
                {
                    "Mã tổ chức": "hoi-dieu-duong",
                    "Nhiệm kỳ số": 9,
                    "Ngày Đại hội": "15/03/2023",
                    "Ngày kết thúc theo kế hoạch": "15/03/2028",
                }
            ],
        }
    )

    result = importing.import_registry(content=content, user=staff)

    assert result.created == {"Số hội viên": 2, "Nhiệm kỳ": 1}
    count = MemberCount.objects.get(organisation__slug="hoi-dieu-duong", year=2018)
    assert (count.members, count.source, count.entered_by) == (1250, "Báo cáo của Hội", staff)
    term = Term.objects.get(organisation__slug="hoi-dieu-duong", number=9)
    assert (str(term.congress_date), str(term.planned_end)) == ("2023-03-15", "2028-03-15")
    again = importing.import_registry(content=content, user=staff)
    assert again.updated == {"Số hội viên": 2, "Nhiệm kỳ": 1}


def test_member_counts_of_another_union_are_refused(staff, demo):
    make_org("Hội ngoài", kind="member_association", slug="hoi-ngoai")
    content = sheet_workbook(
        {
            importing.MEMBER_COUNT_SHEET: [
                {"Mã tổ chức": "hoi-ngoai", "Năm": 2018, "Số hội viên": 5, "Nguồn số liệu": "x"}
            ]
        }
    )
    with pytest.raises(importing.ImportFailed) as failed:
        importing.import_registry(content=content, user=staff)
    assert [str(p) for p in failed.value.problems] == [
        "Trang tính “Số hội viên”, dòng 2, cột A (Mã tổ chức): bạn không có quyền với tổ chức “hoi-ngoai”"
    ]


def test_a_misnamed_sheet_is_named_instead_of_importing_nothing(staff):
    content = sheet_workbook({"Số hội viên ": [], "To chuc": []})
    with pytest.raises(importing.ImportFailed) as failed:
        importing.import_registry(content=content, user=staff)
    reasons = [str(p) for p in failed.value.problems]
    assert reasons[0].startswith("sổ tính không có trang tính nào trong số “Tổ chức”")
    assert reasons[1:] == [
        f"trang tính “{name}” không phải là trang tính được nhập (“Tổ chức”, “Người”, "
        "“Thành viên”, “Số hội viên”, “Nhiệm kỳ”); hãy đổi tên hoặc xóa trang tính này"
        for name in ("Số hội viên ", "To chuc")
    ]


def test_the_template_has_the_new_sheets_and_their_instructions():
    book = load_workbook(BytesIO(importing.template_workbook()))
    assert book.sheetnames == [
        "Hướng dẫn",
        "Tổ chức",
        "Người",
        "Thành viên",
        "Số hội viên",
        "Nhiệm kỳ",
    ]
    guide = [row for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert ("Nhiệm kỳ", "Ngày Đại hội", "Có", "Ngày, dạng dd/mm/yyyy") in guide
