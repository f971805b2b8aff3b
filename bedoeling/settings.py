"""Settings for Bedoeling.

Every value comes from an environment variable; each one is listed in `.env.example` and in the
README's configuration table. Without any variable set the app runs in its embedded default:
a SQLite file in the project folder and Celery tasks executed in-process.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def _local_secret_key() -> str:
    """A random key kept in var/secret_key, so the embedded default needs no configuration."""
    path = BASE_DIR / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# Debug pages and demo data. Never on in production.
DEBUG = env_bool("DJANGO_DEBUG", False)

# Signs sessions and tokens. Unset: a random key stored in var/secret_key (embedded default).
SECRET_KEY = env("DJANGO_SECRET_KEY") or _local_secret_key()

# Host names this site answers to, comma-separated.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# The address people use to reach the app; used for links in e-mails.
BASE_URL = env("BEDOELING_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# The link to the zaak a case came from (see cases/zaak.py). BEDOELING_ZAAK_LINK is the address of
# a zaak in the zaaksysteem, with {identification} (and/or {uuid} for ZGW Zaken API addresses);
# BEDOELING_ZAAK_HOSTS lists the Zaken API hosts a stored address may point to (empty: any).
BEDOELING_ZAAK_LINK = env("BEDOELING_ZAAK_LINK", "")
BEDOELING_ZAAK_HOSTS = env("BEDOELING_ZAAK_HOSTS", "")

# Origins trusted for CSRF behind a proxy, e.g. https://bedoeling.example.nl
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "organisations",
    "sso",
    "bedoeling.apps.SiteConfig",
    "cases",
    "deliberations",
    "digests",
    # Not "rest_framework": its Dutch catalogue would win over Django's for the forms' messages
    # ("Dit veld is vereist."); the API writes its own messages (api/problems.py).
    "drf_spectacular",
    "api",
]

MIDDLEWARE = [
    # /healthz answers before the host check: the container probe calls 127.0.0.1.
    "bedoeling.health.HealthzMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "bedoeling.middleware.privacy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bedoeling.errors.BadInputMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bedoeling.middleware.SessionAndAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bedoeling.urls"
WSGI_APPLICATION = "bedoeling.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bedoeling.context_processors.navigation",
                "bedoeling.context_processors.session_timeout",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:password@host:5432/name) or, unset, a SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "sso.backends.LocalPasswordBackend",
    "sso.backends.OidcBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A session ends after this many minutes without a request; the page warns
# BEDOELING_SESSION_WARNING_SECONDS before and offers to extend it (bedoeling/middleware.py).
BEDOELING_SESSION_IDLE_SECONDS = env_int("BEDOELING_SESSION_IDLE_MINUTES", 30) * 60
BEDOELING_SESSION_WARNING_SECONDS = 60

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on with OpenID Connect (sso/, README "Integrations"). Off while OIDC_RP_CLIENT_ID
# is empty: then only the app's own passwords. The provider's endpoints come from
# OIDC_OP_DISCOVERY (its /.well-known/openid-configuration) or are set one by one.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
OIDC_OP_DISCOVERY = env("OIDC_OP_DISCOVERY")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
# The algorithm the provider signs ID tokens with (RS256 for Entra ID, Keycloak and ADFS).
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
# The claim with the person's groups; Django admin maps its values to teams and roles.
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", "groups")
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
# Passwords of this app: "all", or "break-glass-only" (with single sign-on on): then only the
# accounts in BEDOELING_BREAK_GLASS_USERS (comma-separated usernames) may log in with one.
BEDOELING_LOCAL_LOGIN = env("BEDOELING_LOCAL_LOGIN", "all")
if BEDOELING_LOCAL_LOGIN not in {"all", "break-glass-only"}:
    raise ImproperlyConfigured("BEDOELING_LOCAL_LOGIN must be all or break-glass-only")
if BEDOELING_LOCAL_LOGIN == "break-glass-only" and not OIDC_RP_CLIENT_ID:
    raise ImproperlyConfigured("BEDOELING_LOCAL_LOGIN=break-glass-only needs OIDC_RP_CLIENT_ID")
BEDOELING_BREAK_GLASS_USERS = env_list("BEDOELING_BREAK_GLASS_USERS", "")

# Failed logins (bedoeling/login.py). After AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked for AXES_COOLOFF_MINUTES minutes: the same
# person can still log in from another address, and nobody can lock a colleague out everywhere.
# After BEDOELING_ADDRESS_FAILURE_LIMIT failures from one address, over any usernames, that
# address is refused for the same cool-off.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
BEDOELING_ADDRESS_FAILURE_LIMIT = env_int("BEDOELING_ADDRESS_FAILURE_LIMIT", 30)
AXES_HANDLER = "bedoeling.login.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "organisations.audit.client_address"
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "bedoeling.views.locked_out"
AXES_RESET_ON_SUCCESS = True

# The person's address (for the lockout and the audit log). Unset: REMOTE_ADDR only, so a
# forged X-Forwarded-For is ignored. Behind your own reverse proxies, name the header they set
# (e.g. X-Forwarded-For) and how many of them a request passes through.
BEDOELING_TRUSTED_PROXY_HEADER = env("BEDOELING_TRUSTED_PROXY_HEADER")
BEDOELING_TRUSTED_PROXIES = env_int("BEDOELING_TRUSTED_PROXIES", 1)

# Language and time.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

# Static files, served by whitenoise.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail: SMTP through EMAIL_HOST; with DJANGO_DEBUG on, printed to the console instead.
EMAIL_BACKEND_PATH = env(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
SMTP_OPTIONS = {
    "host": env("EMAIL_HOST", "localhost"),
    "port": env_int("EMAIL_PORT", 25),
    "username": env("EMAIL_HOST_USER"),
    "password": env("EMAIL_HOST_PASSWORD"),
    "use_tls": env_bool("EMAIL_USE_TLS", False),
    "timeout": env_int("EMAIL_TIMEOUT", 10),
}
# The file backend (django.core.mail.backends.filebased.EmailBackend) writes each mail as a
# file into EMAIL_FILE_PATH: for a test installation without a mail server.
MAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
# Each backend gets only the options it takes: Django 6.1 refuses others (InvalidMailer).
MAILER_OPTIONS = {
    "django.core.mail.backends.smtp.EmailBackend": SMTP_OPTIONS,
    "django.core.mail.backends.filebased.EmailBackend": {"file_path": MAIL_FILE_PATH},
}
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": MAILER_OPTIONS.get(EMAIL_BACKEND_PATH, {}),
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Bedoeling <noreply@bedoeling.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. CELERY_BROKER_URL set (redis://host:6379/0): tasks go to the broker and a worker.
# Unset: tasks run in-process, so the app works with nothing but Python.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Every task is acknowledged after it ran and requeued when its worker dies (acks_late and
# reject_on_worker_lost on the project's task class, bedoeling.celery.OnceTask, whose tasks run
# at most once per outbox row). A task is stopped after CELERY_TASK_TIME_LIMIT seconds; a message
# taken by a worker that died outright goes to another worker after CELERY_VISIBILITY_TIMEOUT
# seconds, which must be longer than the longest task, or a slow task would run twice.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 120)
CELERY_TASK_SOFT_TIME_LIMIT = max(CELERY_TASK_TIME_LIMIT * 9 // 10, 1)  # time to record why
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 170)
# The two nightly jobs over all cases (rebuilding the similarity index, proposing rode draden)
# take minutes at 100,000 cases, so they have their own, longer limit. They may outlive the
# visibility timeout: a second delivery of the same outbox row then waits on the row's lock
# (bedoeling.celery.OnceTask) and does nothing once the first has finished.
BEDOELING_LONG_TASK_SECONDS = env_int("BEDOELING_LONG_TASK_SECONDS", 1800)
if CELERY_VISIBILITY_TIMEOUT <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must be longer than CELERY_TASK_TIME_LIMIT"
    )
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Look for messages of dead workers every few seconds, not every 100 (kombu's default).
    "unacked_restore_interval": env_int("CELERY_RESTORE_INTERVAL", 5),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# The outbox (organisations/outbox.py): beat runs the relay every OUTBOX_RELAY_SECONDS; a row
# handed on but not done after OUTBOX_REDELIVER_AFTER_SECONDS (a message the broker lost) is
# handed on again.
OUTBOX_RELAY_SECONDS = env_int("OUTBOX_RELAY_SECONDS", 5)
OUTBOX_REDELIVER_AFTER_SECONDS = env_int(
    "OUTBOX_REDELIVER_AFTER_SECONDS", 2 * CELERY_VISIBILITY_TIMEOUT
)
# Fault drills only: every digest build first waits this many seconds.
DIGEST_BUILD_DRILL_SECONDS = env_int("BEDOELING_DIGEST_BUILD_DRILL_SECONDS", 0)
CELERY_BEAT_SCHEDULE = {
    "relay-outbox": {
        "task": "organisations.tasks.relay_outbox",
        "schedule": OUTBOX_RELAY_SECONDS,
        "options": {"expires": OUTBOX_RELAY_SECONDS * 2},
    },
}
# Recurring jobs. The relay compares each with the last time it ran (organisations.ScheduledRun),
# so a job that fell due while the broker or beat was down runs as soon as they are back.
BEDOELING_SCHEDULE = {
    "daily-follow-up-reminders": {
        "task": "deliberations.tasks.send_daily_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "weekly-digests": {
        "task": "digests.tasks.build_weekly_digests",
        "schedule": crontab(day_of_week="mon", hour=6, minute=0),
    },
    # Retention (Archiefwet, AVG): anonymise cases past their retention period, every night,
    # before the similarity index is rebuilt from what is left.
    "anonymise-expired-cases": {
        "task": "cases.tasks.anonymise_expired_cases",
        "schedule": crontab(hour=2, minute=0),
    },
    "nightly-similarity-index": {
        "task": "cases.tasks.rebuild_similarity_index",
        "schedule": crontab(hour=2, minute=30),
    },
    "nightly-thread-proposals": {
        "task": "digests.tasks.propose_threads_task",
        "schedule": crontab(hour=3, minute=0),
    },
    "clear-expired-sessions": {
        "task": "bedoeling.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60,
    },
}

# Security. Behind a TLS-terminating proxy set DJANGO_SECURE_PROXY_SSL_HEADER=true so Django
# trusts X-Forwarded-Proto; DJANGO_SECURE_SSL_REDIRECT=false when the proxy redirects itself.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"  # like the session cookie; no script reads it
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# Browser features no page needs, denied on every response (bedoeling.middleware). Pages for a
# signed-in person also get Cache-Control: no-store: every one of them may show case content.
PERMISSIONS_POLICY = (
    "accelerometer=(), ambient-light-sensor=(), autoplay=(), battery=(), camera=(), "
    "display-capture=(), document-domain=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
    "screen-wake-lock=(), serial=(), usb=(), web-share=(), xr-spatial-tracking=()"
)

# The read-only API for the organisation's own reporting (/api/v1/, see api/). Applications
# authenticate with a token an administrator creates in Django admin. BEDOELING_API_RATE limits
# the calls per token ("600/min"; empty: no limit).
BEDOELING_API_RATE = env("BEDOELING_API_RATE", "600/min")
# Who answers questions about the API, in its OpenAPI document (API Design Rules: contact).
BEDOELING_API_CONTACT_NAME = env("BEDOELING_API_CONTACT_NAME", "Application management")
BEDOELING_API_CONTACT_EMAIL = env("BEDOELING_API_CONTACT_EMAIL", "api@bedoeling.local")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bedoeling API",
    "DESCRIPTION": (
        "Read-only figures for the organisation's own reporting: digests, rules with their "
        "register figures, signals and decisions. Ids, counts, dates and taxonomy names only; "
        "no personal data and no free text."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_problems_and_version",
    ],
    "LICENSE": {"name": "EUPL-1.2"},
    "ENUM_NAME_OVERRIDES": {"SignalStateEnum": "digests.models.Signal.State"},
}

# Logging. The console log is plain text; the audit log (organisations/audit.py: logins,
# refused access, decisions, corrections, escalations, signal moves, exports, digest builds)
# is one JSON object per line on standard output, to be collected apart by its "what" key, or
# into the file BEDOELING_AUDIT_LOG_FILE when set.
AUDIT_LOG_FILE = env("BEDOELING_AUDIT_LOG_FILE")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "organisations.audit.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "audit": (
            {"class": "logging.FileHandler", "filename": AUDIT_LOG_FILE, "formatter": "json"}
            if AUDIT_LOG_FILE
            else {"class": "logging.StreamHandler", "formatter": "json"}
        ),
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "bedoeling.audit": {"handlers": ["audit"], "level": "INFO", "propagate": False},
    },
}
