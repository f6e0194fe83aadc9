"""Import the registry from an Excel workbook, all or nothing.

Organisations, people, memberships, yearly member counts, and terms with their congresses.

The workbook has the sheets of ``SHEETS`` with Vietnamese headers in row 1 (the admin offers
the template). Every cell is checked first; if any is wrong, nothing is saved and each problem
is reported with its sheet, row, column and reason. Rows are matched on their codes, so
importing the same workbook again updates records instead of duplicating them.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lienhiep.core.formatting import fold
from lienhiep.core.importing import (
    BaseReader,
    Column,
    ImportFailed,
    Problem,
    column_letter,
    look_up,
    missing_sheets,
    open_workbook,
    save_workbook,
    validation_problems,
)

from . import rules
from .enums import AcademicTitle, Degree, OrganisationKind, OrganisationStatus, Role, Sex
from .models import (
    Bloc,
    FormerProvince,
    MemberCount,
    Membership,
    Organisation,
    Person,
    Province,
    Term,
)


@dataclass
class ImportResult:
    created: dict
    updated: dict


ORG_SHEET = "Tổ chức"
PERSON_SHEET = "Người"
MEMBERSHIP_SHEET = "Thành viên"
MEMBER_COUNT_SHEET = "Số hội viên"
TERM_SHEET = "Nhiệm kỳ"
GUIDE_SHEET = "Hướng dẫn"

SHEETS = {
    ORG_SHEET: [
        Column("Mã tổ chức", "slug", required=True, max_length=150),
        Column("Tên tổ chức", "name", required=True, max_length=300),
        Column("Tên ngắn", "short_name", max_length=150),
        Column("Ký hiệu viết tắt", "abbreviation", max_length=30),
        Column("Loại tổ chức", "kind", "choice", True, OrganisationKind),
        Column("Mã tổ chức cấp trên", "parent", "org"),
        Column("Khối", "bloc", "bloc"),
        Column("Tỉnh, thành phố", "province", "province"),
        Column("Địa danh ghi ngày tháng", "place_name", max_length=100),
        Column("Trạng thái", "status", "choice", False, OrganisationStatus),
        Column("Số quyết định thành lập", "founding_decision_number", max_length=60),
        Column("Ngày quyết định thành lập", "founding_decision_date", "date"),
        Column("Số quyết định kết nạp", "admission_decision_number", max_length=60),
        Column("Ngày quyết định kết nạp", "admission_decision_date", "date"),
        Column("Địa chỉ", "address", max_length=300),
        Column("Điện thoại", "phone", max_length=50),
        Column("Thư điện tử", "email", "email"),
    ],
    PERSON_SHEET: [
        Column("Mã người", "code", required=True, max_length=40),
        Column("Họ", "family_name", required=True, max_length=50),
        Column("Tên đệm", "middle_name", max_length=80),
        Column("Tên", "given_name", required=True, max_length=50),
        Column("Giới tính", "sex", "choice", False, Sex),
        Column("Năm sinh", "birth_year", "int"),
        Column("Học vị", "degree", "choice", False, Degree),
        Column("Học hàm", "academic_title", "choice", False, AcademicTitle),
        Column("Lĩnh vực chuyên môn", "field_of_expertise", max_length=200),
        Column("Chức vụ", "job_title", max_length=200),
        Column("Mã nơi công tác", "workplace", "org"),
        Column("Mã đơn vị quản lý hồ sơ", "home", "org", required=True),
        Column("Thư điện tử", "email", "email"),
        Column("Điện thoại", "phone", max_length=50),
    ],
    MEMBERSHIP_SHEET: [
        Column("Mã người", "person", "person", required=True),
        Column("Mã tổ chức", "organisation", "org", required=True),
        Column("Vai trò", "role", "choice", True, Role),
        Column("Từ ngày", "start_date", "date", required=True),
        Column("Đến ngày", "end_date", "date"),
        Column("Ghi chú", "note", max_length=300),
    ],
    MEMBER_COUNT_SHEET: [
        Column("Mã tổ chức", "organisation", "org", required=True),
        Column("Năm", "year", "int", required=True),
        Column("Số hội viên", "members", "int", required=True),
        Column("Nguồn số liệu", "source", required=True, max_length=300),
    ],
    TERM_SHEET: [
        Column("Mã tổ chức", "organisation", "org", required=True),
        Column("Nhiệm kỳ số", "number", "int", required=True),
        Column("Ngày Đại hội", "congress_date", "date", required=True),
        Column("Ngày kết thúc theo kế hoạch", "planned_end", "date", required=True),
        Column("Được kéo dài đến", "extended_until", "date"),
        Column("Ghi chú", "notes"),
    ],
}

#: The lookup key of each sheet, and its model.
KEYS = {
    ORG_SHEET: (Organisation, ("slug",)),
    PERSON_SHEET: (Person, ("code",)),
    MEMBERSHIP_SHEET: (Membership, ("person", "organisation", "role", "start_date")),
    MEMBER_COUNT_SHEET: (MemberCount, ("organisation", "year")),
    TERM_SHEET: (Term, ("organisation", "number")),
}


class VisibleReader(BaseReader):
    """A reader for other apps' sheets: ``org`` and ``person`` cells hold the code of an
    organisation or a person the user may see, and read as that record."""

    def __init__(self, user):
        super().__init__()
        self.user = user

    @cached_property
    def organisations(self):
        return {o.slug: o for o in rules.organisations_for(self.user)}

    @cached_property
    def people(self):
        return {p.code: p for p in rules.people_for(self.user)}

    def parse_org(self, column, value):
        missing = _("no organisation you may work with has the code “%(code)s”")
        return look_up(self.organisations, str(value).strip(), missing % {"code": value})

    def parse_person(self, column, value):
        missing = _("no person you may work with has the code “%(code)s”")
        return look_up(self.people, str(value).strip(), missing % {"code": value})


def usable_code(code, among, known, not_yours, missing):
    """``code`` if one of ``among`` holds it; else ``not_yours`` if ``known``, or ``missing``."""
    if any(code in codes for codes in among):
        return code
    raise ValueError((not_yours if code in known else missing) % {"code": code})


class Reader(BaseReader):
    """Checks every cell of a workbook against the registry and the user's scope."""

    def __init__(self, user):
        super().__init__()
        self.user = user
        self.visible_orgs = {o.slug: o for o in rules.organisations_for(user)}
        self.all_org_slugs = set(Organisation.objects.values_list("slug", flat=True))
        self.visible_people = set(rules.people_for(user).values_list("code", flat=True))
        self.all_person_codes = set(Person.objects.values_list("code", flat=True))
        self.new_orgs: set[str] = set()
        self.new_people: set[str] = set()
        self.blocs = {fold(b.name): b for b in Bloc.objects.all()}
        self.provinces = {fold(p.name): p for p in Province.objects.all()}
        self.provinces |= {
            fold(f.name): f.province for f in FormerProvince.objects.select_related("province")
        }

    def parse_org(self, column, value):
        not_yours = _("you may not work with organisation “%(code)s”")
        missing = _("no organisation has the code “%(code)s”")
        orgs = (self.visible_orgs, self.new_orgs)
        return usable_code(str(value), orgs, self.all_org_slugs, not_yours, missing)

    def parse_person(self, column, value):
        not_yours = _("you may not work with person “%(code)s”")
        missing = _("no person has the code “%(code)s”")
        people = (self.visible_people, self.new_people)
        return usable_code(
            self.parse_text(column, value), people, self.all_person_codes, not_yours, missing
        )

    def parse_bloc(self, column, value):
        missing = _("no bloc is named “%(value)s”") % {"value": value}
        return look_up(self.blocs, fold(str(value)), missing)

    def parse_province(self, column, value):
        missing = _("no province is named “%(value)s”") % {"value": value}
        return look_up(self.provinces, fold(str(value)), missing)

    def declare(self, sheet_name, number, positions, values):
        """Note the code a row declares, refusing codes of records the user may not change."""
        if sheet_name not in (ORG_SHEET, PERSON_SHEET):
            return True
        column = SHEETS[sheet_name][0]
        key = values.get(column.field)
        if not key:
            return True
        if sheet_name == ORG_SHEET:
            taken, visible, declared = self.all_org_slugs, self.visible_orgs, self.new_orgs
        else:
            taken, visible, declared = self.all_person_codes, self.visible_people, self.new_people
        if key in taken and key not in visible:
            self.problem(
                sheet_name,
                number,
                positions[column],
                column,
                _("this code belongs to a record you may not change"),
            )
            return False
        declared.add(key)
        return True


