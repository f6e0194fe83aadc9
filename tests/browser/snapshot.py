"""The demo database taken once per session and put back before each browser test.

The live server's tests empty the database after each test; seeding the demo again took about
15 s a test. The demo is seeded once (the session's ``demo`` fixture), taken, and put back:

* on SQLite, with SQLite's online backup into a file beside the test database and back (the
  whole database, page by page: well under a second);
* on PostgreSQL, as a ``dumpdata`` fixture loaded again with ``loaddata`` (rows keep their ids,
  so the tables the live server's flush left are updated in place and the rest inserted).
"""

import io
import os
import sqlite3
from pathlib import Path

from django.core.management import call_command
from django.db import connection


def snapshot_path(folder: Path) -> Path:
    suffix = "sqlite3" if connection.vendor == "sqlite" else "json"
    return folder / f"demo-{os.getpid()}.{suffix}"


def take(folder: Path) -> Path:
    path = snapshot_path(folder)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    else:
        call_command("dumpdata", output=str(path), verbosity=0)
    return path


def restore(path: Path):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        source.backup(connection.connection)
        source.close()
    else:
        call_command("loaddata", str(path), verbosity=0, stdout=io.StringIO())
