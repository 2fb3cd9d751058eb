"""Security settings shared by every environment: sign-in, passwords, HTTPS, and the key check.

Imported by `base`; every environment variable read here is in the README's table too. Browser
policies sent per response (content, framing, permissions, resources) are in cms/csp.py.
"""

import os
import zlib
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool

# django-axes first: it refuses a locked-out user name or client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Everyone with an account here is staff (the site has no visitor accounts).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Security: on by default; a TLS-terminating proxy may turn redirects off by environment.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY_SSL_HEADER", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Framing, Permissions-Policy and Cross-Origin-Resource-Policy per response: see cms/csp.py.
X_FRAME_OPTIONS = "DENY"

# `manage.py ensure_admin` may give the admin the public demo password only in `dev`.
ENSURE_ADMIN_ALLOWS_DEFAULT_PASSWORD = False

# Password guessing (django-axes, on every login form): LOGIN_FAILURE_LIMIT failures for one user
# name or from one client address lock it out for LOGIN_LOCKOUT_MINUTES; a success clears the
# count. Unlock early with `manage.py axes_reset_username <name>` or `axes_reset_ip <address>`.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Refused attempts during a lockout do not extend it, so it ends LOGIN_LOCKOUT_MINUTES after the
# last counted failure.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "cms.sign_in.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.sign_in.client_ip_address"
AXES_VERBOSE = False
# Proxies in front of the app that append to X-Forwarded-For (0: the address is REMOTE_ADDR and
# X-Forwarded-For, which any client can write, is ignored).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# A key must carry this much information: zlib squeezes repeated patterns ("abcde" * 10 is 16
# bytes) while 50 random URL-safe or hexadecimal characters stay above 50 bytes.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_COMPRESSED_BYTES = 45


def require_secret_key(key):
    """Refuse to start with a missing, short, repetitive or otherwise guessable SECRET_KEY."""
    if (
        not key
        or len(key) < SECRET_KEY_MIN_LENGTH
        or key.startswith("django-insecure")
        or len(set(key)) < 10
        or len(zlib.compress(key.encode(), 9)) < SECRET_KEY_MIN_COMPRESSED_BYTES
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random string of at least 50 characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    return key