def read_workbook(content: bytes, user):
    """Check a workbook; return ``{sheet: (records, positions)}`` or raise ``ImportFailed``."""
    workbook = open_workbook(content)
    reader = Reader(user)
    found = [name for name in SHEETS if name in workbook.sheetnames]
    unknown = [n for n in workbook.sheetnames if n not in SHEETS and n != GUIDE_SHEET]
    reader.problems += [Problem(name, 0, "", "", _unknown_sheet(name)) for name in unknown]
    if not found:
        failure = missing_sheets(*SHEETS)
        raise ImportFailed([*failure.problems, *reader.problems])
    sheets = {name: reader.read_sheet(name, workbook[name], SHEETS[name]) for name in found}
    workbook.close()
    if reader.problems:
        raise ImportFailed(reader.problems)
    return reader, sheets


def _unknown_sheet(name):
    names = ", ".join(f"“{known}”" for known in SHEETS)
    return _(
        "the sheet “%(sheet)s” is not one the import reads (%(names)s); rename or remove it"
    ) % {
        "sheet": name,
        "names": names,
    }


def _resolve(values, saved_orgs, saved_people):
    resolved = {}
    for field, value in values.items():
        if field in ("parent", "workplace", "home", "organisation") and value:
            resolved[field] = saved_orgs.get(value) or Organisation.objects.get(slug=value)
        elif field == "person":
            resolved[field] = saved_people.get(value) or Person.objects.get(code=value)
        else:
            resolved[field] = value
    return resolved


