"""Hermetic, fast settings for the test suite."""

import hashlib
import os

os.environ.setdefault("SECRET_KEY", "test-secret-key")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from lienhiep.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite runs in one process (its cache emptied for each test): the figures are kept as in
# production, where the cache is shared.
LIENHIEP_KEEP_FIGURES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test database keeps its files apart: the SQLite and PostgreSQL runs of .ci/run go side by
# side, and one run's upload must not rename the other's ("cong-van-de-cu_1ZBFQ2N.pdf"); a run
# with --reuse-db finds the files its database names (the demo's photos) where it left them. The
# suite's two workers (pytest-xdist: each its own test database) keep theirs apart in the same way.
_DATABASE = os.environ.get("DATABASE_URL", "sqlite") + os.environ.get("PYTEST_XDIST_WORKER", "")
_RUN_FILES = BASE_DIR / "var" / f"test-files-{hashlib.sha256(_DATABASE.encode()).hexdigest()[:8]}"  # noqa: F405
MEDIA_ROOT = _RUN_FILES / "media"
ENTRY_DRAFTS_ROOT = _RUN_FILES / "entry-drafts"
