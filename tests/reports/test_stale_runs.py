"""A run the worker stopped with: shown as stopped after REPORT_STALE_MINUTES, generated again;
``reports_recover`` fails the tasks a stopped worker left running, and their runs."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from lienhiep.directory import roles
from lienhiep.reports import services, tasks
from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun
from tests.factories import make_user

pytestmark = pytest.mark.django_db

STOPPED = ngettext(
    "The report has not moved on for %(minutes)s minute: the worker stopped while generating "
    "it. Generate it again.",
    "The report has not moved on for %(minutes)s minutes: the worker stopped while generating "
    "it. Generate it again.",
    10,
) % {"minutes": 10}


@pytest.fixture
def run(demo):
    return ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)


@pytest.fixture
def staff(demo):
    return make_user(roles.UNION_STAFF, demo)


def left_generating(run, staff, minutes_ago):
    services.start_generation(run=run, user=staff)
    run.progress, run.progress_at = 5, timezone.now() - timedelta(minutes=minutes_ago)
    ReportRun.objects.filter(pk=run.pk).update(progress=5, progress_at=run.progress_at)
    return run


def test_a_run_without_progress_for_the_stated_minutes_is_shown_stopped(client, run, staff):
    left_generating(run, staff, minutes_ago=11)
    client.force_login(staff)
    response = client.get(reverse("reports_run", args=[run.pk]))
    assert (run.is_stale, response.context["working"]) == (True, False)
    assert STOPPED in response.text


def test_a_run_still_progressing_is_not_stale_nor_queued_again(run, staff):
    left_generating(run, staff, minutes_ago=9)
    assert run.is_stale is False
    with pytest.raises(ValidationError):
        services.start_generation(run=run, user=staff)


def test_a_stale_run_is_generated_again_from_the_screen(client, run, staff, monkeypatch):
    left_generating(run, staff, minutes_ago=11)
    queued = []

    class Queue:
        def enqueue(self, *args):
            queued.append(args)

    monkeypatch.setattr(tasks, "generate_report", Queue())
    client.force_login(staff)
    client.post(reverse("reports_run", args=[run.pk]), {"action": "generate"})
    run.refresh_from_db()
    assert (run.state, run.progress, run.is_stale, queued) == (
        RunState.GENERATING,
        0,
        False,
        [(run.pk, staff.pk)],
    )
    entry = ModelLogEntry.objects.filter(action="reports.run.queued", object_id=str(run.pk))
    assert entry.latest("timestamp").data == {"stale": True}


def orphaned_task(run, staff):
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [run.pk, staff.pk], "kwargs": {}},
        task_path="lienhiep.reports.tasks.generate_report",
        backend_name="default",
        run_after=timezone.now(),
        status="RUNNING",
        started_at=timezone.now(),
    )
    return result


def test_reports_recover_fails_orphaned_tasks_and_their_runs(run, staff):
    services.start_generation(run=run, user=staff)
    result = orphaned_task(run, staff)
    out = io.StringIO()
    call_command("reports_recover", stdout=out)
    run.refresh_from_db()
    result.refresh_from_db()
    assert (result.status, run.state, run.error) == (
        "FAILED",
        RunState.FAILED,
        gettext("The worker stopped while generating this report. Generate it again."),
    )
    assert out.getvalue() == "1 orphaned tasks failed, 1 reports failed.\n"
    assert services.start_generation(run=run, user=staff).state == RunState.GENERATING
