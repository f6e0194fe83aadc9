import gc
import io
import os

import pytest
from django.test import TransactionTestCase

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from tests import snapshot, workers
from tests.factories import make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


#: The cyclic garbage collector's thresholds for the suite: its youngest generation collected
#: after 50.000 allocations rather than Python's 700 (a test builds a great many short-lived
#: objects: querysets, template contexts, forms), the older ones in proportion.
GC_THRESHOLDS = (50_000, 50, 1_000)


def pytest_collection_finish(session):
    """What the suite imported (Django, Wagtail, the project, the tests) set aside for good
    (``gc.freeze``), and the collector run less often: it walked those objects again and again.
    The tests of three apps (429, one process): 155–174 s of CPU → 139 s (``bench/RESULTS.md``,
    issue 18, goal 5, twelfth round)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_collection_modifyitems(items):
    """Tests of an empty installation and browser tests empty the database: run them last, each
    putting back what it starts from (the empty installation, the demo). Of them, the journeys in
    the browser from an empty installation, the longest tests by far, go first: last, one of them
    kept one worker busy long after the other had finished."""

    def order(item):
        empty = item.get_closest_marker("empty_installation") is not None
        browser = item.get_closest_marker("browser") is not None
        return (empty or browser, not (empty and browser))

    items.sort(key=order)


def pytest_sessionfinish(session):
    """The run's controller (``make test``'s workers: pytest-xdist) drops the database the workers
    made theirs from (``tests/workers.py``)."""
    if session.config.pluginmanager.getplugin("dsession") is None:
        return  # a worker, or a run without workers
    from pytest_django.plugin import blocking_manager_key

    with session.config.stash[blocking_manager_key].unblock():
        workers.clean_up(session.config._tmp_path_factory.getbasetemp())


def _empty_after_a_transactional_test(self):
    """Empty the database after a test that committed (a browser test, an empty installation)
    without running every ``post_migrate`` receiver again (permissions, content types, the role
    groups, each site's page-rights groups: about a second a test on SQLite), and on PostgreSQL
    with ``DELETE`` rather than Django's ``TRUNCATE`` of every table (seconds a test).

    Whatever runs next sets its database up itself: a browser test puts the demo snapshot back,
    an empty installation flushes and migrates again (``empty_installation``), the package tests
    put the snapshot back when the demo is gone, and a later ``--reuse-db`` run gets the
    receivers' records back in ``django_db_setup`` below."""
    for alias in self._databases_names(include_mirrors=False):
        snapshot.empty(alias)


TransactionTestCase._fixture_teardown = _empty_after_a_transactional_test


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """The test database, as pytest-django makes it (``--reuse-db``: kept between runs), but the
    suite's workers make theirs from one migrated and seeded by the first (``tests/workers.py``).
    One a previous ``--reuse-db`` run left emptied gets what the ``post_migrate`` receivers make
    (content types, permissions, the role groups) back."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.sql import emit_post_migrate_signal
    from django.test.utils import setup_databases, teardown_databases

    keepdb = django_db_keepdb and not django_db_createdb

    def make():
        return setup_databases(
            verbosity=0, interactive=False, keepdb=keepdb, serialized_aliases=set()
        )

    with django_db_blocker.unblock():
        if workers.shared(keepdb=keepdb):
            config = workers.set_up(
                tmp_path_factory.getbasetemp().parent, make=make, seed=seed_the_demo
            )
        else:
            config = make()
        if not ContentType.objects.exists():
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)


def seed_the_demo():
    from django.core.management import call_command

    call_command("seed_demo", "--force", stdout=io.StringIO())
    make_personas()


#: The standard personas on the Hòa An data (``personas``): a role and the organisation (its slug)
#: the login works for, with another union's officer beside them.
PERSONAS = {
    "federation": (roles.FEDERATION_STAFF, "vusta"),
    "union_staff": (roles.UNION_STAFF, "hoa-an"),
    "leader": (roles.UNION_LEADER, "hoa-an"),
    "officer": (roles.OFFICER, "hoi-dieu-duong"),
    "other_officer": (roles.OFFICER, "hoi-luat-gia"),
    "judge": (roles.JUDGE, None),
    "expert": (roles.EXPERT, None),
    "editor": (roles.EDITOR, None),
}


def make_personas():
    """The personas' logins, made as the factory makes any (their roles, scopes and site groups
    through the product's signals), once with the demo: made for each of the 345 tests that use
    them, they cost a suite about 13 s (``bench/RESULTS.md``, issue 18, goal 5, eleventh round).
    Those a kept database (``--reuse-db``) already holds are left as they are."""
    made = persona_logins()
    for name, (role, slug) in PERSONAS.items():
        if name in made:
            continue
        scope = Organisation.objects.get(slug=slug) if slug else None
        make_user(role, scope, username=f"persona-{name}")


@pytest.fixture(scope="session")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Hòa An demo year, seeded once per session (or already in the database the worker made
    from the first's), and taken at once (``tests/snapshot.py``): taken later, after a test that
    emptied the database, it would be the empty database.

    Seeded after a test of an empty installation (a run in one process: ``pytest -m browser``),
    it is seeded in that installation put back: the test's end emptied the database, permissions
    and Wagtail's root page with it."""
    with django_db_blocker.unblock():
        if not workers.came_seeded:
            if _empty_installation_taken is not None:
                snapshot.restore(_empty_installation_taken)
            seed_the_demo()
        return (
            Organisation.objects.get(slug="hoa-an"),
            snapshot.take(tmp_path_factory.mktemp("demo")),
        )


@pytest.fixture(scope="session")
def demo(seeded_demo):
    """The Hòa An union of the demo year."""
    return seeded_demo[0]


@pytest.fixture(scope="session")
def demo_snapshot(seeded_demo):
    """The demo as seeded once for the session: put back by the tests that need it after others
    emptied the database, instead of seeding it again."""
    return seeded_demo[1]


@pytest.fixture
def personas(db, demo):
    """The standard personas on the Hòa An data (``PERSONAS``), seeded with the demo; made here
    where the database came without them (one kept by ``--reuse-db`` from before)."""
    users = persona_logins()
    if len(users) < len(PERSONAS):
        make_personas()
        users = persona_logins()
    return users


def persona_logins():
    from django.contrib.auth import get_user_model

    names = {f"persona-{name}": name for name in PERSONAS}
    found = get_user_model().objects.filter(username__in=names)
    return {names[user.username]: user for user in found}


def reload_migration_data():
    """Run again the data our migrations load (provinces, activity kinds, indicators…)."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(connection)
    for key in sorted(loader.graph.nodes):
        if key[0] not in {
            c.label for c in apps.get_app_configs() if c.name.startswith("lienhiep.")
        }:
            continue
        for operation in loader.graph.nodes[key].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


#: the empty installation as the first test that needed it made it (``empty_installation``)
_empty_installation_taken = None


@pytest.fixture
def empty_installation(request, transactional_db, tmp_path_factory):
    """A freshly migrated database: reference data, Wagtail's welcome page, no union, no demo.

    The session's demo is flushed away, so these tests (marked ``empty_installation``) run last,
    with the browser tests, which put the demo back for themselves. The first of them makes the
    installation and takes it (``tests/snapshot.py``); the others put it back: the ``post_migrate``
    receivers and the migrations' data took seconds a test on PostgreSQL.

    A database that came with the demo (``tests/workers.py``: a run in workers) has its snapshot
    taken first: in a run of these tests and the browser tests alone (``pytest -m browser -n 2``),
    no test had taken it before the first flush, and the browser tests after it found no demo to
    put back. In one process the demo is seeded later, into this installation (``seeded_demo``).
    """
    global _empty_installation_taken
    if workers.came_seeded:
        request.getfixturevalue("demo_snapshot")
    if _empty_installation_taken is not None:
        snapshot.restore(_empty_installation_taken)
        return
    from django.core.management.sql import emit_post_migrate_signal
    from wagtail.models import Locale, Page, Site

    snapshot.empty()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # groups, indicators
    reload_migration_data()
    Locale.objects.get_or_create(language_code="vi")
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    _empty_installation_taken = snapshot.take(tmp_path_factory.mktemp("empty-installation"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a test's rolled-back records leave no cached
    answer (a menu, a figure, the earliest open request) behind for the next."""
    from django.core.cache import cache

    cache.clear()
