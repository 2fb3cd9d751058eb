"""Frontend-cache backends of ours, beside Wagtail's Cloudflare, CloudFront and HTTP ones.

- `PageCacheBackend` purges the application's own page store (every worker sees it).
- `VarnishBackend` sends one BAN request per host for a whole batch of addresses (Wagtail's
  HTTP backend sends one PURGE per address, with no timeout), answered by
  deploy/varnish/default.vcl. A Varnish that is down or slow costs a publish at most `TIMEOUT`
  seconds and is logged.
"""

import logging
from collections import defaultdict
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from pagecache import store

logger = logging.getLogger("wagtail.frontendcache")

# Characters with a meaning in a regular expression, written as one-character classes: a VCL
# ban expression takes the regex as a bare word, where backslashes would need escaping twice.
REGEX_SPECIAL = set(".^$*+?{}|()")
# Varnish refuses request headers above 8 KB (http_req_hdr_len): longer batches are split.
MAX_BAN_HEADER = 6000


class PageCacheBackend(BaseBackend):
    """Purges addresses from the application's page store."""

    def purge(self, url):
        """Void one address."""
        self.purge_batch([url])

    def purge_batch(self, urls):
        """Void every address of the batch in one cache round trip."""
        store.invalidate(urls)


def path_pattern(path):
    """A regular expression matching one path, with or without a query string."""
    escaped = "".join(f"[{c}]" if c in REGEX_SPECIAL else c for c in path)
    return escaped


def ban_patterns(paths):
    """Alternations of whole paths (each optionally followed by a query string), each short
    enough for one request header."""
    patterns, current = [], []
    for path in sorted(paths):
        current.append(path_pattern(path))
        if sum(len(p) + 1 for p in current) > MAX_BAN_HEADER:
            patterns.append(current[:-1])
            current = current[-1:]
    if current:
        patterns.append(current)
    return [f"^({'|'.join(group)})([?].*)?$" for group in patterns if group]


class BanRequest(Request):
    """An HTTP BAN request."""

    def get_method(self):
        """BAN, which deploy/varnish/default.vcl accepts from its purge ACL."""
        return "BAN"


class VarnishBackend(BaseBackend):
    """Bans a batch of addresses from Varnish in one request per host."""

    def __init__(self, params):
        """LOCATION is Varnish's own address (http://127.0.0.1:6081), TIMEOUT in seconds."""
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.scheme, self.netloc = location.scheme, location.netloc
        self.timeout = float(params.get("TIMEOUT", 5))

    def purge(self, url):
        """Ban one address."""
        self.purge_batch([url])

    def purge_batch(self, urls):
        """One BAN per host (more only when the batch outgrows a request header)."""
        paths_by_host = defaultdict(set)
        for url in urls:
            parts = urlsplit(url)
            paths_by_host[parts.netloc].add(parts.path or "/")
        for host, paths in paths_by_host.items():
            for pattern in ban_patterns(paths):
                self.send_ban(host, pattern)

    def send_ban(self, host, pattern):
        """Send one BAN; failures are logged, never raised (publishing goes on)."""
        request = BanRequest(
            urlunsplit((self.scheme, self.netloc, "/", "", "")),
            headers={"Host": host, "X-Ban-Url": pattern},
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:
                response.read()
        except HTTPError as error:
            logger.error("Varnish refused a ban for %s: HTTP %s", host, error.code)
        except (URLError, OSError) as error:
            logger.error("Varnish at %s is unreachable: %s", self.netloc, error)
