"""Template filters for media: video players allowed by the CSP, link hosts, file languages."""

import re
from urllib.parse import parse_qs, urlparse

from django import template

register = template.Library()

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@register.filter
def embed_src(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, else "" (other
    providers are linked to, never framed: the CSP allows only these two players)."""
    parsed = urlparse(str(url or ""))
    host = parsed.netloc.lower()
    video_id = ""
    if host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parsed.path.strip("/")
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}"
    return ""


@register.filter
def hostname(url):
    """The host of an address without "www.", e.g. "youtube.com"."""
    host = urlparse(str(url or "")).netloc.lower()
    return host.removeprefix("www.")


@register.filter
def file_language_codes(page):
    """The languages of a knowledge product's files, as codes."""
    return [code for code in (getattr(page, "file_languages", "") or "").split("|") if code]
