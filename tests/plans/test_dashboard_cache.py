"""The dashboard's figures come from the shared cache until a record they count changes: the
next dashboard after a counted record is added, changed or deleted (by a signal, by a bulk write
that says so, in another process) shows it."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lienhiep.core import generation
from lienhiep.core.indicators import FAMILIES, MEASURES, YEAR, values
from lienhiep.directory import roles
from lienhiep.directory.models import MemberCount, Organisation
from lienhiep.directory.rules import subtree_ids
from lienhiep.directory.setup import make_default
from tests.factories import make_user

pytestmark = pytest.mark.django_db

MEMBERS = MEASURES["directory.members"]


def members_card(client):
    """The members card's figure on the dashboard of 2024, as the reader sees it."""
    html = client.get("/admin/", {"year": 2024}).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.search(r"Hội viên ([0-9.]+) [+−-]", text).group(1)


@pytest.fixture
def staff_client(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    return client


@pytest.fixture
def member_count(demo):
    """A member count the union's members figure adds up."""
    ids = subtree_ids(demo.pk)
    counted = MEMBERS.queryset(ids, 2024).order_by("pk").first()
    return MemberCount.objects.get(pk=counted.pk)


def test_a_record_saved_shows_on_the_next_dashboard(staff_client, member_count):
    assert members_card(staff_client) == "12.436"
    member_count.members += 100
    member_count.save()
    assert members_card(staff_client) == "12.536"


def test_a_record_added_and_deleted_shows_on_the_next_dashboard(staff_client, member_count):
    assert members_card(staff_client) == "12.436"
    added = MemberCount.objects.create(
        organisation=Organisation.objects.get(pk=member_count.organisation_id).parent,
        year=2024,
        members=0,
    )
    member_count.delete()
    assert members_card(staff_client) == f"{12436 - member_count.members:,}".replace(",", ".")
    added.delete()


def test_a_change_another_process_made_shows_on_the_next_dashboard(staff_client, member_count):
    assert members_card(staff_client) == "12.436"
    # another process wrote without a signal here and gave the shared cache a new generation
    MemberCount.objects.filter(pk=member_count.pk).update(members=member_count.members + 7)
    cache.set(generation.KEY, "another-process", None)
    assert members_card(staff_client) == "12.443"


def test_a_figure_comes_from_the_shared_cache_until_the_records_change(demo, member_count):
    ids = subtree_ids(demo.pk)
    first = values([MEMBERS], ids, 2024)
    with CaptureQueriesContext(connection) as captured:
        assert values([MEMBERS], ids, 2024) == first
    assert len(captured) == 0
    MemberCount.objects.filter(pk=member_count.pk).update(members=0)  # no signal: still cached
    assert values([MEMBERS], ids, 2024) == first
    generation.records_changed()
    assert values([MEMBERS], ids, 2024) == {
        MEMBERS.code: first[MEMBERS.code] - member_count.members
    }


def test_a_bulk_write_of_a_service_changes_the_generation(demo):
    before = generation.current()
    make_default(demo)  # two ``update()`` of organisations
    assert generation.current() != before


def test_a_change_in_a_transaction_changes_the_generation_again_on_commit(
    member_count, django_capture_on_commit_callbacks
):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        member_count.save()
        member_count.save()
    changed = generation.current()
    assert changed != before
    assert len(callbacks) == 1  # once per transaction, however many records
    callbacks[0]()
    assert generation.current() not in (before, changed)


def test_a_record_nothing_counts_leaves_the_generation(demo):
    before = generation.current()
    make_user(roles.UNION_STAFF, demo)
    assert generation.current() == before


def test_the_generation_lost_by_the_cache_is_never_an_old_one(demo):
    before = generation.current()
    cache.delete(generation.KEY)
    assert generation.current() != before


def test_every_measure_reads_only_tables_whose_changes_count(demo):
    """A new measure (or a staff-defined kind's) reading a table no save would announce fails here."""
    from lienhiep.activities.models import ActivityKind
    from lienhiep.consulting.enums import KindForm
    from lienhiep.consulting.models import ConsultingKind

    generation.counted_tables()  # worked out before the kinds below are defined, as in a process
    ActivityKind.objects.create(slug="toa-dam-thu", name="Tọa đàm thử")
    for form in KindForm:  # each form counts its own records (a record, a case, a seat)
        ConsultingKind.objects.create(slug=f"thu-{form}", name=f"Loại thử {form}", form=form)
    measures = [*MEASURES.values(), *(m for f in FAMILIES.values() for m in f.all())]
    assert any(m.code.endswith("toa-dam-thu") for m in measures)
    assert sum(f"thu-{form}" in m.code for m in measures for form in KindForm) >= len(KindForm)
    tables = {
        m._meta.db_table
        for m in connection.introspection.installed_models(connection.introspection.table_names())
    }
    for measure in measures:
        sql = measure.queryset([demo.pk], 2024, YEAR).query.sql_with_params()[0]
        read = {table for table in tables if f'"{table}"' in sql}
        assert read <= generation.counted_tables(), (measure.code, read)


def test_a_target_changed_shows_on_the_next_dashboard(staff_client, demo):
    from lienhiep.plans.models import Target

    target = Target.objects.filter(plan__organisation=demo, plan__year=2024).first()
    row = re.compile(
        r'<tr class="plan-row[^"]*">\s*<th scope="row">([^<]*).*?<td>([^<]*)</td>', re.S
    )
    before = dict(row.findall(staff_client.get("/admin/", {"year": 2024}).content.decode()))
    target.value = 987654
    target.save()
    after = dict(row.findall(staff_client.get("/admin/", {"year": 2024}).content.decode()))
    assert after == before | {target.indicator.name: "987.654"}


def test_the_cached_plan_panel_carries_each_requests_csrf_token(demo):
    from django.test import Client

    from lienhiep.plans.views.dashboard import CSRF_MARK

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(roles.UNION_STAFF, demo))
    client.get("/admin/", {"year": 2024})
    html = client.get("/admin/", {"year": 2024}).content.decode()  # from the shared cache
    remind = reverse("plans_return_remind")
    form = re.search(f'action="{remind}">(.*?)</form>', html, re.S).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert CSRF_MARK not in html
    response = client.post(remind, {"org": demo.pk, "year": 2024, "csrfmiddlewaretoken": token})
    assert (response.status_code, response.url) == (302, f"/admin/?org={demo.pk}&year=2024")


