#!/usr/bin/env bash
# Run the benchmarks on SQLite, then on a scratch PostgreSQL database if the server answers.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
env -u DATABASE_URL $PY bench/run.py
if psql -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1" >/dev/null 2>&1; then
    DB="lienhiep_bench_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
    trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB"' EXIT
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" $PY bench/run.py | tail -n +3
    # The national table from 34 signed year packages × 5 years (issue 17), on PostgreSQL.
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" && psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" $PY bench/national.py
fi
# The news import of a 500-item WordPress export, on SQLite then PostgreSQL.
env -u DATABASE_URL $PY bench/news_import.py
if [ -n "${DB:-}" ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" && psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" $PY bench/news_import.py
fi
# The public site: a cached article page against a bare Django view (gunicorn, loopback).
$PY bench/site.py
# The same on PostgreSQL (issue 18: both databases, the bare view in the same run).
if [ -n "${DB:-}" ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" && psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
    SITE_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" $PY bench/site.py
fi
