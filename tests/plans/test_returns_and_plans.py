import re
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import MemberCount, Organisation
from lienhiep.plans import services
from lienhiep.plans.enums import PlanState, ReturnState
from lienhiep.plans.models import AnnualPlan, Indicator, Target, YearlyReturn
from tests.counting import fresh_union, queries_for, rows
from tests.dates import before_message, future_message, tomorrow
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_return(demo):
    organisation = Organisation.objects.get(slug="hoi-xay-dung")
    return YearlyReturn.objects.get(organisation=organisation, year=2024)


def officer_of(slug):
    return make_user(roles.OFFICER, Organisation.objects.get(slug=slug))


def test_return_goes_from_draft_to_accepted_and_sets_the_member_count(draft_return, demo):
    officer = officer_of("hoi-xay-dung")
    staff = make_user(roles.UNION_STAFF, demo)
    draft_return.members = 533
    draft_return.save()
    services.submit_return(yearly_return=draft_return, user=officer)
    with pytest.raises(PermissionDenied):
        services.accept_return(yearly_return=draft_return, user=officer)
    services.accept_return(yearly_return=draft_return, user=staff)
    draft_return.refresh_from_db()
    assert (draft_return.state, draft_return.decided_by) == (ReturnState.ACCEPTED, staff)
    count = MemberCount.objects.get(organisation=draft_return.organisation, year=2024)
    assert (count.members, count.source, count.entered_by) == (
        533,
        "Báo cáo năm 2024, đã chấp nhận",
        staff,
    )