def test_the_cached_plan_panel_keeps_each_logins_rights(client, demo):
    link = reverse("directory_organisation:edit", args=[demo.pk]).replace(str(demo.pk), r"\d+")
    edit = re.compile(f'href="{link}"')
    client.force_login(make_user(roles.UNION_STAFF, demo))
    assert edit.search(client.get("/admin/", {"year": 2024}).content.decode())
    client.force_login(make_user(roles.UNION_LEADER, demo))
    html = client.get("/admin/", {"year": 2024}).content.decode()
    assert "Quá hạn" in html and not edit.search(html)


def test_the_latest_year_with_records_follows_a_new_years_records(staff_client, demo):
    from lienhiep.directory.years import kept_latest_year

    this_year = timezone.localdate().year
    assert kept_latest_year(demo) < this_year
    MemberCount.objects.create(organisation=demo, year=this_year, members=1)
    assert kept_latest_year(demo) == this_year


def test_a_migrations_records_change_the_generation_once_the_migrations_ran(member_count):
    from django.apps import apps
    from django.db.migrations.state import ProjectState
    from django.db.models.signals import post_migrate

    historical = ProjectState.from_apps(apps).apps.get_model("directory", "MemberCount")
    before = generation.current()
    historical.objects.get(pk=member_count.pk).save()  # the cache may have no table yet
    assert generation.current() == before
    core = apps.get_app_config("core")
    post_migrate.send(
        sender=core, app_config=core, verbosity=0, interactive=False, using="default", apps=apps
    )
    assert generation.current() != before


def test_a_case_step_done_leaves_the_overdue_panel_on_the_next_dashboard(staff_client, demo):
    from lienhiep.consulting.models import CaseStep

    def overdue():
        html = staff_client.get("/admin/", {"year": 2024}).content.decode()
        start = html.index('aria-labelledby="overdue-steps-heading"')
        return re.findall(r"<li>(.*?)</li>", html[start : html.index("</section>", start)])

    before = overdue()
    assert before and "Không có" not in before[0]
    step = (
        CaseStep.objects.filter(
            done_on__isnull=True, due_on__lt=timezone.localdate(), case__union=demo
        )
        .order_by("due_on")
        .first()
    )
    step.done_on = timezone.localdate()
    step.save()
    assert len(overdue()) == len(before) - 1


def test_without_a_shared_cache_nothing_is_kept(settings, demo, member_count):
    settings.LIENHIEP_KEEP_FIGURES = False  # an in-process cache: another process's change
    ids = subtree_ids(demo.pk)
    first = values([MEMBERS], ids, 2024)
    MemberCount.objects.filter(pk=member_count.pk).update(members=0)  # would not reach it
    assert values([MEMBERS], ids, 2024) == {
        MEMBERS.code: first[MEMBERS.code] - member_count.members
    }


def test_a_database_cache_without_its_table_leaves_the_save_and_its_transaction(
    settings, member_count
):
    """A new installation: ``migrate`` saves indicators before ``createcachetable`` made the
    cache's table; on PostgreSQL a failed query would end the transaction around the save."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lienhiep_no_such_cache",
        }
    }
    member_count.members += 1
    member_count.save()
    assert MemberCount.objects.get(pk=member_count.pk).members == member_count.members
