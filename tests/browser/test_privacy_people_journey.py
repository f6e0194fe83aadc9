"""A person of the registry asks to be erased: staff press "Xóa những gì pháp luật không buộc lưu
giữ" and read, record by record, what went and what stays and why — the people record stays
(named in a commendation decision) without its contact details, the membership goes. A request
left past its day is marked overdue on the requests screen and on the leader's home."""

from datetime import date, timedelta

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation
from lienhiep.honours.enums import CommendationForm, IssuerKind
from lienhiep.honours.models import Commendation, CommendationDecision
from lienhiep.privacy.enums import RequestKind
from lienhiep.privacy.models import DataRequest
from tests.factories import make_membership, make_person

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_erasing_a_registry_person_lists_each_record_and_overdue_requests_show(
    live_server, seeded, browser
):
    url = live_server.url
    union = Organisation.objects.get(slug="hoa-an")
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    person = make_person(unit, "Phan", "Thị", "Thoa", email="thoa@example.vn")
    make_membership(person, unit)
    decision = CommendationDecision.objects.create(
        union=union,
        issuer_kind=IssuerKind.UNION,
        form=CommendationForm.CERTIFICATE_OF_MERIT,
        number="21/QĐ-LHH",
        date=date(2026, 5, 19),
    )
    Commendation.objects.create(decision=decision, person=person)
    late = DataRequest.objects.create(
        union=union,
        kind=RequestKind.KNOW,
        name="Người chờ quá lâu",
        received_on=date.today() - timedelta(days=40),
        due_on=date.today() - timedelta(days=30),
    )

    staff = browser.new_context(locale="vi-VN").new_page()
    log_in(staff, url, "canbo", DEMO_PASSWORD, then="/admin/privacy/requests/")
    assert "quá hạn" in staff.inner_text(f"#privacy-requests tr:has(a:text('{late.name}'))")
    staff.select_option("#new-request select[name=kind]", "erase")
    staff.fill("#new-request input[name=name]", "phan thi thoa")
    staff.fill("#new-request input[name=received_on]", date.today().strftime("%d/%m/%Y"))
    staff.click("#new-request button[type=submit]")
    staff.wait_for_selector("text=Đã ghi nhận yêu cầu.")
    staff.click("#erase-person")
    staff.wait_for_selector("#request-outcome")
    rows = staff.locator("#request-outcome tbody tr").all_inner_texts()
    assert sorted(r.split("\t")[:2] for r in rows) == sorted(
        [
            ["Khen thưởng 21/QĐ-LHH (Bằng khen)", "giữ lại"],
            ["Phan Thị Thoa – Hội viên – Hội Y học tỉnh Hòa An", "đã xóa"],
            [f"Hồ sơ nhân sự {person.code}", "giữ lại"],
        ]
    )
    assert "đã xóa thông tin liên hệ" in staff.inner_text("#request-outcome")
    person.refresh_from_db()
    assert (person.full_name, person.email) == ("Phan Thị Thoa", "")

    leader = browser.new_context(locale="vi-VN").new_page()
    log_in(leader, url, "lanhdao", DEMO_PASSWORD)
    panel = leader.inner_text("#overdue-privacy-requests")
    assert "Người chờ quá lâu" in panel and "Phan Thị Thoa" not in panel
    leader.click(f"#overdue-privacy-requests a:text('{late.name}')")
    assert "quá hạn" in leader.inner_text("#request-due")
