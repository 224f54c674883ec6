"""Settings for 职业教育质量年度报告. Everything that differs between machines comes from the
environment (see README, "Configuration"); config/settings_test.py overrides a little for tests.

Two modes:
- local (DATABASE_URL unset): a private PostgreSQL under var/ is started on demand,
  DEBUG defaults to on and a development SECRET_KEY is used;
- production (DATABASE_URL set): DEBUG defaults to off; SECRET_KEY and ALLOWED_HOSTS are required.
"""

import os
from pathlib import Path

from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_database, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

LOCAL_MODE = not os.environ.get("DATABASE_URL")

DEBUG = env_bool("DEBUG", default=LOCAL_MODE)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not LOCAL_MODE:
        raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL is set (production).")
    SECRET_KEY = "local-development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if LOCAL_MODE else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DATABASE_URL is set (production).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

if LOCAL_MODE:
    from config import localdb

    os.environ.setdefault("DJANGO_LOCAL_DATABASE_URL", localdb.ensure_running())
    os.environ["DATABASE_URL"] = os.environ["DJANGO_LOCAL_DATABASE_URL"]
    DATABASES = {"default": env_database("DATABASE_URL")}
    del os.environ["DATABASE_URL"]
else:
    DATABASES = {"default": env_database("DATABASE_URL")}
# An optional streaming replica of the same database for the bureau's read-only region pages
# (regions/replica.py); tests mirror it onto the default database.
if os.environ.get("REPLICA_DATABASE_URL"):
    DATABASES["replica"] = {**env_database("REPLICA_DATABASE_URL"), "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["regions.replica.ReplicaRouter"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "pgtrigger",
    "pghistory",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_prose_editor",
    "reporting",
    "metrics",
    "narrative",
    "exports",
    "setup",
    "publication",
    "review",
    "regions",
    "districtreport",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "reporting.middleware.idle_expiry",
    "reporting.middleware.chosen_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "publication.middleware.locked_year_refusal",
    "axes.middleware.AxesMiddleware",
    "regions.middleware.BureauReadOnly",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "reporting.context_processors.school",
            ],
        },
    },
]

