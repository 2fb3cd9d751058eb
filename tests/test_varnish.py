"""Varnish in front of the live test server with deploy/varnish/default.vcl: a second anonymous
request is a Varnish hit, and the very next request after a publish shows the change."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest
from wagtail.models import Site

from tests import factories
from tests.conftest import make_locales, make_site_tree

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or next(
    (path for path in ("/usr/sbin/varnishd",) if os.path.exists(path)), None
)

pytestmark = [
    pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (Debian: varnish)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    """A loopback port free at the time of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=20):
    """Block until something listens on the port (or the process has died)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port} after {seconds} s")


@pytest.fixture
def varnish(live_server, tmp_path):
    """varnishd on a free loopback port, with the shipped VCL pointed at the live server."""
    backend = urlsplit(live_server.url)
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend.port}";')
    (tmp_path / "test.vcl").write_text(vcl)
    port = free_port()
    process = subprocess.Popen(
        [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(tmp_path / "test.vcl"), "-s", "malloc,32m", "-T", "none"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url, cookie=None):
    """Headers and body of a GET."""
    request = Request(url, headers={"Cookie": cookie} if cookie else {})
    with urlopen(request, timeout=10) as response:
        return response.headers, response.read()


@pytest.fixture
def story_behind_varnish(varnish, settings):
    """A story, with the site's address set to Varnish's and purges sent to it."""
    tree = make_site_tree(make_locales())
    address = urlsplit(varnish)
    # Saved, not updated in bulk: a site's save renews the cached site table that purges read.
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = address.hostname, address.port
    site.save()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.backends.VarnishBackend", "LOCATION": varnish}
    }
    story = factories.ReformStoryPageFactory(
        parent=tree["stories"], title="Before the change", slug="story"
    )
    return varnish, story


def test_the_second_anonymous_request_is_a_hit_and_a_publish_shows_at_once(story_behind_varnish):
    varnish, story = story_behind_varnish
    for path in ("/en/stories/story/", "/en/stories/"):
        first, _ = fetch(varnish + path)
        second, body = fetch(varnish + path)
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
        assert int(second["Age"]) >= 0 and b"Before the change" in body
    story.title = "After the change"
    story.save_revision().publish()
    for path in ("/en/stories/story/", "/en/stories/"):
        headers, body = fetch(varnish + path)
        assert headers["X-Cache"] == "MISS"
        assert b"After the change" in body and b"Before the change" not in body


def test_signed_in_users_bypass_varnish_and_other_cookies_do_not(story_behind_varnish):
    varnish, _story = story_behind_varnish
    url = varnish + "/en/stories/story/"
    fetch(url)
    assert fetch(url, cookie="sessionid=abc")[0]["X-Cache"] == "MISS"
    assert fetch(url, cookie="sessionid=abc")[0]["X-Cache"] == "MISS"
    assert fetch(url, cookie="csrftoken=xyz")[0]["X-Cache"] == "HIT"
    assert fetch(varnish + "/admin/login/")[0]["X-Cache"] == "MISS"
    assert fetch(varnish + "/admin/login/")[0]["X-Cache"] == "MISS"
