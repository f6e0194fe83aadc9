"""Read settings from environment variables, failing loudly on bad values."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false).")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url, base_dir):
    """Turn ``sqlite:///var/db.sqlite3`` (``sqlite:////abs/path``) or ``postgres://user@host:5432/name`` into DATABASES."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///var/db.sqlite3 is relative to the project, sqlite:////srv/db.sqlite3 absolute
        path = Path(unquote(parsed.path[1:]) or "var/lienhiep.sqlite3")
        if not path.is_absolute():
            path = Path(base_dir) / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
            "TEST": {"NAME": str(Path(base_dir) / "var" / "test.sqlite3")},
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL={url!r}: use sqlite:///path or postgres://user:password@host:port/name."
    )


CACHE_SCHEMES = {
    "redis": "lienhiep.core.cache.RedisCache",
    "rediss": "lienhiep.core.cache.RedisCache",
    "db": "django.core.cache.backends.db.DatabaseCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}


def cache_from_url(url):
    """``redis://127.0.0.1:6379/1`` (Redis), ``db://lienhiep_cache`` (the database cache's
    table) or ``locmem://name`` (one process only) as one entry of CACHES."""
    scheme = urlparse(url).scheme
    if scheme not in CACHE_SCHEMES:
        raise ImproperlyConfigured(
            f"CACHE_URL={url!r}: use redis://host:6379/1, db://table or locmem://name."
        )
    location = url if scheme.startswith("redis") else url.split("://", 1)[1]
    return {"BACKEND": CACHE_SCHEMES[scheme], "LOCATION": location or "lienhiep"}
