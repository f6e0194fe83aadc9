"""The production settings in one process, for the CPU benchmarks (``cache_cpu.py``,
``pages_cpu.py``): Django's test client drives the WSGI handler and every middleware, no socket to
the app, the shared cache in Redis (``CACHE_URL``, default redis://127.0.0.1:6379/5) under a key
prefix of the run's own, on the database named by ``DATABASE_URL`` (a scratch SQLite in ``var/``
by default)."""

import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start(name):
    """Set the production settings up for the benchmark ``name`` and start Django."""
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / f'{name}.sqlite3'}")
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/5")
    os.environ.update(
        DEBUG="0",
        SECRET_KEY="bench-" * 10,
        ALLOWED_HOSTS="testserver",
        CACHE_KEY_PREFIX=f"{name}-{uuid.uuid4().hex[:8]}",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        DJANGO_SETTINGS_MODULE="production_settings",
    )
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
    import django

    django.setup()


def seeded():
    """The database migrated, and seeded with the demo if it has no news yet."""
    from django.core.management import call_command

    from lienhiep.website.models import NewsArticlePage

    call_command("migrate", verbosity=0)
    if not NewsArticlePage.objects.exists():
        call_command("seed_demo", "--force", verbosity=0)
