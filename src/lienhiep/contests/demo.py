"""Hòa An's contests: the technical contest (round 7 with its yearbook, round 8 of 2023-2024) and
the youth contest (round 12 of 2023-2024 with its national results, round 13 open).

Entries go through the services as staff would enter them; judges' points are written in bulk
(one row per criterion) to keep the seed fast.
"""

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from lienhiep.core.names import vietnamese_name
from lienhiep.directory import roles
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation, Person
from lienhiep.privacy.consent import ConsentData

from . import queries, services
from .enums import OPEN_FOR_ENTRIES, ContestKind, EntrySource, FileKind, PrizeLevel
from .models import Assignment, Contest, ContestRound, EntryFile, PrizeTier, Score

TECHNICAL_SUBJECTS = [
    ["Hệ thống giám sát", "Phần mềm quản lý", "Ứng dụng di động", "Thiết bị IoT đo"],
    ["Máy", "Cơ cấu tự động", "Giải pháp thi công", "Thiết bị nâng hạ"],
    ["Vật liệu", "Lò đốt", "Hệ thống năng lượng mặt trời", "Chế phẩm"],
    ["Quy trình nuôi", "Mô hình trồng", "Giải pháp xử lý nước thải", "Chế phẩm sinh học"],
    ["Dụng cụ hỗ trợ", "Quy trình chăm sóc", "Phần mềm quản lý hồ sơ bệnh án", "Bài thuốc"],
    ["Bộ học liệu", "Phần mềm dạy học", "Mô hình thí nghiệm", "Phương pháp dạy"],
]
TECHNICAL_OBJECTS = [
    "tiết kiệm điện cho hộ gia đình",
    "phục vụ sản xuất nông nghiệp tỉnh Hòa An",
    "giảm chi phí cho doanh nghiệp nhỏ",
    "nâng cao an toàn lao động",
    "ứng dụng tại các xã vùng cao",
    "thân thiện với môi trường",
    "cho hợp tác xã thủy sản ven biển",
    "dùng nguyên liệu địa phương",
]
YOUTH_SUBJECTS = [
    ["Bộ thước", "Hộp bút", "Mô hình học", "Giá sách"],
    ["Phần mềm học", "Trò chơi học", "Ứng dụng luyện", "Trang web ôn"],
    ["Máy lọc", "Thùng rác", "Chậu cây", "Túi"],
    ["Đèn", "Quạt", "Đồ chơi", "Kệ"],
    ["Hệ thống tưới", "Thiết bị cảnh báo", "Máy sấy", "Mô hình nhà"],
]
YOUTH_OBJECTS = [
    "thông minh",
    "từ vật liệu tái chế",
    "dùng năng lượng mặt trời",
    "cho học sinh tiểu học",
    "tiết kiệm nước",
    "cảnh báo ngập lụt",
    "hỗ trợ người khiếm thị",
    "môn Toán lớp 6",
]
SCHOOLS = [
    "Trường THCS Nguyễn Du",
    "Trường THCS Lê Quý Đôn",
    "Trường THPT chuyên Hòa An",
    "Trường THPT Phan Bội Châu",
    "Trường Tiểu học Kim Đồng",
    "Trường THCS Đặng Thai Mai",
    "Trường THPT Trần Phú",
    "Trường Tiểu học Võ Thị Sáu",
]
WORKPLACES = [
    "Công ty Cổ phần Cơ khí Hòa An",
    "Bệnh viện Đa khoa tỉnh Hòa An",
    "Hợp tác xã Nông nghiệp Tân Phú",
    "Trường Cao đẳng Kỹ thuật Hòa An",
    "Công ty Điện lực Hòa An",
    "Trung tâm Khuyến nông tỉnh",
    "Trường THPT chuyên Hòa An",
    "Công ty TNHH Thủy sản Biển Xanh",
]
INELIGIBLE = [
    "Thiếu bản thuyết minh mô hình, sản phẩm",
    "Sản phẩm đã dự thi ở cuộc thi khác cấp tỉnh",
    "Hồ sơ không có xác nhận của nhà trường",
]


