"""Every kind of record that holds a person is a holder: one person present in each kind (a
people record, memberships, a login, honours nominations, a commendation, a council seat,
critique panels and opinions, contest judging, an activity) is found by an access request, and an
erasure request removes or anonymises what may go and keeps the legal records, with the list."""

import io
import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lienhiep.activities.models import Activity
from lienhiep.consulting.enums import CaseState, KindForm
from lienhiep.consulting.models import Case, ConsultingKind, CouncilSeat, Opinion, PanelMember
from lienhiep.contests.enums import ContestKind, RoundState
from lienhiep.contests.models import Assignment, ContestRound, Criterion, Judge, Score
from lienhiep.directory import roles
from lienhiep.directory.enums import Role
from lienhiep.directory.models import Membership, Organisation, Person
from lienhiep.honours.enums import CommendationForm, IssuerKind
from lienhiep.honours.enums import RoundState as HonourState
from lienhiep.honours.models import (
    Commendation,
    CommendationDecision,
    CouncilMember,
    HonourRound,
    Nomination,
)
from lienhiep.privacy import services
from lienhiep.privacy.enums import RequestKind
from tests.factories import make_membership, make_person, make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def honour_round(union, number, state):
    return HonourRound.objects.create(
        union=union,
        number=number,
        year=2026,
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 6, 30),
        state=state,
    )


def critique(union, title, state):
    return Case.objects.create(
        title=title,
        union=union,
        requester=Organisation.objects.get(slug="so-nn-mt-hoa-an"),
        request_date=date(2026, 3, 1),
        deadline=date(2026, 4, 15),
        state=state,
    )


@pytest.fixture
def mai(demo, youth_round):
    """PGS.TS. Trần Thị Mai of the Hội Y học, in every kind of record: in each, once in a record
    that may go and, where the law keeps some, once in a record that stays."""
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    person = make_person(
        unit, "Trần", "Thị", "Mai", birth_year=1970, email="mai@example.vn", phone="0912 000 111"
    )
    person.account = make_user(roles.EXPERT, username="tranthimai")
    person.save()
    make_membership(person, unit)
    make_membership(person, unit, Role.VICE_CHAIR)

    open_round = honour_round(demo, 7, HonourState.OPEN)
    decided = honour_round(demo, 8, HonourState.DECIDED)
    removed = Nomination.objects.create(round=open_round, nominee=person, nominating_unit=unit)
    removed.letter.save("to-trinh-mai.pdf", ContentFile(PDF))
    Nomination.objects.create(round=decided, nominee=person, nominating_unit=unit, honoured=True)
    CouncilMember.objects.create(round=open_round, person=person)
    CouncilMember.objects.create(round=decided, person=person)
    decision = CommendationDecision.objects.create(
        union=demo,
        issuer_kind=IssuerKind.UNION,
        form=CommendationForm.CERTIFICATE_OF_MERIT,
        number="12/QĐ-LHH",
        date=date(2026, 5, 19),
    )
    Commendation.objects.create(decision=decision, person=person, reason="Tích cực")

    draft = critique(demo, "Đề án y tế cơ sở", CaseState.PANEL_FORMED)
    sent = critique(demo, "Đề án bệnh viện tỉnh", CaseState.REPORT_SENT)
    for case in (draft, sent):
        PanelMember.objects.create(case=case, person=person)
        opinion = Opinion.objects.create(case=case, expert=person, text="Đồng ý có sửa đổi.")
        opinion.file.save(f"y-kien-{case.pk}.pdf", ContentFile(PDF))
    boards = ConsultingKind.objects.create(name="Hội đồng thử", slug="thu", form=KindForm.SEAT)
    CouncilSeat.objects.create(
        kind=boards,
        union=demo,
        council="Hội đồng y đức",
        member="Trần Thị Mai",
        start_date=date(2026, 1, 1),
    )

    Judge.objects.create(round=youth_round, field=youth_round.fields.first(), person=person)
    published = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    assert published.state in (RoundState.PUBLISHED, RoundState.CLOSED)
    judge = Judge.objects.create(round=published, field=published.fields.last(), person=person)
    entry = published.entries.first()
    scored = Assignment.objects.create(
        entry=entry, judge=judge, total=Decimal("85"), scored_at=timezone.now()
    )
    criterion = Criterion.objects.filter(round=published).first() or Criterion.objects.create(
        round=published, name="Tính sáng tạo", max_points=100
    )
    Score.objects.create(assignment=scored, criterion=criterion, points=Decimal("85"))

    activity = Activity.objects.filter(organiser=demo).first()
    activity.participants.add(person)
    activity.save()  # a parental many-to-many is written when its activity is saved

    # the same name kept by another union is not this union's to give out or erase
    make_person(Organisation.objects.get(slug="vusta"), "Trần", "Thị", "Mai", birth_year=1970)
    return person


