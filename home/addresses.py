"""One base address for every absolute URL: the Site record's root URL.

Wagtail builds page addresses (canonical, hreflang, sitemap, feeds, exports, citations, the API's
html_url) from the Site record; addresses that are not pages (images, the feed's own address,
the sitemap in robots.txt, the API's detail_url) are made absolute here against the same root
rather than against the request's Host header, so one site never speaks of two hosts.
`WAGTAILADMIN_BASE_URL` (e-mails, which have no request) is the value the demo writes into the
Site record (`site_fields`); tests/demo_site/test_demo_addresses.py checks they all agree.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from home.localization import per_request


def site_root_url(request=None):
    """The root URL of the request's site (else the default site), e.g. http://127.0.0.1:8000."""

    def find():
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first()
        return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    return per_request(request, "site_root_url", find)


def absolute_url(path, request=None):
    """`path` (/media/..., /sitemap.xml) made absolute against the site's root URL; an address
    that is absolute already (media on a CDN) is returned as it is."""
    if not path or urlsplit(path).scheme:
        return path or ""
    return site_root_url(request) + "/" + path.lstrip("/")


def site_fields(base_url=None):
    """The Site record's hostname and port for a base URL (default: WAGTAILADMIN_BASE_URL), so
    that `Site.root_url` gives that URL back."""
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return {"hostname": parts.hostname, "port": parts.port or default_port}
