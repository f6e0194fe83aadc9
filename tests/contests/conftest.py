import struct
import zlib
from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, PrizeLevel
from lienhiep.contests.models import Contest, PrizeTier
from lienhiep.directory import roles
from lienhiep.privacy.consent import ConsentData
from tests.factories import make_person, make_user


def png(name="anh.png", size=(64, 48)):
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def png_claiming(width, height, name="anh-lon.png"):
    """A few bytes of PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    content = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, content, content_type="image/png")


def union_staff(union):
    """A new login of ``union``'s staff: who launches, opens and judges its rounds in tests."""
    return make_user(roles.UNION_STAFF, union)


def round_of_2026(contest, **settings):
    """A first round of ``contest`` taking entries through 2026."""
    return services.launch_round(
        contest=contest,
        number=1,
        period="2026",
        launch_date=date(2026, 1, 1),
        entry_deadline=date(2026, 12, 31),
        user=union_staff(contest.union),
        **settings,
    )


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


@pytest.fixture
def youth_round(demo):
    """A youth round of 2026, open until the end of the year, with two prizes of each level."""
    contest = Contest.objects.create(
        union=demo, kind=ContestKind.YOUTH, name="Cuộc thi Sáng tạo thử nghiệm"
    )
    round = round_of_2026(contest, min_age=6, max_age=18, residence="tỉnh Hòa An")
    PrizeTier.objects.filter(round=round).update(count=1)
    PrizeTier.objects.filter(round=round, level=PrizeLevel.CONSOLATION).update(count=2)
    services.open_round(round=round, user=union_staff(demo), on=round.launch_date)
    return round


def full_consent(publishing=True):
    """The consents of a child author and their representative, as the public form gives them."""
    return ConsentData(
        processing=True,
        publishing=publishing,
        representative_name="Nguyễn Văn Hùng",
        representative_relation="bố",
        representative_contact="0912 345 678",
        representative_consent=True,
        child_consent=True,
    )


def author(
    name="Nguyễn Minh Khoa",
    born=date(2012, 5, 4),
    main=True,
    school="Trường THCS Nguyễn Du",
    consent=None,
):
    return services.AuthorData(
        name=name,
        birth_date=born,
        workplace=school,
        is_main=main,
        consent=consent or full_consent(),
    )


def entry_data(round, title="Máy lọc nước mini", field=None, authors=None, **extra):
    return services.EntryData(
        title=title,
        field=field or round.fields.first(),
        description="Mô hình lọc nước bằng than hoạt tính và cát thạch anh.",
        authors=authors or [author()],
        **extra,
    )


def scored_by_a_judge(round, entry, given="Chấm"):
    """``entry`` (eligible, the round judging) scored by a judge seated for it: full points."""
    judge = judge_user(round, entry.field, given)
    services.assign_automatically(round=round, user=union_staff(round.contest.union))
    assignment = entry.assignments.get(judge__person__account=judge)
    points = {criterion.pk: criterion.max_points for criterion in round.criteria.all()}
    services.score(assignment=assignment, user=judge, points=points)
    return judge


def judge_user(round, field, given):
    person = make_person(round.contest.union, "Trịnh", "Văn", given)
    person.account = make_user()
    person.save()
    services.add_judge(
        round=round, field=field, person=person, user=union_staff(round.contest.union)
    )
    return person.account
