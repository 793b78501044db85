"""One settings module, driven by environment variables.

Local use needs no variable at all (SQLite in var/, mail written to var/mail/). Production sets
PRODUCTION=1, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; README.md lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RIAL_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(int(default))).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = envbool("PRODUCTION", False)
DEBUG = envbool("DEBUG", not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PRODUCTION=1.")
    # Only for local use: production refuses to start without its own key (above).
    SECRET_KEY = "local-development-key-not-for-production-" + "x" * 20  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that the admin shows every language.
    "modeltranslation",
    "rial.core.apps.RialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    # The platform's own apps, each after the apps it imports (the layers in pyproject.toml; `make layers` checks them).
    "rial.core",
    "rial.directory",
    "rial.accounts",
    "rial.notifications",
    "rial.topics",
    "rial.conference",
    "rial.meetings",
    "rial.portfolio",
    "rial.library",
    "rial.fund",
    "rial.cooperation",
    "rial.events",
    "rial.agreements",
    "rial.forums",
    "rial.newsletter",
    "rial.search",
    "rial.portal",
]

MIDDLEWARE = [
    # First: a stored anonymous page is answered before anything else runs (rial/core/pagecache.py).
    "rial.core.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "rial.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before anything reads a request body (the CSRF check does): oversized and anonymous uploads refused.
    "rial.core.middleware.RequestBodyLimitMiddleware",
    # Before the CSRF check, which would answer an unknown method on an API address with an HTML page.
    "rial.core.middleware.ApiMethodMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "rial.accounts.middleware.SecretariatTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rial.urls"
WSGI_APPLICATION = "rial.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rial.accounts.context_processors.roles",
                "rial.notifications.context_processors.unread",
            ],
        },
    },
]

# --- Database: SQLite in var/ by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'rial.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each server thread keeps its connection (DB_CONN_MAX_AGE, as for other engines): a connection opened
    # for every request started with SQLite's page cache empty and read the pages it needed again from the
    # file, about 4 ms of each request's CPU at a hundred times today's records (docs/performance.md).
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at the
        # start of a transaction, so two writers queue instead of failing half-way.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME", "")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A connection pool per process (psycopg_pool): a thread borrows a connection for one request and
    # gives it back, so a process never holds more than DB_POOL_MAX_SIZE connections however many threads
    # it serves, and idle ones are closed after DB_POOL_MAX_IDLE seconds. Persistent per-thread
    # connections (CONN_MAX_AGE) cannot be combined with a pool and would grow with the thread count.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A pooled connection is checked before a request gets it: after the server restarted or failed over,
    # the pool's old connections are broken, and without the check each would fail one request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = envbool("DB_CONN_HEALTH_CHECKS", True)
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": envint("DB_POOL_MIN_SIZE", 1),
        "max_size": envint("DB_POOL_MAX_SIZE", 8),
        # A request that finds every connection busy waits this long, then fails (a 503, not a pile-up).
        "timeout": envint("DB_POOL_TIMEOUT", 10),
        "max_idle": envint("DB_POOL_MAX_IDLE", 60),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: per-process memory by default; Redis when REDIS_URL is set (several app servers).
# The anonymous page cache (rial/core/pagecache.py) keeps pages in "pages" and the token that every committed
# write replaces in "page_generation": both in Redis when it is set; otherwise the pages in each process's
# memory and the token in a file (RIAL_PAGE_GENERATION_FILE), so that every process of the machine sees a
# change at once.
if os.environ.get("REDIS_URL"):
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"],
                      "KEY_PREFIX": prefix}
              for alias, prefix in (("default", ""), ("pages", "pages"), ("page_generation", "pages"))}
else:
    CACHES = {
        # Values kept until the next write (rial/core/derived.py: list rows, page parts, desks, counts) are many
        # small entries: Django's default of 300 would cull them as soon as readers page through a list.
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                    "OPTIONS": {"MAX_ENTRIES": envint("RIAL_KEPT_ENTRIES", 2000)}},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                  "OPTIONS": {"MAX_ENTRIES": envint("RIAL_PAGE_CACHE_ENTRIES", 2000)}},
    }
    RIAL_PAGE_GENERATION_FILE = os.environ.get("RIAL_PAGE_GENERATION_FILE", str(VAR_DIR / "page-cache-generation"))
# Off with DEBUG by default: a template edited during development shows at once.
RIAL_PAGE_CACHE = envbool("RIAL_PAGE_CACHE", not DEBUG)
RIAL_PAGE_CACHE_SECONDS = envint("RIAL_PAGE_CACHE_SECONDS", 300)

# --- Background work: the tasks API (django-tasks), queued in the database by default so that
# nothing else has to run; `python manage.py task_worker` works the queue (django-tasks-db's db_worker
# with a heartbeat: rial/core/worker.py).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# /healthz reports the worker as stalled when a due task has waited longer than this (seconds).
RIAL_WORKER_MAX_DELAY = envint("RIAL_WORKER_MAX_DELAY", 300)
# Every worker renews its heartbeat row this often (seconds). A worker whose row is older than
# RIAL_WORKER_STALE is dead: /healthz says stalled when no worker is alive, and the tasks it left running
# are queued again (at once when a worker restarts on the same machine and the old process is gone).
RIAL_WORKER_HEARTBEAT = envint("RIAL_WORKER_HEARTBEAT", 10)
RIAL_WORKER_STALE = envint("RIAL_WORKER_STALE", 60)

# --- Accounts, login, permissions
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "rial.accounts.backends.ModelBackend",  # Django's, with each person's permissions kept (its docstring)
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:desk"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: a locked account opens again after 15 minutes
# Locked: one account from one client address. The address is the client's, not the proxy's (below).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "rial.core.client_ip.client_ip"
# How many proxies of our own stand in front of the application (nginx: 1); each appends the address it
# received from to RIAL_CLIENT_IP_HEADER. 0: the header is ignored (anyone could write it).
RIAL_TRUSTED_PROXIES = envint("RIAL_TRUSTED_PROXIES", 0)
RIAL_CLIENT_IP_HEADER = os.environ.get("RIAL_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
# An account with this many failures from any addresses within the cool-off time is slowed, not locked:
# each further attempt waits, doubling up to the maximum (rial/core/login_throttle.py).
RIAL_LOGIN_ACCOUNT_LIMIT = envint("RIAL_LOGIN_ACCOUNT_LIMIT", 20)
RIAL_LOGIN_SLOWDOWN_MAX_SECONDS = envint("RIAL_LOGIN_SLOWDOWN_MAX_SECONDS", 3)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The Secretariat can do everything, so its accounts must use a second factor (TOTP).
RIAL_SECRETARIAT_REQUIRES_2FA = envbool("RIAL_SECRETARIAT_REQUIRES_2FA", True)
OTP_TOTP_ISSUER = "RIAL"
# The longest lifetime of an API token; its creator may choose a shorter one.
RIAL_API_TOKEN_DAYS = envint("RIAL_API_TOKEN_DAYS", 365)
# The function that turns an API bearer token into a user (rial.core.api_auth calls it; core stays below accounts).
RIAL_API_BEARER_CHECK = "rial.accounts.api_auth.check_token"

# --- Languages: English and Spanish complete, Portuguese and French started.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("pt", _("Portuguese")), ("fr", _("French"))]
USE_I18N = True
# Our own number formats where a language's readers write numbers differently from Django's default.
FORMAT_MODULE_PATH = ["rial.core.formats"]
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")  # the OAS headquarters' time zone
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A record written in one language only shows that language everywhere else (its original).
MODELTRANSLATION_FALLBACK_LANGUAGES = tuple(code for code, _name in LANGUAGES)

# --- Static and uploaded files
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
RIAL_MAX_UPLOAD_BYTES = envint("RIAL_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
# Bounds on reading an uploaded file (rial/core/files.py): what an Office archive may expand to, how
# many times its size, how many members it may hold; how long and how much memory parsing one may take.
RIAL_MAX_UNCOMPRESSED_BYTES = envint("RIAL_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)
RIAL_MAX_COMPRESSION_RATIO = envint("RIAL_MAX_COMPRESSION_RATIO", 100)
RIAL_MAX_ARCHIVE_MEMBERS = envint("RIAL_MAX_ARCHIVE_MEMBERS", 5000)
RIAL_PARSE_MAX_SECONDS = envint("RIAL_PARSE_MAX_SECONDS", 120)
RIAL_PARSE_MAX_MEMORY_MB = envint("RIAL_PARSE_MAX_MEMORY_MB", 1024)
# A visitor who is not signed in (and sends no API token) sends forms, never files: a body above this
# is refused before it is read (rial/core/middleware.py).
RIAL_ANONYMOUS_MAX_BODY_BYTES = envint("RIAL_ANONYMOUS_MAX_BODY_BYTES", 256 * 1024)

# --- Email: SMTP when EMAIL_HOST is set; locally every message is written to var/mail/.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "RIAL <no-reply@rial.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people write to the Technical Secretariat (accessibility statement, reports of missing records).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "secretariat@rial.localhost")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- Newsletter (rial/newsletter): how long a confirmation link works; how often and how far apart a
# temporary SMTP failure (4xx) is tried again; after how long a message that a sender started and never
# finished (the process was killed) counts as interrupted.
RIAL_NEWSLETTER_CONFIRM_DAYS = envint("RIAL_NEWSLETTER_CONFIRM_DAYS", 7)
RIAL_NEWSLETTER_MAX_ATTEMPTS = envint("RIAL_NEWSLETTER_MAX_ATTEMPTS", 5)
RIAL_NEWSLETTER_RETRY_SECONDS = envint("RIAL_NEWSLETTER_RETRY_SECONDS", 60)
RIAL_NEWSLETTER_STALE_SECONDS = envint("RIAL_NEWSLETTER_STALE_SECONDS", 600)

# --- Security: strict in production (manage.py check --deploy passes with no warning).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): only the platform's own scripts, styles and images; no inline
# script or style (a script that must be inline carries the request's nonce: {{ request.csp_nonce }}),
# no plugins, no framing. The email preview sets its own stricter policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if PRODUCTION else {}),
    },
}
# Browser features the platform never uses are switched off for it and anything it might embed.
PERMISSIONS_POLICY = ("accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
                      "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()")
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Logs: standard output, one JSON object per line in production (LOG_FORMAT=text for plain lines);
# the service manager or the log collector keeps them. Errors (a 500's traceback) also go by email to
# ADMINS ("Name <address>, other@address"; none by default) when DEBUG is off.
ADMINS = [(address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
          for address in envlist("ADMINS", "")]
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "rial.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                    "formatter": os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text")},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR",
                        "filters": ["require_debug_false"]},
    },
    "loggers": {
        "rial": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
        "django": {"handlers": ["console", "mail_admins"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
                   "propagate": False},
        "django_tasks": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
# Without a maximum, ?limit=100000 returns a whole table in one response. django-ninja refuses a larger
# limit with a 422 that names the maximum (and shows it in the OpenAPI document); page with ?offset=.
NINJA_PAGINATION_MAX_LIMIT = 200
# The same, with ?offset= bounded too (a 422, not a database error, for an offset no list reaches).
NINJA_PAGINATION_CLASS = "rial.core.pagination.BoundedLimitOffsetPagination"
