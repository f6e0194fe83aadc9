"""An officer nominates, staff find the nomination eligible, the council votes seeing the dossier,
staff record the decision."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation, Person
from lienhiep.honours.models import Commendation, HonourRound
from tests.dates import in_vietnamese

from .conftest import answer, choose_person, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_nomination_to_commendation(live_server, seeded, browser):
    url = live_server.url
    union = Organisation.objects.get(slug="hoa-an")
    round = HonourRound.objects.create(
        union=union, number=3, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 12, 31)
    )
    member = Person.objects.get(account__username="hoidong")
    nominee = Person.objects.filter(home__slug="hoi-dieu-duong").first()

    officer = browser.new_context(locale="vi-VN").new_page()
    log_in(officer, url, "hoidieuduong", DEMO_PASSWORD, then="/admin/honours/nominations/new/")
    officer.select_option("select[name=round]", str(round.pk))
    choose_person(officer, "main form", nominee.full_name, str(nominee))
    officer.select_option("select[name=nominating_unit]", label="Hội Điều dưỡng tỉnh Hòa An")
    officer.fill(
        "textarea[name=summary]", "Hai mươi năm nghiên cứu chăm sóc người bệnh tại tuyến cơ sở."
    )
    with officer.expect_navigation():
        officer.locator("main form button[type=submit]").first.click()
    assert round.nominations.count() == 1
    letter = b"%PDF-1.4 cong van de cu"
    round.nominations.get().letter.save("cong-van-hanh-trinh.pdf", ContentFile(letter))

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then=f"/admin/honours/rounds/{round.pk}/process/")
    staff.fill("form.review-form input[name=on]", "01/07/2026")
    staff.click("form.review-form button[type=submit]")
    staff.click("button[value=close_review]")  # nobody is seated yet: voting does not open
    empty = in_vietnamese("Seat the council before voting opens: it has no member yet.")
    staff.wait_for_selector(f"text={empty}")
    choose_person(staff, "form.council-seat", member.full_name, str(member))
    staff.check("form.council-seat input[name=chair]")
    staff.click("form.council-seat button[type=submit]")
    staff.wait_for_selector(f".round-council >> text={member.honorific}")
    staff.fill("form.round-actions input[name=on]", "05/07/2026")
    staff.click("button[value=close_review]")
    staff.wait_for_selector("button[value=close_voting]")
    assert round.council.get().chair

    council = browser.new_context(locale="vi-VN").new_page()
    log_in(council, url, "hoidong", DEMO_PASSWORD, then="/admin/honours/council/")
    council.click(f"text={round}")
    # The dossier is on the vote screen, served through the private-file view to the member.
    link = council.locator(".nomination-dossier a", has_text="Công văn đề cử")
    served = council.request.get(f"{url}{link.get_attribute('href')}")
    assert (served.status, served.body()) == (200, letter)
    council.fill("input[name=on]", "01/08/2026")
    council.click("button[name=agree][value=yes]")
    council.wait_for_selector("text=Đã ghi nhận phiếu của bạn.")

    staff.reload()
    staff.fill("form.round-actions input[name=on]", "20/08/2026")
    staff.click("button[value=close_voting]")
    staff.fill("input[name=number]", "30/TTr-LHH")
    staff.fill("input[name=on]", "01/11/2026")
    staff.click("button[value=propose]")
    staff.fill("input[name=number]", "2001/QĐ-UBND")
    staff.fill("input[name=on]", "20/11/2026")
    question = answer(staff, "button[value=decide]", confirm=False)
    assert question == (
        "Ghi quyết định của UBND tỉnh? 1 trí thức đạt số phiếu của hội đồng sẽ được ghi là đã "
        "được tôn vinh và khen thưởng; không thể hoàn tác."
    )
    round.refresh_from_db()
    assert round.state == "proposed" and not Commendation.objects.filter(person=nominee).exists()
    answer(staff, "button[value=decide]", confirm=True)
    staff.wait_for_selector("text=2001/QĐ-UBND")
    assert "được tôn vinh" in staff.inner_text("main")

    assert Commendation.objects.filter(person=nominee, decision__number="2001/QĐ-UBND").exists()
    staff.goto(f"{url}/admin/honours/commendations/")
    assert "2001/QĐ-UBND" in staff.inner_text("main")
