import pytest
from django.core.exceptions import ImproperlyConfigured

from lienhiep.settings.env import database_from_url, env_bool, env_int, env_list, env_str


def test_env_str_required_fails_loudly(monkeypatch):
    monkeypatch.delenv("LIENHIEP_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="LIENHIEP_MISSING"):
        env_str("LIENHIEP_MISSING")


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)]
)
def test_env_bool_reads_words(monkeypatch, raw, expected):
    monkeypatch.setenv("LIENHIEP_FLAG", raw)
    assert env_bool("LIENHIEP_FLAG") is expected


def test_env_bool_and_int_reject_nonsense(monkeypatch):
    monkeypatch.setenv("LIENHIEP_FLAG", "maybe")
    monkeypatch.setenv("LIENHIEP_NUMBER", "twelve")
    with pytest.raises(ImproperlyConfigured, match="LIENHIEP_FLAG"):
        env_bool("LIENHIEP_FLAG")
    with pytest.raises(ImproperlyConfigured, match="LIENHIEP_NUMBER"):
        env_int("LIENHIEP_NUMBER", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("LIENHIEP_HOSTS", "a.vn, b.vn,,")
    assert env_list("LIENHIEP_HOSTS") == ["a.vn", "b.vn"]


def test_database_urls(tmp_path):
    sqlite = database_from_url("sqlite:///var/x.sqlite3", tmp_path)
    assert sqlite["NAME"] == str(tmp_path / "var/x.sqlite3")
    assert "journal_mode=WAL" in sqlite["OPTIONS"]["init_command"]
    assert database_from_url("sqlite:////srv/x.sqlite3", tmp_path)["NAME"] == "/srv/x.sqlite3"
    pg = database_from_url("postgres://u:p%40ss@db.example:5433/lienhiep?sslmode=require", tmp_path)
    assert (pg["ENGINE"], pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "django.db.backends.postgresql",
        "lienhiep",
        "u",
        "p@ss",
        "db.example",
        "5433",
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("mysql://x/y", tmp_path)


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


@pytest.mark.django_db
def test_postgres_has_search_extensions():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("extensions exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm')")
        assert sorted(row[0] for row in cursor.fetchall()) == ["pg_trgm", "unaccent"]
