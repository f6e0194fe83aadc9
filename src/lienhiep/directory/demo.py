"""The Hòa An registry at the end of 2024 (``sample/hoa-an-2024.md``): records, never totals."""

import random
from datetime import date

from django.contrib.auth import get_user_model

from lienhiep.core.names import vietnamese_name

from . import roles
from .enums import Degree, Role
from .enums import OrganisationKind as K
from .models import (
    AccountScope,
    Bloc,
    MemberCount,
    Membership,
    MembershipConfirmation,
    Organisation,
    Person,
    Term,
)
from .setup import default_union, make_default

UNION_SLUG = "hoa-an"
DEMO_PASSWORD = "lienhiep2024"

BLOCS = [
    ("y-te", "Khối Y tế"),
    ("giao-duc", "Khối Giáo dục và Đào tạo"),
    ("nong-nghiep", "Khối Nông nghiệp"),
    ("phap-luat", "Khối Pháp luật, Tiêu chuẩn và Bảo vệ người tiêu dùng"),
    ("cong-nghiep", "Khối Công nghiệp, Thương mại và Du lịch"),
    ("truyen-thong", "Khối Truyền thông và Thông tin khoa học"),
]

# (slug, name, abbreviation, bloc, members 2024, members 2023)
MEMBER_ASSOCIATIONS = [
    ("hoi-y-hoc", "Hội Y học tỉnh Hòa An", "HYH", "y-te", 1170, 1130),
    ("hoi-dieu-duong", "Hội Điều dưỡng tỉnh Hòa An", "HĐD", "y-te", 1530, 1476),
    ("hoi-dong-y", "Hội Đông y tỉnh Hòa An", "HĐY", "y-te", 640, 655),
    ("hoi-duoc-hoc", "Hội Dược học tỉnh Hòa An", "HDH", "y-te", 410, 392),
    ("hoi-cham-cuu", "Hội Châm cứu tỉnh Hòa An", "HCC", "y-te", 275, 281),
    ("hoi-khuyen-hoc", "Hội Khuyến học tỉnh Hòa An", "HKH", "giao-duc", 1180, 1120),
    ("hoi-cuu-giao-chuc", "Hội Cựu giáo chức tỉnh Hòa An", "HCGC", "giao-duc", 890, 874),
    ("hoi-tam-ly-giao-duc", "Hội Tâm lý - Giáo dục học tỉnh Hòa An", "HTLGD", "giao-duc", 215, 204),
    ("hoi-toan-hoc", "Hội Toán học tỉnh Hòa An", "HTH", "giao-duc", 190, 185),
    ("hoi-lam-vuon", "Hội Làm vườn tỉnh Hòa An", "HLV", "nong-nghiep", 980, 962),
    ("hoi-thuy-loi", "Hội Thủy lợi tỉnh Hòa An", "HTL", "nong-nghiep", 310, 305),
    ("hoi-chan-nuoi-thu-y", "Hội Chăn nuôi - Thú y tỉnh Hòa An", "HCNTY", "nong-nghiep", 430, 418),
    ("hoi-bao-ve-thuc-vat", "Hội Bảo vệ thực vật tỉnh Hòa An", "HBVTV", "nong-nghiep", 260, 252),
    (
        "hoi-lam-nghiep",
        "Hội Khoa học Kỹ thuật Lâm nghiệp tỉnh Hòa An",
        "HLN",
        "nong-nghiep",
        340,
        331,
    ),
    ("hoi-luat-gia", "Hội Luật gia tỉnh Hòa An", "HLG", "phap-luat", 560, 548),
    (
        "hoi-bao-ve-nguoi-tieu-dung",
        "Hội Bảo vệ quyền lợi người tiêu dùng tỉnh Hòa An",
        "HBVNTD",
        "phap-luat",
        320,
        301,
    ),
    (
        "hoi-do-luong",
        "Hội Đo lường - Tiêu chuẩn - Chất lượng tỉnh Hòa An",
        "HĐL",
        "phap-luat",
        165,
        160,
    ),
    ("hoi-xay-dung", "Hội Xây dựng tỉnh Hòa An", "HXD", "cong-nghiep", 520, 512),
    ("hoi-kien-truc-su", "Hội Kiến trúc sư tỉnh Hòa An", "HKTS", "cong-nghiep", 180, 176),
    ("hoi-du-lich", "Hội Du lịch tỉnh Hòa An", "HDL", "cong-nghiep", 380, 350),
    ("hoi-tin-hoc", "Hội Tin học tỉnh Hòa An", "HTinH", "truyen-thong", 450, 423),
    ("hoi-su-hoc", "Hội Sử học tỉnh Hòa An", "HSH", "truyen-thong", 151, 149),
]
COLLECTIVE_MEMBERS = [
    ("dai-hoc-hoa-an", "Trường Đại học Hòa An", "ĐHHA", "giao-duc", 120, 118),
    ("cao-dang-y-te", "Trường Cao đẳng Y tế Hòa An", "CĐYT", "y-te", 85, 82),
    ("benh-vien-da-khoa", "Bệnh viện Đa khoa tỉnh Hòa An", "BVĐK", "y-te", 210, 205),
    ("vien-nong-nghiep", "Viện Nghiên cứu Nông nghiệp Hòa An", "VNCNN", "nong-nghiep", 95, 90),
    ("duoc-hoa-an", "Công ty Cổ phần Dược phẩm Hòa An", "DHA", "cong-nghiep", 60, 58),
    (
        "cao-dang-ky-thuat",
        "Trường Cao đẳng Kỹ thuật Công nghiệp Hòa An",
        "CĐKT",
        "giao-duc",
        75,
        71,
    ),
    (
        "cong-nghe-sinh-hoc-xanh",
        "Công ty TNHH Công nghệ Sinh học Xanh",
        "CNSHX",
        "nong-nghiep",
        45,
        None,
    ),
    (
        "benh-vien-y-hoc-co-truyen",
        "Bệnh viện Y học cổ truyền tỉnh Hòa An",
        "BVYHCT",
        "y-te",
        130,
        126,
    ),
    ("bao-hoa-an", "Báo Hòa An", "BHA", "truyen-thong", 70, 68),
]
NEW_IN_2024 = "cong-nghe-sinh-hoc-xanh"
SUBORDINATE_UNITS = [
    ("trung-tam-phat-trien-cong-dong", "Trung tâm Tư vấn và Phát triển cộng đồng", "TTPTCĐ"),
    ("trung-tam-ung-dung-khcn", "Trung tâm Ứng dụng Khoa học và Công nghệ", "TTƯDKHCN"),
]
PARTNERS = [
    ("ubnd-hoa-an", "Ủy ban nhân dân tỉnh Hòa An", "UBND", K.PEOPLES_COMMITTEE),
    ("so-khcn-hoa-an", "Sở Khoa học và Công nghệ tỉnh Hòa An", "SKHCN", K.DEPARTMENT),
    ("so-gddt-hoa-an", "Sở Giáo dục và Đào tạo tỉnh Hòa An", "SGDĐT", K.DEPARTMENT),
    ("so-noi-vu-hoa-an", "Sở Nội vụ tỉnh Hòa An", "SNV", K.DEPARTMENT),
    ("so-nn-mt-hoa-an", "Sở Nông nghiệp và Môi trường tỉnh Hòa An", "SNNMT", K.DEPARTMENT),
    ("ldld-hoa-an", "Liên đoàn Lao động tỉnh Hòa An", "LĐLĐ", K.MASS_ORGANISATION),
    ("hoi-phu-nu-hoa-an", "Hội Liên hiệp Phụ nữ tỉnh Hòa An", "HLHPN", K.MASS_ORGANISATION),
    ("tinh-doan-hoa-an", "Tỉnh đoàn Hòa An", "TĐ", K.MASS_ORGANISATION),
    ("hoi-nong-dan-hoa-an", "Hội Nông dân tỉnh Hòa An", "HND", K.MASS_ORGANISATION),
    ("tam-nhin-the-gioi", "Tổ chức Tầm nhìn Thế giới tại Việt Nam", "WVV", K.NGO),
    ("quy-ho-tro-cong-dong", "Quỹ Hỗ trợ Cộng đồng Hòa An", "QHTCĐ", K.NGO),
]
# slug → (term number, congress date, planned end, extended until)
CONGRESSES_2024 = {"hoi-dieu-duong": date(2024, 6, 15), "hoi-luat-gia": date(2024, 10, 19)}
OVERDUE = {
    "hoi-xay-dung": (4, date(2018, 8, 10), date(2023, 8, 10), None),
    "hoi-cham-cuu": (3, date(2019, 3, 22), date(2024, 3, 22), None),
    "hoi-su-hoc": (2, date(2018, 11, 5), date(2023, 11, 5), date(2024, 6, 30)),
}
EXTENDED = {"hoi-dong-y": (5, date(2019, 9, 14), date(2024, 9, 14), date(2025, 6, 30))}


