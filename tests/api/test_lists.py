"""List endpoints cost the same queries for one record as for several; report files download."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lienhiep.activities.models import Activity, ActivityKind
from lienhiep.reports.enums import RunState
from lienhiep.reports.models import ReportRun
from tests.counting import fresh_union

from .conftest import ApiClient


def _queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(path)
    assert answer.status_code == 200
    return len(queries), len(answer.json()["items"])


def _activities(union, number):
    kind = ActivityKind.objects.first()
    for day in range(1, number + 1):
        Activity.objects.create(
            kind=kind,
            title=f"Hội thảo {day}",
            start_date=datetime.date(2031, 1, day),
            organiser=union,
        )


@pytest.mark.parametrize("path", ["activities", "organisations"])
def test_lists_cost_the_same_for_one_and_for_three(db, demo, path):
    union, staff = fresh_union()
    client = ApiClient(staff)
    _activities(union, 1)
    one = _queries(client, path)
    _activities(union, 3)
    assert _queries(client, path)[0] == one[0]


def test_an_issued_reports_file_downloads_through_the_exporter(db, demo, personas):
    run = ReportRun.objects.create(organisation=demo, year=2031, state=RunState.ISSUED)
    run.markdown.save("bao-cao.md", ContentFile("# Báo cáo".encode()))
    client = ApiClient(personas["union_staff"])
    listed = next(r for r in client.get("reports").json()["items"] if r["id"] == run.pk)
    answer = client.get(f"reports/{run.pk}/files/md")
    assert list(listed["files"]) == ["md"]
    assert (answer.status_code, answer.content) == (200, "# Báo cáo".encode())
    assert ApiClient(personas["judge"]).get(f"reports/{run.pk}/files/md").status_code == 404


def test_the_page_cache_never_looks_at_the_api(db, demo):
    """The website's page cache stays out: a long query once made its cache key too long."""
    answer = ApiClient().get("contest-rounds", organisation="đ" * 150)
    assert answer.status_code == 200
