"""Hòa An's activities of 2024: 11 workshops, 09 training courses, 04 club sessions, 06 federation events."""

from datetime import date

from lienhiep.directory.models import Organisation

from . import enums
from .models import Activity, ActivityKind

WORKSHOPS = [
    (
        date(2024, 3, 14),
        "Hội thảo khoa học “Ứng dụng công nghệ cao trong sản xuất nông nghiệp tỉnh Hòa An”",
        "hoi-lam-vuon",
    ),
    (date(2024, 4, 11), "Hội thảo “Chuyển đổi số trong quản lý hội và hội viên”", "hoi-tin-hoc"),
    (
        date(2024, 5, 9),
        "Hội thảo “Giải pháp bảo vệ nguồn nước và ứng phó hạn hán, xâm nhập mặn”",
        "hoi-thuy-loi",
    ),
    (
        date(2024, 5, 23),
        "Hội thảo “Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa địa phương”",
        "hoi-du-lich",
    ),
    (
        date(2024, 6, 20),
        "Hội thảo “Nâng cao chất lượng chăm sóc sức khỏe ban đầu tuyến xã”",
        "hoi-y-hoc",
    ),
    (date(2024, 7, 18), "Hội thảo “Phát triển dược liệu bản địa tỉnh Hòa An”", "hoi-duoc-hoc"),
    (
        date(2024, 8, 15),
        "Hội thảo “Kinh tế tuần hoàn trong chăn nuôi quy mô hộ gia đình”",
        "hoi-chan-nuoi-thu-y",
    ),
    (
        date(2024, 9, 12),
        "Hội thảo “Đổi mới phương pháp dạy học STEM ở trường phổ thông”",
        "so-gddt-hoa-an",
    ),
    (
        date(2024, 10, 10),
        "Hội thảo “Bảo vệ quyền lợi người tiêu dùng trong thương mại điện tử”",
        "hoi-bao-ve-nguoi-tieu-dung",
    ),
    (
        date(2024, 11, 7),
        "Hội thảo “Trí thức khoa học và công nghệ với sự phát triển của tỉnh Hòa An”",
        "clb-tri-thuc",
    ),
    (date(2024, 12, 5), "Hội thảo “Quản lý rừng bền vững và chứng chỉ rừng FSC”", "hoi-lam-nghiep"),
]
TRAININGS = [
    (date(2024, 3, 5), "Tập huấn kỹ thuật trồng cây ăn quả theo tiêu chuẩn VietGAP", 85),
    (date(2024, 4, 2), "Tập huấn nghiệp vụ công tác hội cho cán bộ hội thành viên", 60),
    (date(2024, 5, 14), "Tập huấn sơ cấp cứu ban đầu cho hội viên phụ nữ", 70),
    (date(2024, 6, 11), "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến", 90),
    (date(2024, 7, 9), "Tập huấn phòng chống dịch bệnh trên gia súc, gia cầm", 75),
    (date(2024, 8, 6), "Tập huấn hướng dẫn tham gia Hội thi Sáng tạo kỹ thuật", 55),
    (date(2024, 9, 17), "Tập huấn kỹ năng truyền thông khoa học trên mạng xã hội", 65),
    (date(2024, 10, 22), "Tập huấn an toàn thực phẩm trong chế biến nông sản", 80),
    (date(2024, 11, 19), "Tập huấn sở hữu trí tuệ và đăng ký bảo hộ sáng chế", 50),
]
CLUB_SESSIONS = [
    (date(2024, 3, 28), "Sinh hoạt chuyên đề “Trí tuệ nhân tạo và ứng dụng trong đời sống”"),
    (date(2024, 6, 27), "Sinh hoạt chuyên đề “Biến đổi khí hậu và sinh kế ven biển”"),
    (date(2024, 9, 26), "Sinh hoạt chuyên đề “Kinh tế số và thương mại điện tử ở nông thôn”"),
    (date(2024, 12, 19), "Sinh hoạt chuyên đề “Văn hóa đọc trong thời đại số”"),
]
FEDERATION_EVENTS = [
    (date(2024, 1, 18), "Hội nghị tổng kết công tác năm 2023 của Liên hiệp Hội Việt Nam"),
    (
        date(2024, 4, 25),
        "Hội nghị giao ban các Liên hiệp hội địa phương khu vực miền Trung - Tây Nguyên",
    ),
    (
        date(2024, 6, 6),
        "Tập huấn công tác tư vấn, phản biện và giám định xã hội do Liên hiệp Hội Việt Nam tổ chức",
    ),
    (
        date(2024, 9, 19),
        "Lễ trao Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam (VIFOTEC) năm 2024",
    ),
    (date(2024, 11, 14), "Hội nghị Ban Chấp hành Liên hiệp Hội Việt Nam mở rộng"),
    (
        date(2024, 12, 12),
        "Lễ trao Giải thưởng Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng toàn quốc lần thứ 20",
    ),
]