def _org(slug, **fields):
    organisation, _ = Organisation.objects.update_or_create(slug=slug, defaults=fields)
    return organisation


def seed_organisations():
    blocs = {}
    for order, (slug, name) in enumerate(BLOCS, start=1):
        blocs[slug], _ = Bloc.objects.update_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    federation = _org(
        "vusta",
        name="Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        short_name="Liên hiệp Hội Việt Nam",
        abbreviation="LHHVN",
        kind=K.FEDERATION,
        place_name="Hà Nội",
        founding_decision_date=date(1983, 3, 26),
    )
    union = _org(
        UNION_SLUG,
        name="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An",
        short_name="Liên hiệp hội tỉnh Hòa An",
        abbreviation="LHH",
        kind=K.UNION,
        parent=federation,
        place_name="Hòa An",
        founding_decision_number="1125/QĐ-UBND",
        founding_decision_date=date(2002, 10, 16),
        address="25 đường Trần Hưng Đạo, thành phố Hòa An",
        phone="0263 3812 456",
        email="lienhiephoi@hoaan.example.vn",
        signer_name="Lê Quang Vinh",
        signer_title="CHỦ TỊCH",
    )
    if default_union() is None:
        make_default(union)
    rng = random.Random(2024)
    members = []
    for index, (slug, name, abbr, bloc, *_counts) in enumerate(MEMBER_ASSOCIATIONS):
        founded = date(1995 + index % 12, 1 + index % 12, 5 + index)
        members.append(
            _org(
                slug,
                name=name,
                abbreviation=abbr,
                kind=K.MEMBER_ASSOCIATION,
                parent=union,
                bloc=blocs[bloc],
                place_name="Hòa An",
                founding_decision_number=f"{100 + index}/QĐ-UBND",
                founding_decision_date=founded,
                admission_decision_number=f"{10 + index:02d}/QĐ-LHH",
                admission_decision_date=date(max(founded.year, 2003) + 1, 3, 1 + index),
            )
        )
    for index, (slug, name, abbr, bloc, *_counts) in enumerate(COLLECTIVE_MEMBERS):
        admitted = date(2024, 3, 15) if slug == NEW_IN_2024 else date(2010 + index, 6, 10 + index)
        number = "45/QĐ-LHH" if slug == NEW_IN_2024 else f"{60 + index}/QĐ-LHH"
        members.append(
            _org(
                slug,
                name=name,
                abbreviation=abbr,
                kind=K.COLLECTIVE_MEMBER,
                parent=union,
                bloc=blocs[bloc],
                place_name="Hòa An",
                admission_decision_number=number,
                admission_decision_date=admitted,
            )
        )
    for index, (slug, name, abbr) in enumerate(SUBORDINATE_UNITS):
        _org(
            slug,
            name=name,
            abbreviation=abbr,
            kind=K.SUBORDINATE_UNIT,
            parent=union,
            place_name="Hòa An",
            founding_decision_number=f"{20 + index}/QĐ-LHH",
            founding_decision_date=date(2012 + 3 * index, 5, 20),
        )
    club = _org(
        "clb-tri-thuc",
        name="Câu lạc bộ Trí thức tỉnh Hòa An",
        abbreviation="CLBTT",
        kind=K.CLUB,
        parent=union,
        place_name="Hòa An",
        founding_decision_number="12/QĐ-LHH",
        founding_decision_date=date(2016, 4, 8),
    )
    for slug, name, abbr, kind in PARTNERS:
        _org(slug, name=name, abbreviation=abbr, kind=kind, parent=union, place_name="Hòa An")
    seed_terms(members, rng)
    seed_union_terms(union)
    seed_member_counts(members)
    return union, club, members


