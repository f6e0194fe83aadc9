"""A project's beneficiary figures: every row checked first, then all saved in one step."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from lienhiep.community.models import Project
from lienhiep.community.rules import projects_for
from lienhiep.core.indicators import SUBJECTS
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.plans import services
from lienhiep.plans.models import Indicator, ReportedValue
from tests.factories import make_org, make_user

YEAR = 2030


def make_project(centre, title="Dự án thử nghiệm"):
    return Project.objects.create(
        title=title,
        centre=centre,
        amount=Decimal("100000000"),
        start_date=date(YEAR, 1, 1),
        places="Xã Thử",
    )


@pytest.fixture
def project(demo, db):
    centre = make_org(kind=OrganisationKind.SUBORDINATE_UNIT, parent=demo)
    return make_project(centre)


def url(project):
    return reverse("community_project_figures", args=[project.pk]) + f"?year={YEAR}"


def saved(project):
    key = SUBJECTS["community.project"].key(project)
    return ReportedValue.objects.filter(subject=key, year=YEAR)


def post(client, project, rows):
    data = {"year": YEAR}
    for code, (value, source) in rows.items():
        data[f"community.{code}-value"], data[f"community.{code}-source"] = value, source
    return client.post(url(project), data)


def test_a_mixed_post_saves_nothing_and_marks_the_wrong_row(client, personas, project):
    client.force_login(personas["union_staff"])
    response = post(
        client,
        project,
        {"scholarships": ("12", "Báo cáo số 5"), "charity_houses": ("3", "")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert list(saved(project)) == []
    assert 'id="id_community.charity_houses-source-error"' in html
    assert "Hãy ghi rõ nguồn của số liệu (văn bản hoặc người cung cấp)." in html
    with translation.override("vi"):
        refused = gettext("Nothing was saved: correct the figures marked below.")
    assert refused in html
    assert "Đã lưu" not in html


def test_a_negative_figure_is_refused_at_its_field(client, personas, project):
    client.force_login(personas["union_staff"])
    response = post(
        client, project, {"scholarships": ("12", "Báo cáo"), "stable_jobs": ("-4", "Báo cáo")}
    )
    assert 'id="id_community.stable_jobs-value-error"' in response.content.decode()
    assert list(saved(project)) == []


@pytest.mark.parametrize("persona", ["union_staff", "federation"])
def test_a_valid_post_saves_every_row_and_logs_each(client, personas, project, persona):
    staff = personas[persona]
    client.force_login(staff)
    response = post(
        client,
        project,
        {"scholarships": ("12", "Báo cáo số 5"), "charity_houses": ("3", "Biên bản bàn giao")},
    )
    assert response.status_code == 302
    values = {
        v.indicator.code: (v.value, v.source, v.organisation, v.entered_by) for v in saved(project)
    }
    assert values == {
        "community.scholarships": (Decimal(12), "Báo cáo số 5", project.centre, staff),
        "community.charity_houses": (Decimal(3), "Biên bản bàn giao", project.centre, staff),
    }
    logged = ModelLogEntry.objects.filter(content_type__model="reportedvalue", user=staff)
    assert logged.count() == 2


def test_figures_saved_before_are_saved_again_unchanged(client, personas, project):
    staff = personas["union_staff"]
    client.force_login(staff)
    post(client, project, {"scholarships": ("12", "Báo cáo số 5")})
    html = client.get(url(project)).content.decode()
    assert 'name="community.scholarships-value" value="12"' in html
    response = post(
        client, project, {"scholarships": ("12", "Báo cáo số 5"), "stable_jobs": ("4", "Báo cáo")}
    )
    assert response.status_code == 302
    assert sorted(saved(project).values_list("value", flat=True)) == [4, 12]


def test_a_write_that_fails_midway_leaves_no_row(client, personas, project, monkeypatch):
    written = []
    original = services.report_value

    def fail_on_second(**kwargs):
        if written:
            raise RuntimeError("disk full")
        written.append(original(**kwargs))
        return written[-1]

    monkeypatch.setattr(services, "report_value", fail_on_second)
    client.force_login(personas["union_staff"])
    client.raise_request_exception = False
    response = post(
        client, project, {"scholarships": ("12", "Báo cáo"), "charity_houses": ("3", "Báo cáo")}
    )
    assert response.status_code == 500
    assert len(written) == 1
    assert list(saved(project)) == []


def test_union_staff_of_another_union_get_404(client, project):
    other = make_org(name="Liên hiệp hội khác", kind=OrganisationKind.UNION)
    client.force_login(make_user(roles.UNION_STAFF, other))
    assert client.get(url(project)).status_code == 404
    assert post(client, project, {"scholarships": ("12", "Báo cáo")}).status_code == 404
    assert list(saved(project)) == []


def test_a_union_leader_reads_the_figures_but_cannot_save(client, personas, project):
    scholarships = Indicator.objects.get(code="community.scholarships")
    services.report_values(
        kind=SUBJECTS["community.project"],
        record=project,
        year=YEAR,
        values=[(scholarships, 7, "Báo cáo số 9")],
        user=personas["union_staff"],
    )
    client.force_login(personas["leader"])
    html = client.get(url(project)).content.decode()
    assert project.title in html and 'value="Báo cáo số 9"' in html
    saving = html[html.index('<form method="post"') :]
    assert 'type="submit"' not in saving  # only the year selector's "Show" button
    response = post(client, project, {"scholarships": ("12", "Báo cáo")})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert list(saved(project).values_list("value", "source")) == [(7, "Báo cáo số 9")]


@pytest.mark.parametrize("persona", ["judge", "editor", "expert", "officer"])
def test_other_personas_see_no_project(client, personas, project, persona):
    user = personas[persona]
    assert list(projects_for(user)) == []
    client.force_login(user)
    response = client.get(url(project))
    assert response.status_code in (302, 403, 404)
    assert project.title not in response.content.decode()


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("community_project:index"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_projects_list_costs_the_same_queries_for_1_and_4_rows(
    client, db, demo, django_assert_num_queries
):
    union = make_org(name="Liên hiệp hội đo truy vấn", kind=OrganisationKind.UNION)
    centre = make_org(kind=OrganisationKind.SUBORDINATE_UNIT, parent=union)
    client.force_login(make_user(roles.UNION_STAFF, union))
    make_project(centre, "Dự án 1")
    _list_queries(client)  # the header's logo and menu kept in the cache, as on any later screen
    one, html = _list_queries(client)
    assert html.count("Dự án ") >= 1
    for number in (2, 3, 4):
        make_project(centre, f"Dự án {number}")
    with django_assert_num_queries(one):
        response = client.get(reverse("community_project:index"))
    assert all(f"Dự án {n}" in response.content.decode() for n in (1, 2, 3, 4))


def test_the_service_refuses_a_leader_and_a_foreign_indicator(personas, project):
    kind = SUBJECTS["community.project"]
    scholarships = Indicator.objects.get(code="community.scholarships")
    with pytest.raises(PermissionDenied):
        services.report_values(
            kind=kind,
            record=project,
            year=YEAR,
            values=[(scholarships, 1, "Báo cáo")],
            user=personas["leader"],
        )
    foreign = Indicator.objects.filter(method="reported").exclude(code__startswith="community.")
    foreign = foreign.first() or Indicator.objects.exclude(code__startswith="community.").first()
    with pytest.raises(ValidationError):
        services.report_values(
            kind=kind,
            record=project,
            year=YEAR,
            values=[(scholarships, 1, "Báo cáo"), (foreign, 1, "Báo cáo")],
            user=personas["union_staff"],
        )
    assert list(saved(project)) == []
