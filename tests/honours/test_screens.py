"""Every honours admin screen, requested by the persona who uses it."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation, Person
from lienhiep.honours import importing, services
from lienhiep.honours.enums import RoundState
from lienhiep.honours.models import CommendationDecision, CouncilMember, HonourRound, Vote
from tests.factories import make_person, make_user
from tests.html_forms import form_values
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(demo):
    return HonourRound.objects.create(
        union=demo,
        number=3,
        year=2026,
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 6, 30),
        quota_per_unit=2,
    )


def nominate(round, staff, given):
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    nominee = make_person(unit, "Lý", "Thị", given)
    return services.nominate(round=round, nominee=nominee, unit=unit, user=staff)


def seat(round, given):
    person = make_person(round.union, "Hà", "Văn", given)
    person.account = make_user(roles.EXPERT)
    person.save()
    chair = not round.council.exists()  # the first seated chairs the council
    CouncilMember.objects.create(round=round, person=person, chair=chair)
    return person.account


def said(response):
    return response.content.decode()


def test_staff_take_a_round_from_review_to_decision_on_its_screen(client, personas, round):
    staff = personas["union_staff"]
    first, second = nominate(round, staff, "Hoa"), nominate(round, staff, "Mai")
    voter = seat(round, "An")
    client.force_login(staff)
    url = reverse("honours_round_process", args=[round.pk])
    page = said(client.get(url))
    assert "Lý Thị Hoa" in page and "Lý Thị Mai" in page and 'value="close_review"' in page

    for nomination, eligible, reason in ((first, "yes", ""), (second, "no", "Chưa đủ năm")):
        data = {"action": "review", "nomination": nomination.pk, "eligible": eligible}
        data["on"] = "01/07/2026"
        page = said(client.post(url, {**data, "reason": reason}, follow=True))
        assert "Đã lưu." in page
    assert "không đủ điều kiện: Chưa đủ năm" in page
    page = said(client.post(url, {"action": "close_review", "on": "05/07/2026"}, follow=True))
    assert "<strong>Đã xét hồ sơ</strong>" in page and 'value="close_voting"' in page

    first = round.nominations.select_related("round").get(pk=first.pk)  # reviewed on the screen
    services.cast_vote(nomination=first, user=voter, agree=True, on=date(2026, 8, 1))
    client.post(url, {"action": "close_voting", "on": "20/08/2026"})
    page = said(
        client.post(url, {"action": "propose", "number": "12/TTr", "on": "1/9"}, follow=True)
    )
    assert "“1/9” không phải là ngày viết theo dạng dd/mm/yyyy" in page
    client.post(url, {"action": "propose", "number": "12/TTr-LHH", "on": "01/09/2026"})
    page = said(
        client.post(
            url, {"action": "decide", "number": "99/QĐ-UBND", "on": "01/10/2026"}, follow=True
        )
    )
    assert "05/07/2026" in page and "20/08/2026" in page
    assert "12/TTr-LHH (01/09/2026)" in page and "99/QĐ-UBND (01/10/2026)" in page
    round.refresh_from_db()
    assert round.state == RoundState.DECIDED
    assert [
        c.person.given_name
        for c in CommendationDecision.objects.get(number="99/QĐ-UBND").recipients.all()
    ] == ["Hoa"]


def test_a_council_member_finds_the_round_and_votes_on_its_screens(client, personas, round):
    staff = personas["union_staff"]
    nomination = nominate(round, staff, "Hoa")
    services.review(nomination=nomination, eligible=True, reason="", user=staff)
    voter = seat(round, "An")
    services.close_review(round=round, user=staff)
    client.force_login(voter)
    page = said(client.get(reverse("honours_council")))
    assert str(round) in page and reverse("honours_vote", args=[round.pk]) in page
    url = reverse("honours_vote", args=[round.pk])
    assert 'name="agree" value="yes"' in said(client.get(url))
    page = said(client.post(url, {"nomination": nomination.pk, "agree": "yes"}, follow=True))
    assert "Đã ghi nhận phiếu của bạn." in page and 'name="agree"' not in page
    assert list(Vote.objects.filter(nomination=nomination).values_list("agree", flat=True)) == [
        True
    ]

    client.force_login(make_user(roles.EXPERT))
    assert "Bạn không là thành viên hội đồng nào." in said(client.get(reverse("honours_council")))
    assert refused(client, url, {"nomination": nomination.pk, "agree": "no"})
    assert Vote.objects.filter(nomination=nomination).count() == 1


def recipients_book(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = importing.SHEET
    sheet.append([c.header for c in importing.COLUMNS])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "nguoi-nhan.xlsx"
    return buffer


def test_staff_import_the_recipients_of_a_decision_on_its_screen(client, personas):
    decision = CommendationDecision.objects.get(number="62/QĐ-LHH")
    before = decision.recipients.count()
    url = reverse("honours_import_recipients", args=[decision.pk])
    client.force_login(personas["union_staff"])
    assert "Tải tệp mẫu" in said(client.get(url))
    template = client.get(url, {"template": 1})
    assert (
        template["Content-Disposition"] == 'attachment; filename="mau-nguoi-nhan-khen-thuong.xlsx"'
    )
    assert load_workbook(BytesIO(template.content)).sheetnames == ["Hướng dẫn", importing.SHEET]

    page = said(client.post(url, {"workbook": recipients_book([["Nhóm", "", "", ""]])}))
    assert "Chưa nhập dữ liệu nào: tìm thấy 1 lỗi." in page
    person = Person.objects.filter(home__slug="clb-tri-thuc").last()
    response = client.post(
        url, {"workbook": recipients_book([["Cá nhân", "", person.code, "Tốt"]])}
    )
    assert response.url == reverse("honours_decision:edit", args=[decision.pk])
    assert decision.recipients.count() == before + 1

    client.force_login(personas["leader"])
    assert refused(client, url, {"workbook": recipients_book([["Cá nhân", "", person.code, ""]])})
    assert decision.recipients.count() == before + 1


def test_staff_open_a_round_and_find_it_in_the_list(client, personas, demo):
    client.force_login(personas["union_staff"])
    add = reverse("honours_round:add")
    data = form_values(said(client.get(add)), "quota_per_unit")
    data |= {
        "union": demo.pk,
        "number": 4,
        "year": 2027,
        "regulation": "Quy chế tôn vinh 2027",
        "opens_on": "01/03/2027",
        "closes_on": "30/06/2027",
    }
    assert client.post(add, data).status_code == 302
    created = HonourRound.objects.get(union=demo, number=4)
    assert (created.state, created.regulation) == (RoundState.OPEN, "Quy chế tôn vinh 2027")
    listing = said(client.get(reverse("honours_round:index")))
    assert str(created) in listing
    assert reverse("honours_round_process", args=[created.pk]) in listing
    edit = said(client.get(reverse("honours_round:edit", args=[created.pk])))
    assert "Quy chế tôn vinh 2027" in edit


def test_the_nomination_and_commendation_lists_show_their_records(client, personas, demo):
    client.force_login(personas["union_staff"])
    nominations = client.get(reverse("honours_nomination:index")).context["object_list"]
    assert {n.round.union for n in nominations} == {demo}
    decision = CommendationDecision.objects.get(number="62/QĐ-LHH")
    assert "62/QĐ-LHH" in said(client.get(reverse("honours_decision:index")))
    edit = said(client.get(reverse("honours_decision:edit", args=[decision.pk])))
    assert form_values(edit, "number")["number"] == "62/QĐ-LHH"