#: The union's own terms (the sample states none; a term report needs them): term V from the
#: congress of 2020 to that of 2025, so that its report covers 2020–2024.
UNION_TERMS = [(5, date(2020, 10, 9), date(2025, 10, 9)), (6, date(2025, 10, 9), date(2030, 10, 9))]


def seed_union_terms(union):
    for number, congress, end in UNION_TERMS:
        Term.objects.update_or_create(
            organisation=union,
            number=number,
            defaults={"congress_date": congress, "planned_end": end, "extended_until": None},
        )


def seed_terms(members, rng):
    for organisation in members:
        slug = organisation.slug
        if slug in OVERDUE or slug in EXTENDED:
            number, congress, end, extended = (OVERDUE | EXTENDED)[slug]
        elif slug in CONGRESSES_2024:
            congress = CONGRESSES_2024[slug]
            Term.objects.update_or_create(
                organisation=organisation,
                number=3,
                defaults={
                    "congress_date": date(2019, congress.month, congress.day),
                    "planned_end": date(2024, congress.month, congress.day),
                    "extended_until": None,
                },
            )
            number, end, extended = 4, date(2029, congress.month, congress.day), None
        else:
            congress = date(2020 + rng.randrange(4), 1 + rng.randrange(12), 1 + rng.randrange(28))
            number, end, extended = 2 + rng.randrange(4), None, None
            end = date(congress.year + organisation.term_years, congress.month, congress.day)
        Term.objects.update_or_create(
            organisation=organisation,
            number=number,
            defaults={"congress_date": congress, "planned_end": end, "extended_until": extended},
        )


