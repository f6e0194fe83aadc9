"""Hòa An's 2024: honouring round II (15 nominations, 09 eligible, honoured) and commendations."""

from datetime import date

from django.contrib.auth import get_user_model

from lienhiep.activities.enums import CEREMONY, ActivityState
from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.directory import roles
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Person

from . import services
from .enums import CommendationForm, IssuerKind, RoundState, Threshold
from .models import Commendation, CommendationDecision, CouncilMember, HonourRound, Nomination, Vote

INELIGIBLE_REASONS = [
    "Chưa đủ 10 năm công tác trong lĩnh vực khoa học và công nghệ",
    "Hồ sơ thiếu minh chứng về công trình được ứng dụng",
    "Đã được tôn vinh ở lần thứ I",
]


def council_account(person):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="hoidong",
        defaults={
            "first_name": person.given_name,
            "last_name": f"{person.family_name} {person.middle_name}".strip(),
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(roles.group(roles.EXPERT))
    if person.account_id != user.pk:
        Person.objects.filter(account=user).update(account=None)
        person.account = user
        person.save()
    return user


def seed_round(union, staff):
    round, _ = HonourRound.objects.get_or_create(
        union=union,
        number=2,
        defaults={
            "year": 2024,
            "regulation": "Quyết định số 43/2014/QĐ-UBND, sửa đổi bởi Quyết định số 21/2020/QĐ-UBND",
            "criteria": "Có công trình, giải pháp được ứng dụng hiệu quả; có ít nhất 10 năm hoạt động khoa học và công nghệ.",
            "quota_per_unit": 2,
            "threshold": Threshold.MORE_THAN_HALF,
            "opens_on": date(2024, 3, 1),
            "closes_on": date(2024, 6, 30),
            "council_on": date(2024, 8, 20),
        },
    )
    if round.state != RoundState.OPEN:
        return round
    people = list(Person.objects.filter(code__startswith="HA-CLB-").order_by("code"))
    council = people[30:39]
    council_account(council[0])
    for index, person in enumerate(council):
        CouncilMember.objects.get_or_create(round=round, person=person, chair=index == 0)
    units = list(
        Organisation.objects.filter(
            parent=union, kind=OrganisationKind.MEMBER_ASSOCIATION
        ).order_by("slug")
    )
    for index, nominee in enumerate(people[50:65]):
        unit = units[index // 2]
        nomination = services.nominate(
            round=round,
            nominee=nominee,
            unit=unit,
            user=staff,
            summary=f"Nhiều năm nghiên cứu và ứng dụng khoa học trong lĩnh vực {nominee.field_of_expertise.lower()}.",
        )
        eligible = index < 9
        services.review(
            nomination=nomination,
            eligible=eligible,
            user=staff,
            reason="" if eligible else INELIGIBLE_REASONS[index % 3],
            on=date(2024, 7, 5),
        )
    services.close_review(round=round, user=staff, on=date(2024, 7, 10))
    seats = list(round.council.all())
    for index, nomination in enumerate(round.nominations.filter(eligible=True).order_by("pk")):
        for position, seat in enumerate(seats):
            agree = position < 7 + index % 3
            Vote.objects.create(
                nomination=nomination, member=seat, agree=agree, cast_on=date(2024, 8, 20)
            )
    services.close_voting(round=round, user=staff, on=date(2024, 8, 20))
    services.propose(round=round, user=staff, number="25/TTr-LHH", on=date(2024, 9, 5))
    services.decide(
        round=round,
        user=staff,
        number="1890/QĐ-UBND",
        on=date(2024, 10, 10),
        issuer=Organisation.objects.get(slug="ubnd-hoa-an"),
    )
    ceremony, _ = Activity.objects.get_or_create(
        title="Lễ tôn vinh Trí thức tiêu biểu về khoa học - công nghệ tỉnh Hòa An lần thứ II",
        start_date=date(2024, 10, 20),
        organiser=union,
        defaults={
            "kind": ActivityKind.objects.get(slug=CEREMONY),
            "state": ActivityState.HELD,
            "place": "Hội trường Tỉnh ủy Hòa An",
            "participants_count": 250,
        },
    )
    round.ceremony = ceremony
    round.save(update_fields=["ceremony"])
    return round


def seed_commendations(union):
    people = list(Person.objects.filter(code__startswith="HA-CLB-").order_by("code"))
    members = list(
        Organisation.objects.filter(
            parent=union, kind=OrganisationKind.MEMBER_ASSOCIATION
        ).order_by("slug")
    )
    federation = Organisation.objects.get(slug="vusta")
    for number, issuer_kind, issuer, form, day, collectives, individuals, reason in [
        (
            "305/QĐ-LHHVN",
            IssuerKind.FEDERATION,
            federation,
            CommendationForm.CERTIFICATE_OF_MERIT,
            date(2024, 12, 18),
            [union, members[3]],
            people[70:74],
            "Có thành tích xuất sắc trong hoạt động Liên hiệp hội năm 2024",
        ),
        (
            "62/QĐ-LHH",
            IssuerKind.UNION,
            union,
            CommendationForm.CERTIFICATE_OF_COMMENDATION,
            date(2024, 12, 27),
            members[5:11],
            people[80:91],
            "Hoàn thành xuất sắc nhiệm vụ năm 2024",
        ),
    ]:
        decision, created = CommendationDecision.objects.get_or_create(
            union=union,
            number=number,
            defaults={
                "issuer_kind": issuer_kind,
                "issuer": issuer,
                "form": form,
                "date": day,
                "reason": reason,
            },
        )
        if not created:
            continue
        for organisation in collectives:
            Commendation.objects.create(decision=decision, organisation=organisation)
        for person in individuals:
            Commendation.objects.create(decision=decision, person=person)


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    staff = get_user_model().objects.get(username="canbo")
    seed_round(union, staff)
    seed_commendations(union)
    if stdout:
        stdout.write(
            f"  {'hoidong':15} Hội đồng tôn vinh trí thức – {Nomination.objects.count()} hồ sơ"
        )