@transaction.atomic
def import_registry(*, content: bytes, user) -> ImportResult:
    """Import a registry workbook for ``user``: every row, or nothing with every problem named."""
    reader, sheets = read_workbook(content, user)
    result = ImportResult(created={}, updated={})
    saved_orgs, saved_people = {}, {}
    for sheet_name, (records, positions) in sheets.items():
        model, key_fields = KEYS[sheet_name]
        for number, values in records:
            fields = _resolve(values, saved_orgs, saved_people)
            lookup = {name: fields.pop(name) for name in key_fields}
            instance = model.objects.filter(**lookup).first() or model(**lookup)
            created = instance.pk is None
            for name, value in fields.items():
                if name == "status" and not value:
                    value = OrganisationStatus.ACTIVE
                setattr(instance, name, value)
            try:
                instance.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                reader.problems += validation_problems(error, sheet_name, number, positions)
                continue
            if sheet_name == MEMBER_COUNT_SHEET:
                instance.entered_by = user
            instance.save()
            log(instance, "wagtail.create" if created else "wagtail.edit", user=user)
            bucket = result.created if created else result.updated
            bucket[sheet_name] = bucket.get(sheet_name, 0) + 1
            if sheet_name == ORG_SHEET:
                saved_orgs[instance.slug] = instance
            elif sheet_name == PERSON_SHEET:
                saved_people[instance.code] = instance
    if reader.problems:
        transaction.set_rollback(True)
        raise ImportFailed(reader.problems)
    return result


def template_workbook() -> bytes:
    """The empty workbook to fill in, with a sheet that explains every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    guide = workbook.active
    guide.title = GUIDE_SHEET
    guide.append(["Trang tính", "Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for sheet_name, columns in SHEETS.items():
        sheet = workbook.create_sheet(sheet_name)
        sheet.append([column.header for column in columns])
        for index, column in enumerate(columns):
            sheet.cell(row=1, column=index + 1).font = Font(bold=True)
            sheet.column_dimensions[column_letter(index)].width = max(14, len(column.header) + 4)
            guide.append(
                [
                    sheet_name,
                    column.header,
                    "Có" if column.required else "",
                    str(HINTS[column.kind](column)),
                ]
            )
    guide.column_dimensions["A"].width = 14
    guide.column_dimensions["B"].width = 30
    guide.column_dimensions["D"].width = 90
    return save_workbook(workbook)


HINTS = {
    "text": lambda c: gettext_lazy("Text"),
    "email": lambda c: gettext_lazy("An e-mail address"),
    "int": lambda c: gettext_lazy("A whole number"),
    "date": lambda c: gettext_lazy("A date, dd/mm/yyyy"),
    "choice": lambda c: ", ".join(str(choice.label) for choice in c.choices),
    "org": lambda c: gettext_lazy(
        "The code of an organisation (in this workbook or already registered)"
    ),
    "person": lambda c: gettext_lazy(
        "The code of a person (in this workbook or already registered)"
    ),
    "bloc": lambda c: gettext_lazy("The name of a bloc"),
    "province": lambda c: gettext_lazy("The name of a province (before or after the 2025 merger)"),
}