def seed_member_counts(members):
    counts = {
        slug: (c24, c23) for slug, _n, _a, _b, c24, c23 in MEMBER_ASSOCIATIONS + COLLECTIVE_MEMBERS
    }
    for organisation in members:
        count_2024, count_2023 = counts[organisation.slug]
        for year, count in ((2024, count_2024), (2023, count_2023)):
            if count is None:
                continue
            MemberCount.objects.update_or_create(
                organisation=organisation,
                year=year,
                defaults={
                    "members": count,
                    "source": f"Báo cáo năm {year} của {organisation.abbreviation}",
                },
            )


DEGREES = (
    [Degree.DOCTOR] * 3
    + [Degree.MASTER] * 4
    + [Degree.SPECIALIST_2, Degree.ENGINEER, Degree.BACHELOR]
)
FIELDS = [
    "Y học",
    "Điều dưỡng",
    "Nông nghiệp",
    "Thủy lợi",
    "Giáo dục",
    "Luật",
    "Xây dựng",
    "Công nghệ thông tin",
    "Môi trường",
    "Kinh tế",
    "Lịch sử",
    "Dược học",
    "Chăn nuôi",
    "Lâm nghiệp",
    "Du lịch",
]


def _person(rng, code, home, **extra):
    sex = rng.choice(["male", "female"])
    family, middle, given = vietnamese_name(rng, sex)
    defaults = {
        "family_name": family,
        "middle_name": middle,
        "given_name": given,
        "sex": sex,
        "birth_year": 1955 + rng.randrange(40),
        "degree": rng.choice(DEGREES),
        "field_of_expertise": rng.choice(FIELDS),
        "home": home,
        **extra,
    }
    if defaults["degree"] == Degree.DOCTOR and rng.random() < 0.3:
        defaults["academic_title"] = "PGS"
    person, _ = Person.objects.update_or_create(code=code, defaults=defaults)
    return person