def test_sending_back_needs_a_reason(draft_return, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    services.submit_return(yearly_return=draft_return, user=staff)
    with pytest.raises(ValidationError):
        services.send_back_return(yearly_return=draft_return, user=staff, reason=" ")
    services.send_back_return(yearly_return=draft_return, user=staff, reason="Thiếu số hội viên nữ")
    draft_return.refresh_from_db()
    assert (draft_return.state, draft_return.return_reason) == (
        ReturnState.RETURNED,
        "Thiếu số hội viên nữ",
    )


def test_accepted_return_cannot_be_edited_by_its_officer(client, demo):
    accepted = YearlyReturn.objects.get(organisation__slug="hoi-dieu-duong", year=2024)
    assert accepted.state == ReturnState.ACCEPTED
    officer = officer_of("hoi-dieu-duong")
    client.force_login(officer)
    response = client.get(reverse("plans_yearlyreturn:edit", args=[accepted.pk]))
    assert response.url == reverse("plans_return_review", args=[accepted.pk])
    client.post(
        reverse("plans_yearlyreturn:edit", args=[accepted.pk]),
        {
            "organisation": accepted.organisation_id,
            "year": 2024,
            "deadline": "15/01/2025",
            "members": 1,
            "research_projects": 0,
            "technology_transfers": 0,
        },
    )
    accepted.refresh_from_db()
    assert accepted.members == 1530
    with pytest.raises(PermissionDenied):
        services.submit_return(yearly_return=accepted, user=officer)


def test_officer_sees_only_its_own_return(client, demo):
    client.force_login(officer_of("hoi-dieu-duong"))
    listed = list(client.get(reverse("plans_yearlyreturn:index")).context["object_list"])
    assert [r.organisation.slug for r in listed] == ["hoi-dieu-duong"]
    other = YearlyReturn.objects.get(organisation__slug="hoi-luat-gia", year=2024)
    assert client.get(reverse("plans_return_review", args=[other.pk])).status_code == 404
    assert client.get(reverse("plans_yearlyreturn:inspect", args=[other.pk])).status_code == 404


def test_review_screen_submits_and_accepts(client, draft_return, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    url = reverse("plans_return_review", args=[draft_return.pk])
    client.post(url, {"action": "submit"})
    client.post(url, {"action": "accept"})
    draft_return.refresh_from_db()
    assert draft_return.state == ReturnState.ACCEPTED


def test_reminder_goes_to_those_who_have_not_filed(client, demo):
    officer = officer_of("hoi-su-hoc")
    officer.email = "hoisuhoc@example.vn"
    officer.save()
    client.force_login(make_user(roles.UNION_STAFF, demo))
    client.post(reverse("plans_return_remind"), {"org": demo.pk, "year": 2024})
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert "hoisuhoc@example.vn" in recipients
    assert all("2024" in message.subject for message in mail.outbox)
    assert mail.outbox[0].subject.startswith("Nhắc gửi báo cáo năm 2024")


def test_plan_is_approved_by_a_leader_and_then_locked(client, demo):
    plan = AnnualPlan.objects.get(organisation=demo, year=2025)
    with pytest.raises(PermissionDenied):
        services.approve_plan(plan=plan, user=make_user(roles.UNION_STAFF, demo))
    leader = make_user(roles.UNION_LEADER, demo)
    services.approve_plan(plan=plan, user=leader)
    plan.refresh_from_db()
    assert (plan.state, plan.approved_by) == (PlanState.APPROVED, leader)
    client.force_login(make_user(roles.UNION_STAFF, demo))
    response = client.get(reverse("plans_annualplan:edit", args=[plan.pk]))
    assert response.url == reverse("plans_annualplan:inspect", args=[plan.pk])


def test_plan_2025_holds_five_tasks_and_five_solutions(demo):
    plan = AnnualPlan.objects.get(organisation=demo, year=2025)
    assert [plan.items.filter(kind=k).count() for k in ("task", "solution")] == [5, 5]


def test_plan_2024_targets_come_from_the_sample(demo):
    plan = AnnualPlan.objects.get(organisation=demo, year=2024)
    targets = {
        t.indicator.code: (int(t.value), t.assigned_by.slug if t.assigned_by else None)
        for t in plan.targets.select_related("indicator", "assigned_by")
    }
    assert targets == {
        "consulting.schemes_critiqued": (5, "ubnd-hoa-an"),
        "activities.workshops": (12, None),
        "activities.training_courses": (6, None),
        "activities.club_sessions": (4, None),
        "contests.youth_entries": (150, None),
    }


def build_unions(count):
    federation = make_org("Liên hiệp Hội thử", kind=OrganisationKind.FEDERATION)
    unions = []
    for n in range(count):
        union = make_org(f"Liên hiệp hội {n}", kind=OrganisationKind.UNION, parent=federation)
        for _ in range(3):
            member = make_org(parent=union, admission_decision_date=date(2020, 1, 1))
            MemberCount.objects.create(organisation=member, year=2024, members=100, source="x")
            YearlyReturn.objects.create(
                organisation=member,
                year=2024,
                deadline=date(2025, 1, 15),
                members=100,
                state=ReturnState.ACCEPTED,
            )
        plan = AnnualPlan.objects.create(organisation=union, year=2024)
        Target.objects.create(
            plan=plan, indicator=Indicator.objects.get(code="directory.members"), value=300
        )
        unions.append(union)
    return unions


@pytest.mark.parametrize("persona", [roles.UNION_STAFF, roles.FEDERATION_STAFF])
def test_dashboard_queries_do_not_grow_with_unions(client, demo, persona):
    counts = []
    for size in (1, 10):
        unions = build_unions(size)
        user = make_user(persona, unions[0] if persona == roles.UNION_STAFF else unions[0].parent)
        client.force_login(user)
        url = f"/admin/?org={unions[0].pk}&year=2024"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert "300" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_union_leader_reads_returns_and_decides_them_but_never_edits_them(
    client, personas, draft_return, demo
):
    leader = personas["leader"]
    client.force_login(leader)
    listed = client.get(reverse("plans_yearlyreturn:index"), {"year": 2024}).context["object_list"]
    assert draft_return in list(listed)
    plans = client.get(reverse("plans_annualplan:index")).context["object_list"]
    assert set(AnnualPlan.objects.filter(organisation=demo)) <= set(plans)
    with pytest.raises(PermissionDenied):
        services.submit_return(yearly_return=draft_return, user=leader)
    edit = reverse("plans_yearlyreturn:edit", args=[draft_return.pk])
    assert client.get(edit).url == reverse("plans_return_review", args=[draft_return.pk])
    review = reverse("plans_return_review", args=[draft_return.pk])
    page = client.post(review, {"action": "submit"}, follow=True).content.decode()
    assert "Bạn không thể gửi báo cáo này." in page
    draft_return.refresh_from_db()
    assert draft_return.state == ReturnState.DRAFT

    services.submit_return(yearly_return=draft_return, user=personas["union_staff"])
    services.accept_return(yearly_return=draft_return, user=leader)
    draft_return.refresh_from_db()
    assert (draft_return.state, draft_return.decided_by) == (ReturnState.ACCEPTED, leader)


def test_the_plan_and_return_lists_cost_the_same_for_one_row_as_for_four(client, demo):
    union, staff = fresh_union()
    leader = make_user(roles.UNION_LEADER, union)

    def add(n):
        member = make_org(f"Hội đếm {n}", parent=union)
        plan = AnnualPlan.objects.create(organisation=member, year=2025)
        services.approve_plan(plan=plan, user=leader)
        YearlyReturn.objects.create(
            organisation=member, year=2025, deadline=date(2026, 1, 15), members=10 * n
        )

    add(1)
    client.force_login(staff)
    counts = {}
    for url in (reverse("plans_annualplan:index"), reverse("plans_yearlyreturn:index")):
        counts[url], response = queries_for(client, url)
        assert [r.organisation.name for r in rows(response)] == ["Hội đếm 1"]
    for n in (2, 3, 4):
        add(n)
    for url, one in counts.items():
        # (new organisations: the login's menu is drawn again by the first screen after them)
        assert queries_for(client, url)[0] == one
        assert len(rows(client.get(url))) == 4


def test_a_leader_approves_a_plan_on_its_screen_and_staff_cannot(client, personas, demo):
    plan = AnnualPlan.objects.get(organisation=demo, year=2025)
    url = reverse("plans_approve", args=[plan.pk])
    inspect = reverse("plans_annualplan:inspect", args=[plan.pk])
    client.force_login(personas["union_staff"])
    page = client.post(url, follow=True).content.decode()
    assert "Chỉ lãnh đạo Liên hiệp hội mới được phê duyệt kế hoạch." in page
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT

    client.force_login(personas["leader"])
    assert f'action="{url}"' in client.get(inspect).content.decode()
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(inspect, 302)]
    page = response.content.decode()
    assert "Kế hoạch đã được phê duyệt và khóa." in page and f'action="{url}"' not in page
    plan.refresh_from_db()
    assert (plan.state, plan.approved_by) == (PlanState.APPROVED, personas["leader"])
    page = client.post(url, follow=True).content.decode()
    assert "Kế hoạch này đã được phê duyệt." in page
    assert client.get(url).status_code == 405


def test_accepting_is_a_form_of_its_own_without_the_required_reason(client, personas):
    submitted = YearlyReturn.objects.get(organisation__slug="hoi-du-lich", year=2024)
    assert submitted.state == ReturnState.SUBMITTED
    client.force_login(personas["union_staff"])
    page = client.get(reverse("plans_return_review", args=[submitted.pk])).content.decode()
    forms = re.findall(r"<form\b.*?</form>", page, flags=re.S)
    [accept] = [f for f in forms if 'value="accept"' in f]
    [send_back] = [f for f in forms if 'name="reason"' in f]
    assert "required" not in accept and "textarea" not in accept
    assert 'name="action" value="send_back"' in send_back and "required" in send_back
    response = client.post(
        reverse("plans_return_review", args=[submitted.pk]), {"action": "accept"}, follow=True
    )
    assert "Đã chấp nhận báo cáo." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == ReturnState.ACCEPTED


def local_day(moment):
    return timezone.localdate(moment)


def test_the_steps_of_a_past_year_keep_their_own_dates(draft_return, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    services.submit_return(yearly_return=draft_return, user=staff, on=date(2025, 1, 10))
    services.send_back_return(
        yearly_return=draft_return, user=staff, reason="Thiếu số hội viên", on=date(2025, 1, 12)
    )
    assert local_day(draft_return.decided_at) == date(2025, 1, 12)
    services.submit_return(yearly_return=draft_return, user=staff, on=date(2025, 1, 15))
    services.accept_return(yearly_return=draft_return, user=staff, on=date(2025, 1, 20))
    plan = AnnualPlan.objects.get(organisation=demo, year=2025)
    services.approve_plan(plan=plan, user=make_user(roles.UNION_LEADER, demo), on=date(2025, 1, 5))
    draft_return.refresh_from_db()
    plan.refresh_from_db()
    assert (local_day(draft_return.submitted_at), local_day(draft_return.decided_at)) == (
        date(2025, 1, 15),
        date(2025, 1, 20),
    )
    assert local_day(plan.approved_at) == date(2025, 1, 5)


def test_a_step_in_the_future_or_before_the_step_before_is_refused(draft_return, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    with pytest.raises(ValidationError) as future:
        services.submit_return(yearly_return=draft_return, user=staff, on=tomorrow())
    assert future.value.messages == [future_message()]
    services.submit_return(yearly_return=draft_return, user=staff, on=date(2025, 1, 10))
    with pytest.raises(ValidationError) as before:
        services.accept_return(yearly_return=draft_return, user=staff, on=date(2025, 1, 9))
    assert before.value.messages == [before_message(date(2025, 1, 9), date(2025, 1, 10))]
    draft_return.refresh_from_db()
    assert draft_return.state == ReturnState.SUBMITTED


def test_the_review_screen_dates_the_step_with_the_date_written(client, draft_return, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    url = reverse("plans_return_review", args=[draft_return.pk])
    assert 'name="on"' in client.get(url).content.decode()
    client.post(url, {"action": "submit", "on": "10/01/2025"}, follow=True)
    response = client.post(url, {"action": "accept", "on": "09/01/2025"}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [before_message(date(2025, 1, 9), date(2025, 1, 10))]
    client.post(url, {"action": "accept", "on": "11/01/2025"})
    draft_return.refresh_from_db()
    assert (draft_return.state, local_day(draft_return.decided_at)) == (
        ReturnState.ACCEPTED,
        date(2025, 1, 11),
    )