AUTH_USER_MODEL = "reporting.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# One-time set-password links (学校设置 → 人员) are handed over in person: valid for 7 days.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 8)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Reverse proxies in front of the app (nginx = 1). 0: the client is REMOTE_ADDR and headers a
# client could forge (X-Forwarded-For, X-Forwarded-Proto) are ignored. N: the client address is
# the one the outermost of N proxies saw (django-axes locks username + that address), and
# X-Forwarded-Proto: https from the proxy marks the request secure.
TRUSTED_PROXY = env_int("TRUSTED_PROXY", 0)
if TRUSTED_PROXY < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY={TRUSTED_PROXY} must be 0 or a number of proxies.")
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # ipware counts the proxies named in X-Forwarded-For: the nearest proxy is REMOTE_ADDR.
    # A list of another length (a forged prefix) falls back to REMOTE_ADDR.
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env_path("STATIC_ROOT", BASE_DIR / "var" / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", BASE_DIR / "var" / "media")
# Behind nginx: the internal location that maps to MEDIA_ROOT (reporting/files.py); empty =
# Django streams the files itself.
MEDIA_ACCEL_PREFIX = env_str("MEDIA_ACCEL_PREFIX", "")
if MEDIA_ACCEL_PREFIX and not (
    MEDIA_ACCEL_PREFIX.startswith("/") and MEDIA_ACCEL_PREFIX.endswith("/")
):
    raise ImproperlyConfigured(
        f"MEDIA_ACCEL_PREFIX={MEDIA_ACCEL_PREFIX!r} must start and end with '/'."
    )
# Published editions (the locked year's signed PDF/Excel/Word): outside MEDIA_ROOT, handed out
# only by the access-checked download view. With PUBLISHED_ACCEL_PREFIX set (e.g.
# "/internal-published/", an nginx `internal` location aliasing PUBLISHED_ROOT) the view answers
# with X-Accel-Redirect and the proxy sends the bytes.
PUBLISHED_ROOT = env_path("PUBLISHED_ROOT", BASE_DIR / "var" / "published")
PUBLISHED_ACCEL_PREFIX = env_str("PUBLISHED_ACCEL_PREFIX", "") or ""
# S3-compatible object storage (MinIO, Ceph, 阿里云 OSS, 腾讯云 COS …) instead of the two local
# folders, so app processes and workers on several hosts share photos, exports and published
# editions: set OBJECT_STORAGE_BUCKET. Files are never linked from the bucket: every download
# still passes the access-checked views (reporting/object_storage.py).
OBJECT_STORAGE_BUCKET = env_str("OBJECT_STORAGE_BUCKET", "") or ""
if OBJECT_STORAGE_BUCKET and (MEDIA_ACCEL_PREFIX or PUBLISHED_ACCEL_PREFIX):
    raise ImproperlyConfigured(
        "MEDIA_ACCEL_PREFIX/PUBLISHED_ACCEL_PREFIX serve local folders: leave them empty with "
        "OBJECT_STORAGE_BUCKET."
    )


def _object_storage(location: str) -> dict:
    return {
        "BACKEND": "reporting.object_storage.PrivateObjectStorage",
        "OPTIONS": {
            "bucket_name": OBJECT_STORAGE_BUCKET,
            "location": location,
            "endpoint_url": env_str("OBJECT_STORAGE_ENDPOINT_URL", "") or None,
            "region_name": env_str("OBJECT_STORAGE_REGION", "") or None,
            "access_key": env_str("OBJECT_STORAGE_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("OBJECT_STORAGE_SECRET_ACCESS_KEY", "") or None,
        },
    }


def _local_storage(location: Path | None = None) -> dict:
    """A folder; without `location`, MEDIA_ROOT as it is when read (tests change it)."""
    backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {**backend, "OPTIONS": {"location": location}} if location else backend


STORAGES = {
    # Photos and exported files (MEDIA_ROOT); published editions, written once (PUBLISHED_ROOT).
    "default": _object_storage("media") if OBJECT_STORAGE_BUCKET else _local_storage(),
    "published": (
        _object_storage("published") if OBJECT_STORAGE_BUCKET else _local_storage(PUBLISHED_ROOT)
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Background jobs (exports) run in a separate worker process: `manage.py export_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_COOKIE_HTTPONLY = True
# Idle timeout: a session ends SESSION_IDLE_MINUTES after the user's last request (a request
# moves the expiry on, at most once a minute: reporting.middleware.idle_expiry), so a
# forgotten browser in a shared office does not stay logged in.
SESSION_COOKIE_AGE = 60 * env_int("SESSION_IDLE_MINUTES", 120)
if SESSION_COOKIE_AGE <= 0:
    raise ImproperlyConfigured("SESSION_IDLE_MINUTES must be a positive number of minutes.")
SESSION_REFRESH_SECONDS = 60
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not LOCAL_MODE:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

# Content-Security-Policy (django-csp): scripts and styles from this site only, no inline
# script (but the editor's import map, by nonce) or event handler (static/js/page-actions.js
# does what onclick/onsubmit did), nothing from a CDN, no framing. Inline *style attributes*
# stay allowed: the templates indent outline rows and size progress bars with them, and every
# stored text is sanitized without styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The nonce is used by one tag only: the prose editor's import map (csp_media.py).
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs every login at INFO; keep only its warnings (lockouts).
    "loggers": {"axes": {"level": "WARNING"}},
}

# Export queue housekeeping (exports/housekeeping.py, run by the worker and by
# `manage.py prune_exports`): draft files (of open years) are deleted after this many days;
# a running job without progress for this many minutes has lost its worker and is failed.
EXPORT_DRAFT_RETENTION_DAYS = env_int("EXPORT_DRAFT_RETENTION_DAYS", 7)
EXPORT_STALE_MINUTES = env_int("EXPORT_STALE_MINUTES", 15)
# `manage.py export_worker` raises its niceness by this much, so a render running beside the
# web processes on the same cores never slows the pages down (0 keeps the normal priority).
WORKER_NICE = env_int("WORKER_NICE", 10)
if not 0 <= WORKER_NICE <= 19:
    raise ImproperlyConfigured("WORKER_NICE must be between 0 and 19.")
