"""Hermetic, fast settings for the test suite."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-secret-key")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from lienhiep.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each run gets its own files: the SQLite and PostgreSQL runs of .ci/run go side by side, and one
# run's upload must not rename the other's ("cong-van-de-cu_1ZBFQ2N.pdf").
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
_RUN_FILES = Path(tempfile.mkdtemp(prefix="test-files-", dir=BASE_DIR / "var"))  # noqa: F405
atexit.register(shutil.rmtree, _RUN_FILES, ignore_errors=True)
MEDIA_ROOT = _RUN_FILES / "media"
ENTRY_DRAFTS_ROOT = _RUN_FILES / "entry-drafts"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
