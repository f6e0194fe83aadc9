"""Production settings: `check --deploy` with .env.example's environment, the shared cache."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lienhiep.settings.env import cache_from_url
from lienhiep.website import caching

ROOT = Path(__file__).resolve().parents[2]


def example_environment():
    values = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _sep, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def run_settings(code, without=(), **overrides):
    """Run ``code`` in a fresh process with production settings and .env.example's values
    (except the names ``without``)."""
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT / "src")}
    env |= {k: v for k, v in example_environment().items() if k not in without}
    env |= {"SECRET_KEY": "k7#Qz9!vR2@pL5$wX8^mN3&bT6*yH1(dF4)gJ0-sA_cE+uI=oK" * 2}
    env |= {"DJANGO_SETTINGS_MODULE": "lienhiep.settings.base", **overrides}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )


def test_check_deploy_with_the_example_environment_reports_nothing():
    code = "import sys, django; from django.core.management import call_command; django.setup(); call_command('check', deploy=True, fail_level='WARNING')"
    result = run_settings(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."


def test_production_defaults_are_safe_without_the_https_settings():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.CACHES['default']['BACKEND'], "
        "s.AXES_HANDLER)"
    )
    names = ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER"]
    names += ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]
    result = run_settings(code, without=names)
    assert result.stdout.split() == [
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "True",
        "lienhiep.core.cache.RedisCache",
        "axes.handlers.cache.AxesCacheHandler",
    ]


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("redis://127.0.0.1:6379/1", "lienhiep.core.cache.RedisCache", "redis://127.0.0.1:6379/1"),
        ("db://lienhiep_cache", "django.core.cache.backends.db.DatabaseCache", "lienhiep_cache"),
        ("locmem://x", "django.core.cache.backends.locmem.LocMemCache", "x"),
    ],
)
def test_cache_urls(url, backend, location):
    assert cache_from_url(url) == {
        "BACKEND": backend,
        "LOCATION": location,
    }


def test_cache_url_of_an_unknown_kind_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_from_url("memcached://127.0.0.1:11211")


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/2", socket_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_rate_limits_and_page_cache_versions_live_in_redis_under_the_sites_prefix(settings):
    """CACHE_URL=redis://… puts the contest forms' rate limit and the page cache's versions in
    Redis, where every app process sees them, under CACHE_KEY_PREFIX, and the sessions are read
    from it (written through to the database); the suite's cache of one process keeps none."""
    import redis

    prefix = f"test-{os.getpid()}"
    code = (
        "import django; django.setup(); from django.test import RequestFactory; "
        "from lienhiep.contests import ratelimit; from lienhiep.website import caching; "
        "request = RequestFactory().get('/', REMOTE_ADDR='203.0.113.9'); "
        "ratelimit.count(request, 'contest-entry'); "
        "print(ratelimit.count(request, 'contest-entry')); caching.invalidate(); "
        "from django.conf import settings; print(settings.SESSION_ENGINE)"
    )
    client = redis.Redis.from_url("redis://127.0.0.1:6379/2")
    try:
        result = run_settings(code, CACHE_URL="redis://127.0.0.1:6379/2", CACHE_KEY_PREFIX=prefix)
        assert result.stdout.split() == [
            "2",
            "django.contrib.sessions.backends.cached_db",
        ], result.stderr
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
        keys = {key.decode() for key in client.scan_iter(f"{prefix}:*")}
        assert keys == {
            f"{prefix}:1:ratelimit:contest-entry:203.0.113.9",
            f"{prefix}:1:{caching.GENERATION_KEY}",
        }
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_deploy_manage_sh_reads_the_environment_file_as_the_systemd_units_do(tmp_path):
    """docs/operations.md step 5: `deploy/manage.sh check --deploy` with .env.example copied to
    the environment file (values with spaces, comments) and a real secret reports nothing."""
    secret = "k7#Qz9!vR2@pL5$wX8^mN3&bT6*yH1(dF4)gJ0-sA_cE+uI=oK" * 2
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    env_file = tmp_path / "env"
    env_file.write_text(
        "\n".join(
            f"SECRET_KEY={secret}" if line.startswith("SECRET_KEY=") else line for line in lines
        ),
        encoding="utf-8",
    )
    env = {"PATH": os.environ["PATH"], "LIENHIEP_ENV": str(env_file)}
    code = "from django.conf import settings as s; print(s.DEFAULT_FROM_EMAIL, '|', s.SECRET_KEY == %r)"
    shown = subprocess.run(
        [str(ROOT / "deploy" / "manage.sh"), "shell", "-c", code % secret],
        env=env,
        capture_output=True,
        text=True,
    )
    assert shown.stdout.strip().splitlines()[-1] == (
        "Liên hiệp hội tỉnh <lienhiep@example.vn> | True"
    ), shown.stderr
    checked = subprocess.run(
        [str(ROOT / "deploy" / "manage.sh"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == "System check identified no issues (1 silenced)."
