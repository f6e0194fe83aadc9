"""The report screen: the fragment it polls while generating, and the date it issues on."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(demo):
    return ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)


def _progress(client, run):
    return client.get(reverse("reports_progress", args=[run.pk])).content.decode()


def test_progress_shows_how_far_the_generation_is(client, personas, run):
    # the worker moved it on just now (the demo's run may have been seeded long before)
    ReportRun.objects.filter(pk=run.pk).update(
        state=RunState.GENERATING, progress=40, progress_at=timezone.now()
    )
    client.force_login(personas["leader"])
    html = _progress(client, run)
    assert 'data-state="generating" data-progress="40"' in html
    assert '<strong>Đang tạo</strong> · <progress max="100" value="40">40%</progress> 40%' in html


def test_progress_shows_why_the_generation_failed(client, personas, run):
    ReportRun.objects.filter(pk=run.pk).update(
        state=RunState.FAILED, error="Mẫu Word có biến không xác định: {{ ten_hoi }}"
    )
    client.force_login(personas["union_staff"])
    html = _progress(client, run)
    assert "<strong>Tạo báo cáo không thành công</strong>" in html
    assert '<p class="error-message">Mẫu Word có biến không xác định: {{ ten_hoi }}</p>' in html
    assert "<progress" not in html


@pytest.mark.parametrize("persona", ["officer", "expert", "editor"])
def test_progress_of_a_run_out_of_sight_is_not_found(client, personas, run, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("reports_progress", args=[run.pk])).status_code == 404


def test_an_impossible_issue_date_is_refused_naming_it(client, personas, run):
    client.force_login(personas["union_staff"])
    url = reverse("reports_run", args=[run.pk])
    response = client.post(url, {"action": "issue", "day": "31/02/2024"}, follow=True)
    run.refresh_from_db()
    assert (run.state, run.document) == (RunState.DRAFT, None)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["“31/02/2024” không phải là ngày viết theo dạng dd/mm/yyyy"]
