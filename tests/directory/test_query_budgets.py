"""Roles and scopes are worked out once per request; the busiest admin screens keep a budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.directory import accounts, roles, rules
from lienhiep.directory.models import Organisation
from tests.counting import fresh_union, queries_for, rows
from tests.factories import make_org, make_user

#: Queries one request of a screen may cost for union staff on the demo (measured 93, 33 and 25
#: before roles and scopes were worked out once per request, then 65, 18 and 19 before the
#: login was read with its scope and person, its permissions in one query, the subtree once per
#: request, the registry's figures in one query, the logo and reference lists cached, and
#: Wagtail's page panels left off for who edits no page). The home with the cards-and-charts
#: dashboard measured 38, then 26: the trend's five years in one query
#: (``core.indicators.values_by_year``), last year's card figures read with this year's
#: (``plans.figures.figures_of_years``: targets, signed packages and totals one query each for
#: both years), the indicators read once for the figures and the trend's choices, the
#: organisation chooser's list read once (not again to check and draw it), the returns ring's
#: filers marked in the same query, and the login's Wagtail profile read with the login; then 25:
#: the trend's five years joining the figures' totals (``plans.figures.figures_and_series``); the
#: panel of overdue personal data requests asks the database only when a request is overdue;
#: then 11 for a dashboard asked again: the figures, the plan panel and the dashboard's year kept
#: in the shared cache until a counted record changes (``core.generation``); then 8 (the entries
#: 9, the organisations 8, against 15 and 12): each login's admin menu kept until what it is
#: drawn from changes (``core.admin_sidebar``); then 1, 4 and 3: the login read with its rights
#: (groups, permissions, Wagtail's page and collection rights, the organisations it sees), the
#: subtrees and Wagtail's client configuration (the locales) kept per process until what they are
#: drawn from changes (``directory.backends``). With Redis, one less: the session read from it.
BUDGETS = {
    "wagtailadmin_home": 1,
    "contests_entry:index": 4,
    "directory_organisation:index": 3,
}


@pytest.mark.parametrize("screen", BUDGETS)
def test_the_busy_admin_screens_keep_their_query_budget(client, personas, screen):
    client.force_login(personas["union_staff"])
    count, _response = queries_for(client, reverse(screen))
    assert count <= BUDGETS[screen]


def test_the_dashboard_costs_the_same_however_many_records_it_counts(client, personas):
    from datetime import date

    from lienhiep.directory.models import MemberCount, Term
    from lienhiep.directory.years import latest_year_with_records

    client.force_login(personas["union_staff"])
    url = reverse("wagtailadmin_home")
    before, _response = queries_for(client, url)
    union = Organisation.objects.get(slug="hoa-an")
    year = latest_year_with_records(union, date.today())
    for n in range(3):
        member = make_org(f"Hội thành viên đếm truy vấn {n}", parent=union)
        MemberCount.objects.create(organisation=member, year=year, members=100, source="Thử")
        ended = date(year - 1, 1, 1)
        Term.objects.create(
            organisation=member, number=1, congress_date=date(year - 6, 1, 1), planned_end=ended
        )
    after, response = queries_for(client, url)
    html = response.content.decode()
    assert all(f"Hội thành viên đếm truy vấn {n}" in html for n in range(3))
    assert after == before


def test_the_dashboard_reads_the_groups_and_the_scope_once(client, personas):
    client.force_login(personas["union_staff"])  # a new test: the first screen works it all out
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("wagtailadmin_home"))
    sql = [query["sql"] for query in queries.captured_queries]
    assert sum(s.startswith('SELECT "auth_group"."id", "auth_group"."name"') for s in sql) == 1
    # the scope comes with the login (``directory.backends``), the subtree once for all panels
    assert sum('FROM "directory_accountscope"' in s for s in sql) == 0
    assert sum('JOIN "directory_accountscope"' in s for s in sql) == 1
    assert sum("WITH RECURSIVE" in s for s in sql) == 1


def test_roles_and_scope_cost_one_query_each_however_often_asked(personas):
    user = type(personas["union_staff"]).objects.get(pk=personas["union_staff"].pk)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            rules.is_staff(user)
            rules.can_read(user)
            rules.organisation_ids_for(user)
            rules.scope_organisation(user)
    assert len(queries) == 3  # the groups, the scope, the subtree


def test_the_subtree_is_one_query_at_any_depth(db, demo):
    top = make_org("Hội cấp một", parent=demo)
    second = make_org("Chi hội cấp hai", parent=top)
    third = make_org("Câu lạc bộ cấp ba", parent=second)
    with CaptureQueriesContext(connection) as queries:
        found = rules.subtree_ids(top.pk)
    assert (len(queries), found) == (1, {top.pk, second.pk, third.pk})


def test_the_ids_asked_for_are_a_copy_the_caller_may_change(personas):
    user = personas["union_staff"]
    rules.organisation_ids_for(user).clear()
    assert demo_ids(user) == rules.subtree_ids(rules.scope_organisation(user).pk)


def demo_ids(user):
    return rules.organisation_ids_for(user)


def test_changing_a_login_forgets_its_roles_and_scope(personas):
    staff, account = personas["union_staff"], personas["officer"]
    assert rules.is_staff(account) is False
    union = Organisation.objects.get(slug="hoa-an")
    accounts.change_account(
        user=staff,
        account=account,
        wanted_roles=[roles.UNION_STAFF],
        organisation=union,
        is_active=True,
    )
    assert (rules.is_staff(account), rules.scope_organisation(account)) == (True, union)


def test_the_organisations_list_costs_the_same_for_one_row_as_for_four(client, db, demo):
    union, staff = fresh_union()
    client.force_login(staff)
    url = reverse("directory_organisation:index")
    one, response = queries_for(client, url)
    assert [o.name for o in rows(response)] == [union.name]
    for n in (1, 2, 3):
        make_org(f"Hội thành viên {n}", parent=union)
    # (a new organisation changes what the menus are drawn from: the first screen after it works
    # the login's menu out again, ``core.admin_sidebar``)
    four, response = queries_for(client, url)
    assert four == one
    assert len(rows(response)) == 4


def test_an_anonymous_visitor_has_no_role_and_no_scope(rf):
    from django.contrib.auth.models import AnonymousUser

    nobody = AnonymousUser()
    assert (rules.is_staff(nobody), rules.scope_organisation(nobody)) == (False, None)
    assert rules.organisation_ids_for(nobody) == set()


def test_a_new_group_is_seen_once_forgotten(db):
    user = make_user()
    assert roles.has_role(user, roles.JUDGE) is False
    user.groups.add(roles.group(roles.JUDGE))
    rules.forget(user)
    assert roles.has_role(user, roles.JUDGE) is True


def test_a_new_organisation_is_seen_in_the_same_request(personas, demo):
    user = personas["union_staff"]
    before = rules.organisation_ids_for(user)
    member = make_org("Hội thành viên mới", parent=demo)
    assert rules.organisation_ids_for(user) == before | {member.pk}


def test_the_login_comes_with_its_scope_person_and_permissions_in_two_queries(personas, settings):
    from django.contrib.auth import backends as django_backends

    from lienhiep.directory.backends import ModelBackend

    settings.LIENHIEP_KEEP_FIGURES = False  # read for each request (kept: ``test_logins.py``)
    staff = personas["union_staff"]
    with CaptureQueriesContext(connection) as queries:
        user = ModelBackend().get_user(staff.pk)
        scope = rules.scope_organisation(user)
        person = getattr(user, "person", None)
        permissions = user.get_all_permissions()
    assert (len(queries), scope.slug, person) == (2, "hoa-an", None)
    fresh = type(staff).objects.get(pk=staff.pk)
    assert permissions == django_backends.ModelBackend().get_all_permissions(fresh)
    assert "directory.change_organisation" in permissions


def test_a_login_whose_role_changes_loses_its_permissions_when_forgotten(personas):
    user = personas["judge"]
    assert not user.has_perm("directory.change_organisation")
    user.groups.add(roles.group(roles.UNION_STAFF))
    rules.forget(user)
    assert user.has_perm("directory.change_organisation")


def test_the_subtree_is_asked_once_per_request_and_again_after_a_change(db, demo):
    from lienhiep.core import memo

    def asked():
        with CaptureQueriesContext(connection) as queries:
            found = rules.subtree_ids(demo.pk)
        return len(queries), found

    middleware = memo.RequestMemoMiddleware(lambda request: None)
    seen = []

    def request(_request):
        first, second = asked(), asked()
        member = make_org("Hội thành viên giữa yêu cầu", parent=demo)
        third = asked()
        seen.extend([first[0], second[0], third[0], member.pk in third[1]])

    middleware.get_response = request
    middleware(None)
    assert seen == [1, 0, 1, True]
    assert asked()[0] == 1  # outside a request nothing is kept


def test_a_new_bloc_is_offered_by_the_organisations_filter_at_once(client, personas):
    from lienhiep.directory.models import Bloc

    client.force_login(personas["union_staff"])
    url = reverse("directory_organisation:index")
    client.get(url)
    Bloc.objects.create(name="Khối thử nghiệm mới", slug="khoi-thu-nghiem-moi", order=99)
    assert "Khối thử nghiệm mới" in client.get(url).content.decode()


def test_who_edits_no_page_is_shown_no_page_panel_on_the_dashboard(client, personas):
    def panels(who):
        client.force_login(personas[who])
        response = client.get(reverse("wagtailadmin_home"))
        return {getattr(panel, "name", "") for panel in response.context["panels"]}

    assert "recent_edits" not in panels("union_staff")
    assert {"recent_edits", "workflow_objects_to_moderate"} <= panels("editor")
    assert {"registry", "plan"} <= panels("union_staff")


def test_the_admin_header_shows_a_new_logo_at_once(client, personas):
    from wagtail.images.models import Image
    from wagtail.models import Site

    from lienhiep.website.models import SiteSettings
    from tests.contests.conftest import png

    client.force_login(personas["union_staff"])
    home = reverse("wagtailadmin_home")
    assert "lienhiep-mark.svg" in client.get(home).content.decode()  # kept in the cache now
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = Image.objects.create(title="Biểu trưng", file=png("bieu-trung.png"))
    settings.save()
    html = client.get(home).content.decode()
    assert "lienhiep-mark.svg" not in html and "bieu-trung" in html
