"""The demo put back before each browser test (the live server's tests empty the database), and
for the package test that runs after them.

The demo is seeded once (the session's ``demo`` fixture), taken, and put back before each test:
about a second, where seeding it again took about 15 s.

* SQLite: taken with SQLite's online backup into a file and copied back page by page.
* PostgreSQL: every table's rows copied out in ``COPY … (FORMAT BINARY)`` to memory with the
  sequences' positions; put back in one transaction with the foreign keys deferred to the commit
  (Django creates them deferrable): ``DELETE`` from each table, ``COPY … FROM STDIN`` into it,
  and the sequences set where they were. Measured under load: take 0,3 s, put back ~1 s, seed
  46 s. (A ``dumpdata`` fixture put back with ``loaddata`` was measured
  slower than seeding: ``bench/RESULTS.md``, 2026-11-30.)

Media files are not taken: the seed names them uniquely and nothing deletes them between tests.
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, connections, transaction


@dataclass
class PostgresSnapshot:
    tables: dict[str, bytes]  # table name → its rows in COPY's binary format
    sequences: list[tuple[str, int | None, bool]]  # qualified name, last value, is_called


def take(folder: Path) -> Path | PostgresSnapshot:
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        return _take_postgres()
    path = folder / f"snapshot-{os.getpid()}.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


def restore(taken: Path | PostgresSnapshot):
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # the snapshot's ids, not those of a database migrated since
    connection.ensure_connection()
    if isinstance(taken, PostgresSnapshot):
        _restore_postgres(taken)
        return
    source = sqlite3.connect(taken)
    source.backup(connection.connection)
    source.close()


def empty(alias="default"):
    """Every table of the database emptied, as Django's ``flush`` does but without its
    ``post_migrate`` receivers, and on PostgreSQL with ``DELETE`` (constraints deferred to the
    commit) rather than one ``TRUNCATE`` of every table."""
    database = connections[alias]
    tables = database.introspection.django_table_names(only_existing=True, include_views=False)
    if database.vendor != "postgresql":
        database.ops.execute_sql_flush(database.ops.sql_flush(no_style(), tables))
        return
    with transaction.atomic(using=alias), database.cursor() as cursor:
        _delete_every_row(cursor, tables)


def _delete_every_row(cursor, tables):
    # DELETE, not TRUNCATE: a TRUNCATE of every table and its commit took ~5 s, these ~1 s
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for table in tables:
        cursor.execute(f"DELETE FROM {_quoted(table)}")


def _quoted(table: str) -> str:
    return connection.ops.quote_name(table)


def _take_postgres() -> PostgresSnapshot:
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            with cursor.cursor.copy(f"COPY {_quoted(table)} TO STDOUT (FORMAT BINARY)") as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value,"
            " last_value IS NOT NULL FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = [(name, value, called) for name, value, called in cursor.fetchall()]
    return PostgresSnapshot(tables=tables, sequences=sequences)


def _restore_postgres(taken: PostgresSnapshot):
    with transaction.atomic(), connection.cursor() as cursor:
        _delete_every_row(cursor, taken.tables)
        for table, rows in taken.tables.items():
            with cursor.cursor.copy(f"COPY {_quoted(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(rows)
        for name, value, called in taken.sequences:
            cursor.execute("SELECT setval(%s::regclass, %s, %s)", [name, value or 1, called])
