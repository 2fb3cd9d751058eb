"""Password guessing: the client's real address, the lockout page, and a throttled password reset.

django-axes counts failed sign-ins on Wagtail's and Django's admin login (per user name and per
client address) and answers a lockout with `lockout_response`; password reset e-mails are
limited here, per e-mail address and per client address, in Django's cache.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from home.addresses import site_root_url

LOCKED_OUT = _(
    "Too many failed sign-in attempts from this address or for this user. For your safety, "
    "signing in is blocked for %(minutes)s min. Try again later, or ask an administrator to "
    "unlock the account."
)
RESETS_PAUSED = _(
    "Too many password reset requests for this address or from this computer. Try again in "
    "%(minutes)s min."
)
# A person who mistyped their e-mail twice still gets their message; a script does not.
PASSWORD_RESETS_PER_EMAIL = 3
PASSWORD_RESETS_PER_CLIENT = 10
PASSWORD_RESET_WINDOW_SECONDS = 3600


def client_ip_address(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    farthest trusted proxy received the request from.

    Each proxy appends the address it was reached from to X-Forwarded-For, so it is read from
    the right: whatever a client writes into the header itself stays to the left, unused.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def refusal(request, message, minutes):
    """The admin-styled 429 page telling the person why they are refused and for how long."""
    # Rendered at once: django-axes' middleware hands it back after the template phase.
    return render(
        request, "cms/sign_in_refused.html", {"message": message % {"minutes": minutes}}, status=429
    )


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): the refusal page, translated."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) or 1
    return refusal(request, LOCKED_OUT, minutes)


def count_within_window(key):
    """Add one to a counter that expires PASSWORD_RESET_WINDOW_SECONDS after its first use."""
    cache.add(key, 0, PASSWORD_RESET_WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, PASSWORD_RESET_WINDOW_SECONDS)
        return 1


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's "Forgotten password?" form, sending a few e-mails per address and per client."""

    @property
    def extra_email_context(self):
        """The e-mail's link uses the site's base address, not the Host header it was asked on."""
        parts = urlsplit(site_root_url(self.request))
        return {"protocol": parts.scheme, "domain": parts.netloc}

    def form_valid(self, form):
        """Count the request per e-mail and per client; past either limit, refuse to send."""
        email = form.cleaned_data["email"].strip().lower()
        per_email = count_within_window(f"password-reset:email:{email}")
        per_client = count_within_window(f"password-reset:ip:{client_ip_address(self.request)}")
        if per_email > PASSWORD_RESETS_PER_EMAIL or per_client > PASSWORD_RESETS_PER_CLIENT:
            return refusal(self.request, RESETS_PAUSED, PASSWORD_RESET_WINDOW_SECONDS // 60)
        return super().form_valid(form)
