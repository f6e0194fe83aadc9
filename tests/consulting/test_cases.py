from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.consulting import rules, services
from lienhiep.consulting.enums import CaseState, PanelRole
from lienhiep.consulting.models import Case
from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from tests.counting import fresh_union, queries_for, rows
from tests.dates import before_message, future_message, tomorrow
from tests.factories import make_person, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def expert(home, given, workplace=None):
    person = make_person(
        home, "Võ", "Minh", given, field_of_expertise="Thủy lợi", workplace=workplace
    )
    person.account = make_user(roles.EXPERT)
    person.save()
    return person


@pytest.fixture
def case(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    new = services.open_case(
        user=staff,
        title="Đề án cấp nước sạch nông thôn",
        union=demo,
        requester=Organisation.objects.get(slug="so-nn-mt-hoa-an"),
        request_date=date(2025, 3, 1),
        deadline=date(2025, 4, 15),
    )
    new.staff = staff
    return new


def test_steps_are_dated_and_cannot_be_skipped(case):
    assert list(case.steps.values_list("step", "due_on")) == [
        ("received", date(2025, 3, 1)),
        ("panel_formed", date(2025, 3, 8)),
        ("opinions_collected", date(2025, 3, 22)),
        ("meeting_held", date(2025, 3, 29)),
        ("report_drafted", date(2025, 4, 5)),
        ("report_sent", date(2025, 4, 15)),
    ]
    with pytest.raises(ValidationError):
        services.form_panel(case=case, user=case.staff)  # no expert yet
    services.add_panel_member(
        case=case, person=expert(case.union, "Hải"), role=PanelRole.CHAIR, user=case.staff
    )
    with pytest.raises(ValidationError):
        services.hold_meeting(case=case, user=case.staff, on=date(2025, 3, 20))
    services.form_panel(case=case, user=case.staff, on=date(2025, 3, 6))
    assert case.steps.get(step="panel_formed").done_on == date(2025, 3, 6)


def test_conflict_of_interest_needs_a_recorded_reason(case):
    colleague = expert(case.union, "Tâm", workplace=case.requester)
    with pytest.raises(ValidationError) as error:
        services.add_panel_member(
            case=case, person=colleague, role=PanelRole.MEMBER, user=case.staff
        )
    assert "conflict_reason" in error.value.message_dict
    member = services.add_panel_member(
        case=case,
        person=colleague,
        role=PanelRole.MEMBER,
        user=case.staff,
        conflict_reason="Chuyên gia duy nhất về cấp nước của tỉnh",
    )
    assert member.has_conflict


def test_expert_sees_only_their_cases_and_not_others_opinions_before_the_meeting(client, case):
    first, second, outsider = (expert(case.union, n) for n in ("An", "Bình", "Cường"))
    for person in (first, second):
        services.add_panel_member(case=case, person=person, role=PanelRole.MEMBER, user=case.staff)
    services.form_panel(case=case, user=case.staff, on=date(2025, 3, 5))
    services.submit_opinion(case=case, user=first.account, text="Ý kiến của An")
    services.submit_opinion(case=case, user=second.account, text="Ý kiến của Bình")
    assert list(rules.cases_for(first.account)) == [case]
    assert list(rules.cases_for(outsider.account)) == []
    assert [o.text for o in rules.opinions_for(first.account, case)] == ["Ý kiến của An"]
    client.force_login(first.account)
    page = client.get(reverse("consulting_opinion", args=[case.pk])).content.decode()
    assert "Ý kiến của An" in page and "Ý kiến của Bình" not in page
    client.force_login(outsider.account)
    assert client.get(reverse("consulting_opinion", args=[case.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.submit_opinion(case=case, user=outsider.account, text="Chen ngang")

    services.collect_opinions(case=case, user=case.staff, on=date(2025, 3, 20))
    services.hold_meeting(case=case, user=case.staff, on=date(2025, 3, 28))
    assert sorted(o.text for o in rules.opinions_for(first.account, case)) == [
        "Ý kiến của An",
        "Ý kiến của Bình",
    ]
    with pytest.raises(PermissionDenied):
        services.submit_opinion(case=case, user=first.account, text="Quá muộn")


def test_experts_see_no_staff_screens(client, case):
    person = expert(case.union, "Dũng")
    client.force_login(person.account)
    assert client.get(reverse("consulting_case:index")).status_code == 302
    assert client.get(reverse("consulting_case_process", args=[case.pk])).status_code == 404


def test_sending_the_report_counts_the_scheme(case):
    from lienhiep.plans import figures
    from lienhiep.plans.models import Indicator

    indicator = Indicator.objects.get(code="consulting.schemes_critiqued")
    assert figures.value(indicator, case.union, 2025) == 0
    services.add_panel_member(
        case=case, person=expert(case.union, "Khoa"), role=PanelRole.CHAIR, user=case.staff
    )
    for step in (services.form_panel, services.collect_opinions):
        step(case=case, user=case.staff, on=date(2025, 3, 10))
    services.hold_meeting(case=case, user=case.staff, on=date(2025, 3, 28))
    services.draft_report(case=case, user=case.staff, on=date(2025, 4, 2))
    services.send_report(
        case=case,
        user=case.staff,
        number="07/BC-LHH",
        on=date(2025, 4, 10),
        sent_to="Sở Nông nghiệp và Môi trường",
    )
    case.refresh_from_db()
    assert (case.state, case.report_number) == (CaseState.REPORT_SENT, "07/BC-LHH")
    assert figures.value(indicator, case.union, 2025) == 1


def test_other_union_staff_cannot_touch_the_case(case):
    other_union = Organisation.objects.create(
        name="Liên hiệp hội khác", slug="lhh-khac", kind="union"
    )
    stranger = make_user(roles.UNION_STAFF, other_union)
    assert not rules.cases_for(stranger).filter(pk=case.pk).exists()
    with pytest.raises(PermissionDenied):
        services.withdraw_case(case=case, user=stranger)


def test_overdue_steps_are_listed_on_the_dashboard(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    html = client.get("/admin/").content.decode()
    open_case = Case.objects.get(title="Đề án xây dựng đô thị thông minh thành phố Hòa An")
    assert "Hồ sơ phản biện: các bước quá hạn" in html
    assert open_case.title in html


def test_a_union_leader_reads_cases_but_never_changes_them(client, personas, case):
    leader = personas["leader"]
    chair = expert(case.union, "Hải")
    services.add_panel_member(case=case, person=chair, role=PanelRole.CHAIR, user=case.staff)
    client.force_login(leader)
    listing = client.get(reverse("consulting_case:index"), {"q": "cấp nước sạch"})
    assert [c.title for c in listing.context["object_list"]] == [case.title]
    page = client.get(reverse("consulting_case_process", args=[case.pk])).content.decode()
    assert chair.honorific in page and 'value="withdraw"' not in page
    with pytest.raises(PermissionDenied):
        services.form_panel(case=case, user=leader)
    with pytest.raises(PermissionDenied):
        services.withdraw_case(case=case, user=leader)
    with pytest.raises(PermissionDenied):
        services.add_panel_member(
            case=case, person=expert(case.union, "Lan"), role=PanelRole.MEMBER, user=leader
        )
    url = reverse("consulting_case_process", args=[case.pk])
    assert refused(client, url, {"action": "withdraw"})
    assert refused(client, reverse("consulting_case:edit", args=[case.pk]), {"title": "Đổi tên"})
    case.refresh_from_db()
    assert (case.state, case.title, case.panel.count()) == (
        CaseState.RECEIVED,
        "Đề án cấp nước sạch nông thôn",
        1,
    )


def test_each_step_is_logged_and_a_withdrawn_case_goes_nowhere(case):
    services.add_panel_member(
        case=case, person=expert(case.union, "Quang"), role=PanelRole.CHAIR, user=case.staff
    )
    services.form_panel(case=case, user=case.staff, on=date(2025, 3, 7))
    services.withdraw_case(case=case, user=case.staff)
    with pytest.raises(ValidationError):
        services.collect_opinions(case=case, user=case.staff)
    with pytest.raises(ValidationError):
        services.withdraw_case(case=case, user=case.staff)
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN
    assert case.steps.get(step="opinions_collected").done_on is None
    actions = ModelLogEntry.objects.for_instance(case).order_by("timestamp", "pk")
    assert [e.action for e in actions if e.action.startswith("consulting.case.")] == [
        "consulting.case.panel_formed",
        "consulting.case.withdrawn",
    ]


def test_the_case_list_costs_the_same_for_one_row_as_for_four(
    client, demo, django_assert_num_queries
):
    union, staff = fresh_union()
    requester = Organisation.objects.get(slug="so-nn-mt-hoa-an")

    def add(n):
        services.open_case(
            user=staff,
            title=f"Đề án {n}",
            union=union,
            requester=requester,
            request_date=date(2025, 3, n),
            deadline=date(2025, 5, n),
        )

    add(1)
    client.force_login(staff)
    url = reverse("consulting_case:index")
    one, response = queries_for(client, url)
    assert [c.title for c in rows(response)] == ["Đề án 1"]
    for n in (2, 3, 4):
        add(n)
    with django_assert_num_queries(one):
        response = client.get(url)
    assert len(rows(response)) == 4


def test_a_step_of_a_past_year_keeps_its_own_date(case):
    services.add_panel_member(
        case=case, person=expert(case.union, "Sơn"), role=PanelRole.CHAIR, user=case.staff
    )
    services.form_panel(case=case, user=case.staff, on=date(2025, 3, 4))
    services.collect_opinions(case=case, user=case.staff, on=date(2025, 3, 18))
    services.withdraw_case(case=case, user=case.staff, on=date(2025, 3, 19))
    done = dict(case.steps.exclude(done_on=None).values_list("step", "done_on"))
    assert done == {
        "received": date(2025, 3, 1),
        "panel_formed": date(2025, 3, 4),
        "opinions_collected": date(2025, 3, 18),
        "withdrawn": date(2025, 3, 19),
    }


def test_a_step_in_the_future_or_before_the_previous_step_is_refused(case):
    services.add_panel_member(
        case=case, person=expert(case.union, "Tùng"), role=PanelRole.CHAIR, user=case.staff
    )
    with pytest.raises(ValidationError) as before:
        services.form_panel(case=case, user=case.staff, on=date(2025, 2, 27))
    assert before.value.messages == [before_message(date(2025, 2, 27), date(2025, 3, 1))]
    with pytest.raises(ValidationError) as future:
        services.form_panel(case=case, user=case.staff, on=tomorrow())
    assert future.value.messages == [future_message()]
    case.refresh_from_db()
    assert (case.state, case.steps.get(step="panel_formed").done_on) == (CaseState.RECEIVED, None)


def test_the_case_screen_dates_a_step_with_the_date_written(client, case):
    services.add_panel_member(
        case=case, person=expert(case.union, "Vân"), role=PanelRole.CHAIR, user=case.staff
    )
    client.force_login(case.staff)
    url = reverse("consulting_case_process", args=[case.pk])
    page = client.get(url).content.decode()
    assert 'name="on"' in page
    client.post(url, {"action": "form_panel", "on": "05/03/2025"}, follow=True)
    response = client.post(url, {"action": "collect_opinions", "on": "04/03/2025"}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [before_message(date(2025, 3, 4), date(2025, 3, 5))]
    assert case.steps.get(step="panel_formed").done_on == date(2025, 3, 5)


def test_experts_are_chosen_with_the_people_chooser_and_need_a_login(client, case):
    from lienhiep.directory.choosers import person_chooser
    from tests.dates import in_vietnamese

    client.force_login(case.staff)
    url = reverse("consulting_case_process", args=[case.pk])
    assert reverse(f"{person_chooser.name}:choose") in client.get(url).content.decode()
    nobody = make_person(case.union, "Võ", "Minh", "Nhân")
    data = {"action": "add_member", "person": nobody.pk, "role": PanelRole.MEMBER}
    response = client.post(url, data, follow=True)
    [said] = [str(m) for m in response.context["messages"]]
    message = in_vietnamese("%(name)s has no login; an expert needs one to give an opinion.")
    invite = reverse("directory_account_invite")
    assert said.startswith(message % {"name": nobody}) and f'href="{invite}"' in said
    assert case.panel.count() == 0
    chosen = expert(case.union, "Phúc")
    client.post(url, {**data, "person": chosen.pk}, follow=True)
    assert list(case.panel.values_list("person", flat=True)) == [chosen.pk]
