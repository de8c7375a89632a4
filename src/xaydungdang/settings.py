"""Django settings. The database is chosen by DATABASE_URL (default: SQLite in var/)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(os.environ.get("XDD_HOME", Path(__file__).resolve().parents[2]))
VAR_DIR = PROJECT_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("XDD_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("XDD_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", *os.environ.get("XDD_HOSTS", "").split()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",  # its own copy of htmx, served as a static file (no CDN)
    "xaydungdang.core",
    "xaydungdang.ui",
    "xaydungdang.org",
    "xaydungdang.people",
    "xaydungdang.cadres",
    "xaydungdang.planning",
    "xaydungdang.training",
    "xaydungdang.grading",
    "xaydungdang.appointments",
    "xaydungdang.staffing",
    "xaydungdang.members",
    "xaydungdang.directives",
    "xaydungdang.programs",
    "xaydungdang.ingest",
    "xaydungdang.site",
    "xaydungdang.demo",
    "django.forms",  # last: the kit's widget templates (ui) come first
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "xaydungdang.core.middleware.RequestIdMiddleware",
    "xaydungdang.core.middleware.ContentSecurityPolicyMiddleware",
    "xaydungdang.core.uploads.UploadCapMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "xaydungdang.core.middleware.AccessDeniedAs404Middleware",
]

ROOT_URLCONF = "xaydungdang.site.urls"
WSGI_APPLICATION = "xaydungdang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "xaydungdang.ui.context_processors.menu",
            ],
            "builtins": ["xaydungdang.ui.templatetags.vn"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'xaydungdang.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]

XDD_JOBS_INLINE = os.environ.get("XDD_JOBS_INLINE", "0") == "1"  # run jobs in the request
XDD_JOB_HEARTBEAT_SECONDS = 10  # a running job touches its row this often
XDD_JOB_STALE_SECONDS = 120  # a job silent this long lost its process: it is marked failed
MEDIA_ROOT = VAR_DIR / "media"  # attachments; served only through views that check access
# Uploads: a file above 2.5 MB goes to a temporary file, not memory; form data without files is
# at most 5 MB; each kind of upload has its cap, checked before the file is read (core.uploads).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
XDD_UPLOAD_LIMITS = {
    "article": 10 * 1024 * 1024,
    "members": 200 * 1024 * 1024,
    "tasks": 5 * 1024 * 1024,
    "attachment": 20 * 1024 * 1024,
}

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
