"""The report run screen: each action posts a form and calls a service; the list's query count."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Term
from lienhiep.reports import services, tasks
from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(demo):
    return ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


def test_a_generation_that_cannot_be_queued_leaves_the_run_as_it_was(
    client, run, staff, monkeypatch
):
    class Down:
        def enqueue(self, *args):
            raise RuntimeError("the task queue is down")

    monkeypatch.setattr(tasks, "generate_report", Down())
    client.force_login(staff)
    response = client.post(reverse("reports_run", args=[run.pk]), {"action": "generate"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert (run.state, run.progress) == (RunState.DRAFT, 0)
    assert not ModelLogEntry.objects.filter(action="reports.run.queued").exists()


def test_queuing_a_generation_is_logged_before_the_worker_runs(client, run, staff, monkeypatch):
    queued = []

    class Queue:
        def enqueue(self, *args):
            queued.append(args)

    monkeypatch.setattr(tasks, "generate_report", Queue())
    client.force_login(staff)
    client.post(reverse("reports_run", args=[run.pk]), {"action": "generate"})
    run.refresh_from_db()
    assert (run.state, run.progress, queued) == (RunState.GENERATING, 0, [(run.pk, staff.pk)])
    entry = ModelLogEntry.objects.get(action="reports.run.queued", object_id=str(run.pk))
    assert entry.user == staff


def test_a_run_already_generating_is_not_queued_twice(run, staff):
    services.start_generation(run=run, user=staff)
    with pytest.raises(ValidationError):
        services.start_generation(run=run, user=staff)


def test_a_leader_cannot_queue_a_generation(run, demo):
    leader = make_user(roles.UNION_LEADER, demo)
    with pytest.raises(PermissionDenied):
        services.start_generation(run=run, user=leader)
    run.refresh_from_db()
    assert run.state == RunState.DRAFT


def test_a_date_not_in_dd_mm_yyyy_is_refused_by_the_issue_form(client, run, staff):
    services.generate(run=run, user=staff)
    client.force_login(staff)
    response = client.post(
        reverse("reports_run", args=[run.pk]), {"action": "issue", "day": "2024-12-27"}, follow=True
    )
    assert "dd/mm/yyyy" in response.content.decode()
    run.refresh_from_db()
    assert run.state == RunState.GENERATED and run.document is None


def test_an_issued_report_offers_no_edit_and_its_news_button_goes_to_the_website(
    client, run, staff
):
    services.generate(run=run, user=staff)
    services.issue(run=run, user=staff, day=date(2024, 12, 27))
    client.force_login(staff)
    html = client.get(reverse("reports_run", args=[run.pk])).content.decode()
    assert reverse("reports_run:edit", args=[run.pk]) not in html
    assert f'action="{reverse("website_news_draft", args=[run.pk])}"' in html


def _list(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reports_run:index"))
    assert response.status_code == 200
    return len(queries)


def test_the_runs_list_costs_the_same_queries_for_1_and_4_runs(
    client, demo, django_assert_num_queries
):
    union = make_org(name="Liên hiệp hội đo truy vấn", kind=OrganisationKind.UNION)
    user = make_user(roles.UNION_STAFF, union)
    client.force_login(user)
    ReportRun.objects.create(organisation=union, year=2021, created_by=user)
    _list(client)  # the header's logo and menu kept in the cache, as on any later screen
    one = _list(client)
    for year in (2022, 2023):
        ReportRun.objects.create(organisation=union, year=year, created_by=user)
    term = Term.objects.create(
        organisation=union, number=2, congress_date=date(2019, 10, 1), planned_end=date(2024, 10, 1)
    )
    ReportRun.objects.create(
        organisation=union, year=2023, kind=ReportKind.TERM, term=term, created_by=user
    )
    ReportRun.objects.create(
        organisation=union, year=2024, kind=ReportKind.QUARTER, quarter=2, created_by=user
    )
    with django_assert_num_queries(one):
        response = client.get(reverse("reports_run:index"))
    page = response.content.decode()
    assert all(str(year) in page for year in (2021, 2022, 2023))
    assert "Báo cáo tổng kết nhiệm kỳ 2019–2023" in page
    assert "Báo cáo sơ kết quý II năm 2024" in page
