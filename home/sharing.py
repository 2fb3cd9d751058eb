"""Share links that load nothing from other hosts: plain addresses of the networks' share
pages, a Mastodon server chosen by the visitor, and a default share image drawn locally."""

import functools
import io
import re
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw

SHARE_IMAGE_SIZE = (1200, 630)
BRAND = (11, 61, 92)  # --brand in static/css/site.css
LINKEDIN = "https://www.linkedin.com/sharing/share-offsite/"
X = "https://x.com/intent/post"
FACEBOOK = "https://www.facebook.com/sharer/sharer.php"
WHATSAPP = "https://wa.me/"
# A host name as people type it ("mastodon.social", "social.example.org:8443"): no scheme, path,
# user or query, so the address built from it can only be that server's share page.
SERVER_NAME = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:[0-9]{1,5})?$", re.I
)


def share_targets(url, title):
    """[(key, label, address)] of the networks' share pages for `url` titled `title`."""
    # Mail programs show a "+" literally, so the e-mail address encodes spaces as %20.
    mail = urlencode({"subject": title, "body": url}, quote_via=quote)
    return [
        ("email", _("E-mail"), f"mailto:?{mail}"),
        ("linkedin", "LinkedIn", f"{LINKEDIN}?{urlencode({'url': url})}"),
        ("x", "X", f"{X}?{urlencode({'text': title, 'url': url})}"),
        ("facebook", "Facebook", f"{FACEBOOK}?{urlencode({'u': url})}"),
        ("whatsapp", "WhatsApp", f"{WHATSAPP}?{urlencode({'text': f'{title} {url}'})}"),
    ]


def mastodon_share_url(server, text):
    """The share page of the Mastodon `server` for `text`, or None when `server` is no host name."""
    server = server.strip().removeprefix("https://").removeprefix("@").rstrip("/")
    if "@" in server:  # "someone@mastodon.social": the server is after the @
        server = server.rsplit("@", 1)[1]
    if not SERVER_NAME.match(server):
        return None
    return f"https://{server.lower()}/share?" + urlencode({"text": text})


@functools.cache
def default_share_image():
    """The site's share image as PNG bytes: the logo's skyline on the brand colour, no words
    (so it suits every language; og:image:alt names the site)."""
    width, height = SHARE_IMAGE_SIZE
    image = Image.new("RGB", SHARE_IMAGE_SIZE, BRAND)
    draw = ImageDraw.Draw(image)
    centre, radius = (width // 2, height // 2), 220
    draw.ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        outline=(255, 255, 255),
        width=26,
    )
    # The logo's path (32-unit grid) scaled around the centre: six buildings of a skyline.
    scale = 2 * radius / 28
    points = [(6, 20), (10, 20), (10, 13), (13, 13), (13, 20), (16, 20), (16, 9), (19, 9)]
    points += [(19, 20), (22, 20), (22, 15), (26, 15), (26, 20)]
    draw.line(
        [(centre[0] + (x - 16) * scale, centre[1] + (y - 16) * scale) for x, y in points],
        fill=(255, 255, 255),
        width=22,
        joint="curve",
    )
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
