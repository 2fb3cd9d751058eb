"""Settings shared by every environment: safe for production, everything read from the environment.

`dev`, `test` and `production` build on this module. Every environment variable read here is
listed in the README's configuration table.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url

from .environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "stories",
    "knowledge",
    "events",
    "engagement",
    "search",
    "demo",
    "localization",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # Anonymous visitors are answered from the shared page store before anything below runs
    # (no session, no query, no template); it also sets every response's caching headers, so
    # it must see the response after every other layer has finished with it (the stored
    # headers are then the security headers too). In production pagecache.front answers the
    # hits even before Django's handler (cms/wsgi.py).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compressed HTML and JSON for slow connections (static files come precompressed from
    # WhiteNoise above, so they are not compressed twice). BREACH: Django masks the CSRF token
    # anew in every response and pads gzip output with random bytes (Django 4.2+), and public
    # pages carry no secret; a proxy that compresses can take this over.
    "django.middleware.gzip.GZipMiddleware",
    # ETag from the uncompressed page (GZip above turns it weak), so it stays the same when the
    # page is rendered again with the same content: revalidation is then a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "localization.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.csp.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
INSTALLED_APPS.append("wagtail.contrib.redirects")
# Last, as django-axes asks: it turns a sign-in refused for lockout into the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Embedded default: a SQLite file in the project; DATABASE_URL=postgres://... switches to PostgreSQL
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at once, which the live-server tests rely on.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Languages. English is the source; the others are published as first-class sites under /<lang>/.
# To add a language, add it here, run `manage.py makemessages -l <code>` and translate the .po file.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("ar", "العربية"),
    ("id", "Bahasa Indonesia"),
    ("uk", "Українська"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Media on S3-compatible object storage (AWS S3, MinIO, Ceph ...) when MEDIA_S3_BUCKET is set, so
# any number of app servers share it; needs the "scale" extra. boto3 reads the credentials from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
MEDIA_ORIGIN = ""
if MEDIA_S3_BUCKET:
    MEDIA_S3_CUSTOM_DOMAIN = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", "")
    MEDIA_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": MEDIA_S3_CUSTOM_DOMAIN or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    # Where visitors' browsers fetch media from: the content policy must allow that host.
    if MEDIA_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{MEDIA_S3_CUSTOM_DOMAIN}"
    else:
        MEDIA_ORIGIN = MEDIA_S3_ENDPOINT_URL or f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"

# Caches. Every process of the site must see the same "default" (search labels, sign-in and
# form rate limits, Wagtail's site root paths) and "pages" (the anonymous page store), so that
# what one worker changes or purges reaches all: Redis with REDIS_URL (every app server),
# otherwise folders that all processes of one server share. "renditions" (image renditions,
# keyed by the image file's hash, so never stale) may stay in each process's memory. Only `make
# run` (one process, cms/settings/dev.py) and the tests keep everything in local memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "opencities",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "opencities-pages",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get(
                "CACHE_DIR", str(Path(tempfile.gettempdir()) / "opencities-cache")
            ),
            # Shared fragments and every listing's counts (one entry per combination of
            # filters): Django's default of 300 would cull the fragments every page reads.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "pages": {
            "BACKEND": "pagecache.files.PageFileCache",
            "LOCATION": os.environ.get(
                "PAGE_CACHE_DIR", str(Path(tempfile.gettempdir()) / "opencities-pages")
            ),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# Anonymous public pages: shared caches (and the page store) keep them PAGE_CACHE_SECONDS, since
# every change purges them; browsers, which nobody can purge, PAGE_BROWSER_CACHE_SECONDS.
# PAGE_CACHE_SECONDS=0 turns all of it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_BROWSER_CACHE_SECONDS = int(os.environ.get("PAGE_BROWSER_CACHE_SECONDS", "60"))
PAGE_CACHE_STALE_SECONDS = 60  # stale-while-revalidate: a shared cache answers while it refetches
PAGE_CACHE_STALE_IF_ERROR_SECONDS = 86400  # stale-if-error: the site stays up if the app is down
PAGE_CACHE_IN_APP = env_bool("PAGE_CACHE_IN_APP", True)
# A page's content and listing rendered once per version of the content (`{% page_fragment %}`),
# also when the page store is off: most of an uncached request's CPU.
PAGE_FRAGMENTS = env_bool("PAGE_FRAGMENTS", True)
# Never stored by the application (the API and documents are not purged page by page).
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/documents/", "/healthz/")

# Purging on publish (pagecache.purge): Wagtail's frontend cache sends each change's addresses
# to every backend here. The page store always; Varnish, another HTTP cache (nginx), Cloudflare
# and CloudFront when configured.
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "pagecache.backends.VarnishBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_HTTP_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_HTTP_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# The purge lists every translation itself (translated slugs differ): no copying of each
# address into every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# E-mail (workflow notifications, password resets).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Open Cities <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The join and contact forms (engagement app): where submissions are e-mailed, how long they are
# kept, and the abuse checks (no third-party service).
ENGAGEMENT_EMAIL_TO = os.environ.get("ENGAGEMENT_EMAIL_TO", "local@opengovpartnership.org")
SUBMISSION_RETENTION_DAYS = int(os.environ.get("SUBMISSION_RETENTION_DAYS", "365"))
FORM_RATE_LIMIT_PER_HOUR = int(os.environ.get("FORM_RATE_LIMIT_PER_HOUR", "5"))
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
# A form shown more than a day ago must be filled in again.
FORM_MAX_AGE_SECONDS = 86400

from .security import *  # noqa: E402, F403

# Content Security Policy: nothing loads from another host, no inline script or style on public
# pages. The admin's own pages get the relaxation Wagtail needs (see cms/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")

# Wagtail
WAGTAIL_SITE_NAME = "Open Cities"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are the user's uploaded one or Wagtail's default: no request to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "json", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
# Documents go through Wagtail's view (privacy checked), always as downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link", "ol", "ul"]},
    }
}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search backend: Wagtail's database backend by default (PostgreSQL full text on PostgreSQL,
# FTS on SQLite); SEARCH_URL=https://host:9200 switches to OpenSearch/Elasticsearch.
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "opencities"),
            "TIMEOUT": 5,
        }
    }
else:
    # Wagtail's database backend, handed the words of a query only (see cms/wagtail_search.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.wagtail_search"}}

# wagtail-localize: translations are reviewed through the workflow before they go live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Read-only public API.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}
# Unset by default: the API then writes the Site record's root URL, as every page address does.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or None
WAGTAILAPI_LIMIT_MAX = 100

LISTING_PAGE_SIZE = int(os.environ.get("LISTING_PAGE_SIZE", "12"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}


# Uploads: limits and content checks on images and documents (home/uploads.py). Pixels stay
# below Pillow's own warning threshold (89 million); bigger pictures are refused in the form.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.SafeDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DOCUMENT_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
