"""The suite's workers (``make test``: pytest-xdist) share one migrated and seeded test database.

Each worker has a test database of its own (pytest-django names it after the worker:
``test.sqlite3_gw0``, ``test_lienhiep_gw1``…). Migrating one (273 migrations) and seeding the demo
took about a minute of CPU: so the first worker to get the run's lock makes its database as
pytest-django would, seeds the demo in it and leaves a copy (SQLite: the demo's snapshot,
``tests/snapshot.py``; PostgreSQL: a database made from it as a template) with the demo's media
files; every other worker makes its database from that copy.

A run without workers, or one that reuses its databases (``--reuse-db``), makes its database as
before.
"""

import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests import snapshot

#: whether this process's database came with the demo seeded (``seeded_demo`` then seeds nothing)
came_seeded = False


def shared(*, keepdb: bool) -> bool:
    """Whether this process is one of several workers that make their databases afresh."""
    return bool(os.environ.get("PYTEST_XDIST_WORKER")) and not keepdb


@contextmanager
def run_lock(folder: Path):
    """The run's workers take turns: the first makes the copy, the others wait for it."""
    with (folder / "database.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def set_up(folder: Path, *, make, seed):
    """This worker's test database: made and seeded by ``make`` and ``seed`` if no worker left a
    copy in ``folder`` (the run's temporary folder, shared by its workers), else made from it.
    Returns what ``make`` returns (Django's ``setup_databases`` answer, for the teardown)."""
    global came_seeded
    made = folder / "demo-database.json"
    with run_lock(folder):
        if made.exists():
            copied = json.loads(made.read_text())
            answer = _make_from(copied)
        else:
            answer = make()
            seed()
            made.write_text(json.dumps(_leave_a_copy(folder)))
    came_seeded = True
    return answer


def _leave_a_copy(folder: Path) -> dict:
    media = folder / "demo-media"
    if Path(settings.MEDIA_ROOT).exists():
        shutil.copytree(settings.MEDIA_ROOT, media)
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        template = f"{connection.settings_dict['NAME']}_demo"
        connection.close()  # a template database has no session open on it
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quoted(template)}")
            cursor.execute(
                f"CREATE DATABASE {_quoted(template)}"
                f" TEMPLATE {_quoted(connection.settings_dict['NAME'])}"
            )
        return {"vendor": connection.vendor, "database": template, "media": str(media)}
    path = snapshot.take(folder)
    return {"vendor": connection.vendor, "database": str(path), "media": str(media)}


def clean_up(folder: Path):
    """Drop the PostgreSQL copy once the run is over (called by the run's controller, after every
    worker made its database)."""
    made = folder / "demo-database.json"
    if not made.exists():
        return
    copied = json.loads(made.read_text())
    if copied["vendor"] == "postgresql":
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quoted(copied['database'])}")


def _make_from(copied: dict):
    """This worker's test database made from the copy, named as pytest-django names it; returns
    what Django's ``setup_databases`` would, so that its ``teardown_databases`` drops it."""
    creation = connection.creation
    original = connection.settings_dict["NAME"]
    name = creation._get_test_db_name()
    if connection.vendor == "postgresql":
        with creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quoted(name)}")
            cursor.execute(
                f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(copied['database'])}"
            )
    else:
        for stale in (name, f"{name}-wal", f"{name}-shm"):  # an earlier run's, in WAL mode
            Path(stale).unlink(missing_ok=True)
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    if connection.vendor != "postgresql":
        snapshot.restore(Path(copied["database"]))  # into the new, empty file
    connection.ensure_connection()
    if Path(copied["media"]).exists():
        shutil.copytree(copied["media"], settings.MEDIA_ROOT, dirs_exist_ok=True)
    return [(connection, original, True)]


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)
