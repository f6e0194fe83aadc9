"""The demo put back before each browser test: the live server's tests empty the database.

* On SQLite the demo is seeded once (the session's ``demo`` fixture), taken with SQLite's online
  backup into a file, and copied back page by page before each test: about a second, where
  seeding it again took about 15 s.
* On PostgreSQL it is seeded again: a ``dumpdata`` fixture put back with ``loaddata`` was
  measured slower than seeding (``bench/RESULTS.md``, 2026-11-30).
"""

import io
import os
import sqlite3
from pathlib import Path

from django.core.management import call_command
from django.db import connection


def take(folder: Path) -> Path | None:
    if connection.vendor != "sqlite":
        return None
    path = folder / f"demo-{os.getpid()}.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


def restore(path: Path | None):
    if path is None:
        call_command("seed_demo", "--force", stdout=io.StringIO())
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    source.backup(connection.connection)
    source.close()
