"""The expert's "My critique cases" screen."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.consulting import services
from lienhiep.consulting.enums import PanelRole
from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


@pytest.fixture
def expert(demo):
    person = make_person(demo, "Võ", "Minh", "Khoa", field_of_expertise="Thủy lợi")
    person.account = make_user(roles.EXPERT)
    person.save()
    return person


def _case(staff, title, panel=()):
    case = services.open_case(
        user=staff,
        title=title,
        union=Organisation.objects.get(slug="hoa-an"),
        requester=Organisation.objects.get(slug="so-nn-mt-hoa-an"),
        request_date=date(2025, 3, 1),
        deadline=date(2025, 4, 15),
    )
    for person in panel:
        services.add_panel_member(case=case, person=person, role=PanelRole.MEMBER, user=staff)
    return case


def _page(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("consulting_my_cases")).content.decode()
    return html, len(queries)


def test_expert_sees_the_cases_they_sit_on_with_requester_state_and_deadline(client, staff, expert):
    mine = _case(staff, "Đề án cấp nước sạch nông thôn", panel=[expert])
    _case(staff, "Đề án chuyển đổi số cấp xã")
    client.force_login(expert.account)
    html, _ = _page(client)
    assert (
        f'<li><a href="{reverse("consulting_opinion", args=[mine.pk])}">'
        "Đề án cấp nước sạch nông thôn</a> – Sở Nông nghiệp và Môi trường tỉnh Hòa An – "
        "Đã tiếp nhận – Hạn nộp 15/04/2025</li>"
    ) in html
    assert "Đề án chuyển đổi số cấp xã" not in html


def test_expert_on_no_panel_is_told_so(client, staff, expert):
    _case(staff, "Đề án cấp nước sạch nông thôn")
    client.force_login(expert.account)
    html, _ = _page(client)
    assert "Bạn chưa tham gia tổ chuyên gia nào." in html
    assert "Đề án cấp nước sạch nông thôn" not in html


def test_my_cases_costs_the_same_queries_for_one_case_and_three(client, staff, expert):
    client.force_login(expert.account)
    _case(staff, "Đề án 1", panel=[expert])
    _page(client)  # the header's logo and menu kept in the cache, as on any later screen
    one_html, one = _page(client)
    for n in (2, 3):
        _case(staff, f"Đề án {n}", panel=[expert])
    three_html, three = _page(client)
    assert (one_html.count("<li><a "), three_html.count("<li><a ")) == (1, 3)
    assert one == three
