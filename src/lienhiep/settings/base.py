"""lienhiep settings, read from environment variables (see .env.example)."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .env import cache_from_url, database_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src" / "lienhiep"

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", default="insecure-dev-key" if DEBUG else None)
#: The operator's host names; a hosted union's host name (its ``Site``) is served besides them
#: without a restart: ``core.hosts.HostsMiddleware`` checks both, so Django's check passes all.
SERVED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "lienhiep.core",
    "lienhiep.directory",
    "lienhiep.privacy",
    "lienhiep.plans",
    "lienhiep.activities",
    "lienhiep.consulting",
    "lienhiep.honours",
    "lienhiep.community",
    "lienhiep.contests",
    "lienhiep.reports",
    "lienhiep.website",
    "lienhiep.onboarding",
    "lienhiep.api",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "lienhiep.core.hosts.HostsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lienhiep.core.csp.PolicyMiddleware",
    "lienhiep.website.caching.PageCacheMiddleware",
    "lienhiep.core.memo.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lienhiep.onboarding.views.FirstRunMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "lienhiep.directory.backends.ModelBackend",
]

ROOT_URLCONF = "lienhiep.urls"
WSGI_APPLICATION = "lienhiep.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lienhiep.website.context_processors.site_menu",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", default="sqlite:///var/lienhiep.sqlite3"), BASE_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second: every visitor gets Vietnamese whatever their browser asks
# (no LocaleMiddleware); a staff member may choose English in their admin account preferences.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Our catalogue first, then the completion of Wagtail's: both take precedence over Wagtail's own.
LOCALE_PATHS = [SRC_DIR / "locale", SRC_DIR / "core" / "wagtail_locale"]
FORMAT_MODULE_PATH = ["lienhiep.core.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
#: a private folder (never served) keeping the files of a public entry sent with a mistake
ENTRY_DRAFTS_ROOT = Path(
    env_str("ENTRY_DRAFTS_ROOT", default=str(BASE_DIR / "var" / "entry-drafts"))
)
# Private files (dossiers, opinions, attachments, entries' and reports' files) live under
# MEDIA_ROOT/private/ and are served through lienhiep.core.private.serve at this address; behind
# nginx set PRIVATE_FILES_ACCEL=/protected/ (an internal location aliased to MEDIA_ROOT/private/)
# and nginx sends the file once lienhiep has allowed it (X-Accel-Redirect).
PRIVATE_MEDIA_URL = "/tep/"
PRIVATE_FILES_ACCEL = env_str("PRIVATE_FILES_ACCEL", default="")

STORAGE_BACKEND = env_str("STORAGE_BACKEND", default="filesystem")
if STORAGE_BACKEND == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_BACKEND == "s3":
    from importlib.util import find_spec

    if find_spec("storages") is None or find_spec("boto3") is None:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            'STORAGE_BACKEND=s3 needs django-storages: .venv/bin/pip install "django-storages[s3]"'
        )
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL"),
            "access_key": env_str("S3_ACCESS_KEY"),
            "secret_key": env_str("S3_SECRET_KEY"),
        },
    }
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"STORAGE_BACKEND={STORAGE_BACKEND!r}: use filesystem or s3.")
STORAGES = {
    "default": _default_storage,
    "private": {"BACKEND": "lienhiep.core.private.PrivateStorage"},
    "staticfiles": {"BACKEND": "lienhiep.core.staticfiles.StaticStorage"},  # URLs kept per process
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="lienhiep <no-reply@localhost>")

TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Pages are cached for anonymous visitors, and the rate limits (public forms, logins) count in
# the same cache, so every app process must share it: in production Redis
# (CACHE_URL=redis://127.0.0.1:6379/1), without Redis the database cache (CACHE_URL=db://table
# after `manage.py createcachetable`). CACHE_BACKEND/CACHE_LOCATION name any other backend; the
# default keeps it in the process (one process only).
if os.environ.get("CACHE_URL"):
    _default_cache = cache_from_url(env_str("CACHE_URL"))
else:
    _default_cache = {
        "BACKEND": env_str(
            "CACHE_BACKEND", default="django.core.cache.backends.locmem.LocMemCache"
        ),
        "LOCATION": env_str("CACHE_LOCATION", default="lienhiep"),
    }
# Several sites sharing one Redis keep apart by a prefix (CACHE_KEY_PREFIX, empty by default).
_default_cache["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", default="")
CACHES = {"default": _default_cache}
IN_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}

# Sessions are read from the shared cache, written through to the database (every admin
# request read its session with a query); with a cache of one process from the database alone:
# a login ended in one process would stay open in another's cache.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHES["default"]["BACKEND"] not in IN_PROCESS_CACHES
    else "django.contrib.sessions.backends.db"
)

# The dashboard's figures and panels are kept in the cache until a counted record changes
# (lienhiep.core.generation): only in a cache every process shares, where a change made by
# another process (a worker, a management command) reaches them.
LIENHIEP_KEEP_FIGURES = CACHES["default"]["BACKEND"] not in IN_PROCESS_CACHES

# Requests per API token (anonymous visitors: per address), e.g. "600/m"; counted in the cache.
API_RATE = env_str("API_RATE", default="600/m")

WAGTAIL_SITE_NAME = env_str("SITE_NAME", default="Liên hiệp các Hội Khoa học và Kỹ thuật")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Nothing is fetched from outside the site: initials instead of Gravatar, no "what's new" banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

# Paths the public page cache never looks at.
LIENHIEP_UNCACHED_PREFIXES = [
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/tim-kiem/",
    "/tin-tuc/rss/",
    "/cuoc-thi/",
    "/api/",  # answers vary by token and carry their own ETag
]

# Demo and organisation defaults.

# Public forms (contest entries): attempts allowed per visitor address and period (seconds).
LIENHIEP_PUBLIC_FORM_RATE = (env_int("PUBLIC_FORM_RATE", default=10), 3600)
# Excel imports run in the request: a workbook above this many rows is refused at once (1.000
# activities took 17 s to check and save on a loaded 2-core machine; gunicorn stops at 30 s).
LIENHIEP_IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", default=1000)
# A report being generated that has not progressed for this many minutes is shown as stopped and
# may be generated again (the worker died with it).
LIENHIEP_REPORT_STALE_MINUTES = env_int("REPORT_STALE_MINUTES", default=10)
# How many reverse proxies stand in front of the app (each appends to X-Forwarded-For).
LIENHIEP_TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", default=0)

# HTTPS: production defaults are safe (redirect to HTTPS, HSTS for a year, secure cookies);
# behind a proxy (TRUSTED_PROXIES) the scheme is read from its X-Forwarded-Proto header.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Asking browsers' preload lists to pin the domain is the operator's decision, hence off and the
# check that recommends it silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if env_bool("SECURE_PROXY_SSL_HEADER", default=LIENHIEP_TRUSTED_PROXIES > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
_secure_cookies = env_bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=_secure_cookies)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=_secure_cookies)

# Content-Security-Policy (lienhiep/core/csp.py): scripts, styles, fonts and frames from the site
# itself only, no inline script or style; images also as data: and blob: URLs (Wagtail's image
# previews). The admin's screens past the login page add what Wagtail's widgets still need.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
LIENHIEP_ADMIN_CSP_ALLOWANCES = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}

# Logins (the Wagtail admin's included) are throttled per address and per username: after
# LOGIN_FAILURE_LIMIT failures either is refused for LOGIN_COOLOFF_MINUTES. Attempts are counted
# in the shared cache; with an in-process cache (one process) in the database instead. A staff
# member unlocks with `manage.py axes_reset_username NAME` (or axes_reset_ip ADDRESS).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "lienhiep.contests.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "lienhiep.core.lockout.locked_out"
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if CACHES["default"]["BACKEND"] not in IN_PROCESS_CACHES
    else "axes.handlers.database.AxesDatabaseHandler"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="WARNING")},
}