def seed_people(union, club, members):
    rng = random.Random(112)
    for index, organisation in enumerate(members, start=1):
        chair = _person(
            rng,
            f"HA-CT-{index:03d}",
            organisation,
            workplace=organisation,
            job_title=f"Chủ tịch {organisation.name}",
        )
        term = organisation.terms.order_by("-congress_date").first()
        Membership.objects.update_or_create(
            person=chair,
            organisation=organisation,
            role=Role.CHAIR,
            start_date=term.congress_date,
        )
    leaders = [
        (Role.CHAIR, "Chủ tịch"),
        (Role.VICE_CHAIR, "Phó Chủ tịch"),
        (Role.VICE_CHAIR, "Phó Chủ tịch"),
        (Role.SECRETARY_GENERAL, "Tổng Thư ký"),
    ]
    for index, (role, title) in enumerate(leaders, start=1):
        leader = _person(
            rng,
            f"HA-LD-{index:02d}",
            union,
            workplace=union,
            job_title=f"{title} Liên hiệp hội tỉnh Hòa An",
        )
        Membership.objects.update_or_create(
            person=leader, organisation=union, role=role, start_date=date(2022, 12, 27)
        )
    # The club: 105 members from earlier years, 7 who joined in 2024, 3 who left.
    joined = [date(2016 + n % 8, 1 + n % 12, 1 + n % 27) for n in range(105)]
    joined += [date(2024, month, 10) for month in (2, 3, 5, 6, 8, 9, 11)]
    left = {113: date(2023, 6, 30), 114: date(2023, 12, 1), 115: date(2024, 8, 31)}
    joined += [date(2019, 4, 2)] * 3
    for number, start in enumerate(joined, start=1):
        person = _person(rng, f"HA-CLB-{number:03d}", club)
        membership, _ = Membership.objects.update_or_create(
            person=person,
            organisation=club,
            role=Role.MEMBER,
            start_date=start,
            defaults={"end_date": left.get(number)},
        )
        if membership.end_date is None:
            MembershipConfirmation.objects.update_or_create(
                membership=membership, year=2024, defaults={"confirmed_on": date(2024, 12, 20)}
            )


DEMO_ACCOUNTS = [
    # username, role, scope slug, full name (no superuser: each login has only its role)
    ("demo", roles.UNION_STAFF, UNION_SLUG, ("Nguyễn Thị", "Hạnh"), False),
    ("canbo", roles.UNION_STAFF, UNION_SLUG, ("Trần Văn", "Bình"), False),
    ("lanhdao", roles.UNION_LEADER, UNION_SLUG, ("Lê Quang", "Vinh"), False),
    ("hoidieuduong", roles.OFFICER, "hoi-dieu-duong", ("Phạm Thị", "Lan"), False),
    ("hoiluatgia", roles.OFFICER, "hoi-luat-gia", ("Võ Minh", "Tuấn"), False),
    ("lhhvn", roles.FEDERATION_STAFF, "vusta", ("Đặng Thu", "Hà"), False),
    ("bientap", roles.EDITOR, UNION_SLUG, ("Hồ Ngọc", "Mai"), False),
]


def seed_accounts(stdout=None):
    User = get_user_model()
    roles.ensure_groups()
    for username, role, scope, (last, first), superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@hoaan.example.vn"
        user.is_superuser = user.is_staff = superuser  # False for all: the role is printed
        if created:
            user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([roles.group(role)])
        AccountScope.objects.update_or_create(
            user=user, defaults={"organisation": Organisation.objects.get(slug=scope)}
        )
        if hasattr(user, "wagtail_userprofile"):
            user.wagtail_userprofile.preferred_language = "vi"
            user.wagtail_userprofile.save()
    if stdout:
        stdout.write(f"Tài khoản mẫu (mật khẩu: {DEMO_PASSWORD}):")
        for username, role, scope, _name, _superuser in DEMO_ACCOUNTS:
            stdout.write(f"  {username:15} {roles.GROUP_NAMES[role]} – {scope}")


def seed_provinces():
    """The 34 units and the former provinces (also loaded by a migration; kept after a flush)."""
    from lienhiep.core.formatting import slugify_vi

    from .data.provinces import PROVINCES
    from .models import FormerProvince, Province

    for name, kind, centre, former in PROVINCES:
        province, _ = Province.objects.get_or_create(
            slug=slugify_vi(name), defaults={"name": name, "kind": kind, "centre": centre}
        )
        for old in former:
            FormerProvince.objects.get_or_create(
                slug=slugify_vi(old), defaults={"name": old, "province": province}
            )
        province.save()


def seed(stdout=None):
    seed_provinces()
    union, club, members = seed_organisations()
    seed_people(union, club, members)
    seed_accounts(stdout)
    return union