def ask(personas, kind):
    return services.record_request(
        union=Organisation.objects.get(slug="hoa-an"),
        kind=kind,
        name="tran thi mai",
        birth_date=date(1970, 8, 1),
        received_on=date.today(),
        user=personas["union_staff"],
    )


def test_access_lists_every_record_of_the_person_in_every_holder(personas, mai):
    services.log_processing(record=mai, user=personas["leader"])  # the leader read her record
    rendered = services.export_person_data(
        request=ask(personas, RequestKind.ACCESS), user=personas["union_staff"]
    )
    archive = zipfile.ZipFile(io.BytesIO(rendered.content))
    summary = json.loads(archive.read("du-lieu-ca-nhan.json"))
    kinds = [r["Loại hồ sơ"] for r in summary["Hồ sơ"]]
    assert sorted(set(kinds)) == sorted(
        {
            "Hồ sơ nhân sự",
            "Thành viên và chức danh",
            "Tài khoản",
            "Nhật ký xử lý",
            "Người được đề cử tôn vinh",
            "Khen thưởng",
            "Thành viên hội đồng tôn vinh",
            "Hội đồng phản biện",
            "Ý kiến chuyên gia",
            "Ghế hội đồng",
            "Giám khảo hội thi",
            "Người tham dự hoạt động",
        }
    )
    counts = {kind: kinds.count(kind) for kind in set(kinds) - {"Nhật ký xử lý"}}
    assert counts == {
        "Hồ sơ nhân sự": 1,  # not the namesake another union keeps
        "Thành viên và chức danh": 2,
        "Tài khoản": 1,
        "Người được đề cử tôn vinh": 2,
        "Khen thưởng": 1,
        "Thành viên hội đồng tôn vinh": 2,
        "Hội đồng phản biện": 2,
        "Ý kiến chuyên gia": 2,
        "Ghế hội đồng": 1,
        "Giám khảo hội thi": 2,
        "Người tham dự hoạt động": 1,
    }
    person = next(r for r in summary["Hồ sơ"] if r["Loại hồ sơ"] == "Hồ sơ nhân sự")
    assert person["Dữ liệu đang lưu giữ"]["Thư điện tử"] == "mai@example.vn"
    judged = [r for r in summary["Hồ sơ"] if r["Loại hồ sơ"] == "Giám khảo hội thi"]
    assert any("85" in r["Dữ liệu đang lưu giữ"]["Điểm chấm"] for r in judged)
    (log,) = [r for r in summary["Hồ sơ"] if r["Loại hồ sơ"] == "Nhật ký xử lý"]
    assert log["Dữ liệu đang lưu giữ"]["Nội dung"] == "Đã xem dữ liệu cá nhân"
    # the nomination letter and the two opinions' files (a stored name may take a suffix)
    files = sorted(n.split("-", 1)[1] for n in archive.namelist() if n.startswith("tep/"))
    prefixes = ["to-trinh-mai", "y-kien-", "y-kien-"]
    assert len(files) == 3
    assert [name.startswith(p) for name, p in zip(files, prefixes, strict=True)] == [True] * 3