def signed_on_paper(round):
    """The demo's authors signed the consent form, publishing included, on paper."""
    return ConsentData(processing=True, publishing=True, paper_on=round.launch_date)


def _name(rng):
    return " ".join(vietnamese_name(rng, rng.choice(["male", "female"])))


def _photo(code, rng):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, 450, 290), outline=(255, 255, 255), width=6)
    draw.text((60, 150), code, fill=(255, 255, 255))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=f"{code}.png")


def judges(count):
    """Club members who judge, each with a login; the first one is the demo's ``giamkhao``."""
    User = get_user_model()
    people = list(
        Person.objects.filter(code__startswith="HA-CLB-").order_by("code")[92 : 92 + count]
    )
    for index, person in enumerate(people):
        username = "giamkhao" if index == 0 else f"giamkhao{index + 1:02d}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": person.given_name,
                "last_name": f"{person.family_name} {person.middle_name}".strip(),
            },
        )
        if created:
            if index == 0:
                user.set_password(DEMO_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        user.groups.add(roles.group(roles.JUDGE))
        if person.account_id != user.pk:
            person.account = user
            person.save()
    return people


def contest(union, kind, name):
    found, _ = Contest.objects.get_or_create(union=union, kind=kind, defaults={"name": name})
    return found


def seeder():
    """The union staff login that the seeding acts as (``canbo``, from the directory's demo)."""
    return get_user_model().objects.get(username="canbo")


def launch(contest, number, period, launch_date, deadline, prizes, **settings):
    round = contest.rounds.filter(number=number).first()
    if round is not None:
        return round, False
    round = services.launch_round(
        contest=contest,
        number=number,
        period=period,
        launch_date=launch_date,
        entry_deadline=deadline,
        user=seeder(),
        **settings,
    )
    for level, (count, amount) in zip(PrizeLevel, prizes, strict=True):
        PrizeTier.objects.filter(round=round, level=level).update(count=count, amount=amount)
    services.open_round(round=round, user=seeder(), on=min(launch_date, date.today()))
    return round, True


def enter(round, rng, count, *, youth, titles, ineligible=0):
    user = seeder()
    fields = list(round.fields.all())
    subjects = YOUTH_SUBJECTS if youth else TECHNICAL_SUBJECTS
    objects = YOUTH_OBJECTS if youth else TECHNICAL_OBJECTS
    entries = []
    for index in range(count):
        position = index % len(fields)
        field = fields[position]
        while True:
            title = f"{rng.choice(subjects[position])} {rng.choice(objects)}"
            if title not in titles:
                break
            title = f"{title} (phiên bản {rng.randrange(2, 9)})"
            if title not in titles:
                break
        titles.add(title)
        authors = []
        for order in range(rng.choice([1, 1, 2, 2, 3])):
            if youth:
                age = rng.randrange(max(round.min_age or 6, 8), (round.max_age or 18) + 1)
                born = round.age_on - timedelta(days=365 * age + rng.randrange(1, 300))
                workplace = rng.choice(SCHOOLS)
            else:
                born = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
                workplace = rng.choice(WORKPLACES)
            authors.append(
                services.AuthorData(
                    name=_name(rng),
                    birth_date=born,
                    workplace=workplace,
                    is_main=order == 0,
                    consent=signed_on_paper(round),
                )
            )
        entry = services.record_entry(
            round=round,
            data=services.EntryData(
                title=title,
                field=field,
                description=(
                    f"{title}: giải pháp do nhóm tác giả tự thiết kế, chế tạo và thử nghiệm; "
                    "dễ sử dụng, chi phí thấp, có thể nhân rộng tại địa phương."
                ),
                authors=authors,
                entering_unit=authors[0].workplace,
                applied_since=None if youth else 2018 + rng.randrange(6),
            ),
            source=EntrySource.PAPER,
            user=user,
        )
        entries.append(entry)
    step = count // ineligible if ineligible else 0
    refused = {1 + step * n for n in range(ineligible)}
    for position, entry in enumerate(entries):
        bad = position in refused
        services.review_entry(
            entry=entry,
            eligible=not bad,
            reason=INELIGIBLE[position % len(INELIGIBLE)] if bad else "",
            dossier=["registration", "note", "photos"] if not bad else ["registration"],
            user=user,
            on=min(round.entry_deadline, date.today()),
        )
    return entries


def judge(round, rng, panel, approval, published, photos=False):
    user = seeder()
    services.start_judging(round=round, user=user, on=round.judging_from or published)
    for position, field in enumerate(round.fields.all()):
        for offset in range(2):
            person = panel[(position * 2 + offset) % len(panel)]
            services.add_judge(
                round=round, field=field, person=person, chair=offset == 0, user=user
            )
    services.assign_automatically(round=round, user=user)
    criteria = list(round.criteria.all())
    leniency = {j.pk: rng.uniform(-0.08, 0.08) for j in round.judges.all()}
    scored_at = timezone.make_aware(
        datetime.combine(round.judging_to or published, datetime.min.time()),
        ZoneInfo("Asia/Ho_Chi_Minh"),
    )
    quality = {}
    scores, assignments = [], list(Assignment.objects.filter(entry__round=round))
    for assignment in assignments:
        merit = quality.setdefault(assignment.entry_id, rng.uniform(0.45, 0.95))
        total = Decimal(0)
        for criterion in criteria:
            share = min(max(merit + leniency[assignment.judge_id] + rng.uniform(-0.05, 0.05), 0), 1)
            points = Decimal(round_half(criterion.max_points * share))
            scores.append(Score(assignment=assignment, criterion=criterion, points=points))
            total += points
        assignment.total, assignment.scored_at = total, scored_at
    Score.objects.bulk_create(scores)
    Assignment.objects.bulk_update(assignments, ["total", "scored_at"])
    services.propose_prizes(round=round, user=user)
    services.approve_prizes(round=round, user=user, number=approval, on=published)
    services.publish_results(round=round, user=user, on=published)
    if photos:
        for entry in queries.winners(round):
            if not entry.files.exists():
                EntryFile.objects.create(
                    entry=entry, kind=FileKind.PHOTO, file=_photo(entry.code, rng)
                )


def round_half(value):
    return round(value * 2) / 2


def seed_technical(union, panel):
    rng = random.Random(8)
    titles = set()
    technical = contest(union, ContestKind.TECHNICAL, "Hội thi Sáng tạo kỹ thuật tỉnh Hòa An")
    common = {
        "co_organisers": "Liên đoàn Lao động tỉnh\nHội Liên hiệp Phụ nữ tỉnh\nTỉnh đoàn Hòa An\nHội Nông dân tỉnh",
        "residence": "tỉnh Hòa An",
        "applied_since": 2017,
        "national_quota": 20,
    }
    seventh, new = launch(
        technical,
        7,
        "2021-2022",
        date(2021, 3, 20),
        date(2022, 6, 30),
        [(0, 0), (3, 20_000_000), (5, 12_000_000), (10, 5_000_000)],
        judging_from=date(2022, 7, 10),
        judging_to=date(2022, 8, 15),
        ceremony_date=date(2022, 10, 12),
        rules_decision="Quyết định số 05/QĐ-BTC ngày 20/3/2021 của Ban Tổ chức Hội thi",
        **common,
    )
    if new:
        enter(seventh, rng, 39, youth=False, titles=titles, ineligible=3)
        judge(seventh, rng, panel, "18/QĐ-BTC", date(2022, 9, 20), photos=True)
        # The yearbook of round 7 was printed and sent to its winners in 2024.
        ContestRound.objects.filter(pk=seventh.pk).update(yearbook_sent_on=date(2024, 3, 20))
    eighth, new = launch(
        technical,
        8,
        "2023-2024",
        date(2023, 3, 15),
        date(2024, 6, 30),
        [(1, 30_000_000), (4, 20_000_000), (6, 12_000_000), (10, 5_000_000)],
        judging_from=date(2024, 7, 10),
        judging_to=date(2024, 8, 15),
        ceremony_date=date(2024, 10, 15),
        rules_decision="Quyết định số 07/QĐ-BTC ngày 15/3/2023 của Ban Tổ chức Hội thi",
        national_round="Hội thi Sáng tạo kỹ thuật toàn quốc lần thứ 18 (2024-2025)",
        call=(
            "Hội thi nhằm phát hiện, tôn vinh các giải pháp kỹ thuật sáng tạo được ứng dụng "
            "hiệu quả tại tỉnh Hòa An. Mọi cá nhân, tập thể sinh sống, làm việc, học tập tại "
            "tỉnh đều có thể tham gia."
        ),
    )
    if new:
        enter(eighth, rng, 47, youth=False, titles=titles, ineligible=2)
        judge(eighth, rng, panel, "21/QĐ-BTC", date(2024, 9, 20), photos=True)
    return seventh, eighth


def seed_youth(union, panel):
    rng = random.Random(12)
    youth = contest(
        union,
        ContestKind.YOUTH,
        "Cuộc thi Sáng tạo dành cho thanh thiếu niên, nhi đồng tỉnh Hòa An",
    )
    common = {
        "co_organisers": "Tỉnh đoàn Hòa An\nSở Giáo dục và Đào tạo\nSở Khoa học và Công nghệ",
        "min_age": 6,
        "max_age": 18,
        "residence": "tỉnh Hòa An",
        "national_quota": 10,
    }
    twelfth, new = launch(
        youth,
        12,
        "2023-2024",
        date(2023, 9, 15),
        date(2024, 3, 31),
        [(1, 5_000_000), (3, 3_000_000), (5, 2_000_000), (9, 1_000_000)],
        judging_from=date(2024, 4, 10),
        judging_to=date(2024, 4, 25),
        ceremony_date=date(2024, 5, 18),
        rules_decision="Quyết định số 12/QĐ-BTC ngày 15/9/2023 của Ban Tổ chức Cuộc thi",
        national_round="Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng toàn quốc lần thứ 20 (2024)",
        **common,
    )
    if new:
        enter(twelfth, rng, 168, youth=True, titles=set(), ineligible=6)
        judge(twelfth, rng, panel, "09/QĐ-BTC", date(2024, 5, 10))
        user = seeder()
        sent = queries.winners(twelfth)[:6]
        for entry in sent:
            services.forward(entry=entry, user=user, on=twelfth.results_published_on)
        services.record_national_result(entry=sent[1], level=PrizeLevel.THIRD, user=user)
        services.record_national_result(entry=sent[4], level=PrizeLevel.CONSOLATION, user=user)
    # Round 13 was launched in September 2024; the demo keeps it open for entries so the form
    # can be tried: its deadline is moved to 60 days after the day of seeding when that is later.
    deadline = max(date(2025, 3, 31), date.today() + timedelta(days=60))
    thirteenth, new = launch(
        youth,
        13,
        "2024-2025",
        date(2024, 9, 16),
        deadline,
        [(1, 5_000_000), (3, 3_000_000), (5, 2_000_000), (10, 1_000_000)],
        rules_decision="Quyết định số 15/QĐ-BTC ngày 16/9/2024 của Ban Tổ chức Cuộc thi",
        call=(
            "Cuộc thi khuyến khích thanh thiếu niên, nhi đồng tỉnh Hòa An say mê nghiên cứu, "
            "sáng tạo mô hình, sản phẩm phục vụ học tập và đời sống. Mỗi tác giả hoặc nhóm tác "
            "giả gửi bản đăng ký, bản thuyết minh và ảnh chụp mô hình, sản phẩm."
        ),
        **common,
    )
    if not new and thirteenth.state in OPEN_FOR_ENTRIES and thirteenth.entry_deadline < deadline:
        ContestRound.objects.filter(pk=thirteenth.pk).update(entry_deadline=deadline)
    return twelfth, thirteenth


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    panel = judges(12)
    seed_technical(union, panel)
    seed_youth(union, panel)
    if stdout:
        stdout.write(f"  {'giamkhao':15} Giám khảo cuộc thi sáng tạo")