def _activity(kind, title, start, organiser, **fields):
    activity, _ = Activity.objects.update_or_create(
        kind=kind,
        title=title,
        start_date=start,
        organiser=organiser,
        defaults={"state": fields.pop("state", enums.ActivityState.HELD), **fields},
    )
    return activity


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    club = Organisation.objects.get(slug="clb-tri-thuc")
    for order, (slug, name) in enumerate(enums.DEFAULT_KINDS, start=1):
        ActivityKind.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    kind = {k.slug: k for k in ActivityKind.objects.all()}
    for start, title, partner in WORKSHOPS:
        activity = _activity(
            kind[enums.WORKSHOP],
            title,
            start,
            union,
            place="Hội trường Liên hiệp hội tỉnh Hòa An",
            participants_count=80 + start.month * 5,
            topic=title.split("“")[-1].rstrip("”"),
            target_group="Trí thức, hội viên, cán bộ các sở, ngành",
        )
        activity.co_organisers.set([Organisation.objects.get(slug=partner)])
        activity.save()
    for start, title, count in TRAININGS:
        _activity(
            kind[enums.TRAINING],
            title,
            start,
            union,
            participants_count=count,
            topic=title,
            place="Trung tâm Ứng dụng Khoa học và Công nghệ",
            target_group="Hội viên, nông dân, cán bộ cơ sở",
        )
    for start, title in CLUB_SESSIONS:
        _activity(
            kind[enums.THEMATIC_SESSION],
            title,
            start,
            club,
            participants_count=45,
            topic=title.split("“")[-1].rstrip("”"),
            place="Phòng họp Câu lạc bộ Trí thức",
        )
    for start, title in FEDERATION_EVENTS:
        _activity(kind[enums.FEDERATION_EVENT], title, start, union, place="Hà Nội")
    # Member associations' own activities, a cancelled workshop and one planned for next year.
    for slug, title, start in [
        ("hoi-dieu-duong", "Hội nghị khoa học Điều dưỡng năm 2024", date(2024, 5, 12)),
        ("hoi-luat-gia", "Đại hội Hội Luật gia tỉnh Hòa An nhiệm kỳ IV", date(2024, 10, 19)),
        ("hoi-khuyen-hoc", "Lễ trao học bổng Khuyến học năm 2024", date(2024, 8, 30)),
    ]:
        _activity(
            kind[enums.CONFERENCE],
            title,
            start,
            Organisation.objects.get(slug=slug),
            participants_count=120,
        )
    _activity(
        kind[enums.WORKSHOP],
        "Hội thảo “Năng lượng tái tạo ở vùng ven biển”",
        date(2024, 11, 28),
        union,
        state=enums.ActivityState.CANCELLED,
        outcome="Hoãn do bão số 8",
    )
    _activity(
        kind[enums.WORKSHOP],
        "Hội thảo “Phát triển kinh tế biển xanh tỉnh Hòa An”",
        date(2025, 3, 20),
        union,
        state=enums.ActivityState.PLANNED,
    )
