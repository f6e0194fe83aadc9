"""lienhiep settings, read from environment variables (see .env.example)."""

from pathlib import Path

from .env import database_from_url, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src" / "lienhiep"

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", default="insecure-dev-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "lienhiep.core",
    "lienhiep.directory",
    "lienhiep.plans",
    "lienhiep.activities",
    "lienhiep.consulting",
    "lienhiep.honours",
    "lienhiep.community",
    "lienhiep.contests",
    "lienhiep.reports",
    "lienhiep.website",
    "lienhiep.onboarding",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lienhiep.website.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lienhiep.onboarding.views.FirstRunMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
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
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
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

# Pages are cached for anonymous visitors. Several app processes must share one cache: use
# CACHE_BACKEND=django.core.cache.backends.db.DatabaseCache (after `manage.py createcachetable`)
# or a Redis cache in production; the default keeps it in the process.
CACHES = {
    "default": {
        "BACKEND": env_str(
            "CACHE_BACKEND", default="django.core.cache.backends.locmem.LocMemCache"
        ),
        "LOCATION": env_str("CACHE_LOCATION", default="lienhiep"),
    }
}

WAGTAIL_SITE_NAME = env_str("SITE_NAME", default="Liên hiệp các Hội Khoa học và Kỹ thuật")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
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
]

# Demo and organisation defaults.

# Public forms (contest entries): attempts allowed per visitor address and period (seconds).
LIENHIEP_PUBLIC_FORM_RATE = (env_int("PUBLIC_FORM_RATE", default=10), 3600)
# How many reverse proxies stand in front of the app (each appends to X-Forwarded-For).
LIENHIEP_TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", default=0)

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="WARNING")},
}