def test_erasure_removes_what_may_go_and_keeps_the_legal_records_with_reasons(personas, mai):
    mai_login = mai.account_id
    request = ask(personas, RequestKind.ERASE)
    outcome = services.erase_person(request=request, user=personas["union_staff"])
    done = {}
    for o in outcome:
        assert o.reason
        done.setdefault(o.done, []).append(o.record)
    kept = sorted(r for r in done["kept"] if not r.startswith("Mục nhật ký"))
    assert kept == sorted(
        [
            "Trần Thị Mai – Phó Chủ tịch – Hội Y học tỉnh Hòa An",
            f"Đề cử trong {HonourRound.objects.get(number=8)}",
            f"Thành viên hội đồng trong {HonourRound.objects.get(number=8)}",
            "Khen thưởng 12/QĐ-LHH (Bằng khen)",
            "Hội đồng phản biện đề án Đề án bệnh viện tỉnh",
            "Ý kiến về Đề án bệnh viện tỉnh",
            next(r for r in done["kept"] if r.startswith("Giám khảo")),
            f"Hồ sơ nhân sự {mai.code}",
        ]
    )
    assert len([r for r in done["kept"] if r.startswith("Giám khảo")]) == 1
    open_round = HonourRound.objects.get(number=7)
    activity = Activity.objects.filter(organiser__slug="hoa-an").first()
    assert sorted(done["removed"]) == sorted(
        [
            "Trần Thị Mai – Hội viên – Hội Y học tỉnh Hòa An",
            f"Đề cử trong {open_round}",
            f"Thành viên hội đồng trong {open_round}",
            "Hội đồng phản biện đề án Đề án y tế cơ sở",
            "Ý kiến về Đề án y tế cơ sở",
            next(r for r in done["removed"] if r.startswith("Giám khảo")),
            f"Người tham dự {activity}",
        ]
    )
    assert done["anonymised"] == ["Ghế trong Hội đồng y đức", "Tài khoản tranthimai"]
    assert all(r.startswith("Mục nhật ký") for r in set(done["kept"]) - set(kept))

    mai.refresh_from_db()
    assert (mai.full_name, mai.email, mai.phone, mai.birth_year, mai.account) == (
        "Trần Thị Mai",
        "",
        "",
        None,
        None,
    )
    assert Membership.objects.filter(person=mai).count() == 1
    assert Nomination.objects.filter(nominee=mai).get().round.number == 8
    assert Opinion.objects.filter(expert=mai).get().case.title == "Đề án bệnh viện tỉnh"
    assert Judge.objects.filter(person=mai).count() == 1
    assert not Activity.objects.filter(participants=mai).exists()
    assert CouncilSeat.objects.get(council="Hội đồng y đức").member == ""
    account = get_user_model().objects.get(pk=mai_login)
    assert (account.username, account.is_active, account.email) == (
        f"an-danh-{account.pk}",
        False,
        "",
    )
    logged = ModelLogEntry.objects.filter(
        action="privacy.person.anonymised", content_type__model="person"
    )
    assert [(e.user, e.object_id) for e in logged] == [(personas["union_staff"], str(mai.pk))]
    namesake = Person.objects.get(home__slug="vusta", family_name="Trần", given_name="Mai")
    assert namesake.birth_year == 1970  # another union's record is not touched
    request.refresh_from_db()
    assert len(request.outcome) == len(outcome)


def test_a_person_named_in_no_kept_record_is_anonymised(personas, demo):
    person = make_person(
        Organisation.objects.get(slug="hoi-y-hoc"), "Trần", "Thị", "Mai", email="m@example.vn"
    )
    make_membership(person, person.home)
    outcome = services.erase_person(
        request=ask(personas, RequestKind.ERASE), user=personas["union_staff"]
    )
    assert [(o.record, o.done) for o in outcome] == [
        ("Trần Thị Mai – Hội viên – Hội Y học tỉnh Hòa An", "removed"),
        (f"Hồ sơ nhân sự {person.code}", "anonymised"),
    ]
    person.refresh_from_db()
    assert (person.full_name, person.email, person.code) == ("Người đã ẩn danh", "", person.code)
    assert Person.objects.filter(search_text__startswith="tran thi mai").count() == 0
