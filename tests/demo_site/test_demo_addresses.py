"""One base address: every absolute URL the demo writes (canonical, hreflang, images, sitemap,
robots.txt, feeds, exports, citations, API, e-mails) starts with the Site record's root URL,
whatever Host the request came on, and that root is WAGTAILADMIN_BASE_URL, which by default is
where `make run` serves the site."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Site

from stories.models import ReformStoryPage
from tests.demo_site.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]
OTHER_HOST = "localhost"
URL = re.compile(r"https?://[^\s\"'<>\\]+")


def own_urls(text):
    """The absolute URLs in `text` that point at this site (any host we answer to)."""
    ours = {OTHER_HOST, "testserver", "127.0.0.1"}
    return [url for url in URL.findall(text) if re.split(r"[/:]", url.split("//", 1)[1])[0] in ours]


def test_make_run_and_the_default_base_address_agree():
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    default = subprocess.run(
        [sys.executable, "-c", "import cms.settings.base as b; print(b.WAGTAILADMIN_BASE_URL)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=settings.BASE_DIR,
    ).stdout.strip()
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    host = re.search(r"^HOST \?= (\S+)$", makefile, re.M).group(1)
    port = re.search(r"^PORT \?= (\S+)$", makefile, re.M).group(1)
    assert default == f"http://{host}:{port}" == "http://127.0.0.1:8000"


def test_every_absolute_url_comes_from_the_site_record(client, demo):
    base = Site.objects.get(is_default_site=True).root_url
    assert base == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    story = ReformStoryPage.objects.live().filter(locale__language_code="es").first()
    user = get_user_model().objects.create_user("reader", "reader@example.org", "x" * 16)
    responses = {
        "page (canonical, hreflang, images)": client.get(story.url, HTTP_HOST=OTHER_HOST),
        "sitemap": client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST),
        "robots.txt": client.get("/robots.txt", HTTP_HOST=OTHER_HOST),
        "feed": client.get("/en/stories/feed/atom/", HTTP_HOST=OTHER_HOST),
        "export": client.get("/en/stories/export/json/", HTTP_HOST=OTHER_HOST),
        "citation": client.get(f"{story.url}cite/bibtex/", HTTP_HOST=OTHER_HOST),
        "API": client.get("/api/v2/pages/?type=stories.ReformStoryPage", HTTP_HOST=OTHER_HOST),
    }
    client.post("/admin/password_reset/", {"email": user.email}, HTTP_HOST=OTHER_HOST)
    texts = {
        name: (b"".join(r.streaming_content) if r.streaming else r.content).decode()
        for name, r in responses.items()
    }
    assert len(mail.outbox) == 1
    texts["e-mail"] = mail.outbox[0].body
    found = {name: own_urls(text) for name, text in texts.items()}
    assert all(found.values()), [name for name, urls in found.items() if not urls]
    wrong = {
        name: sorted({url for url in urls if not url.startswith(base + "/")})
        for name, urls in found.items()
    }
    assert wrong == {name: [] for name in found}
