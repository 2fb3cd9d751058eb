"""Illustrations and logos for the demo site, drawn with Pillow (nothing is downloaded).

A story's illustration draws the motifs its alternative text names (skyline, hills, turbines...)
in the story's palette, so the alt text written in the data describes what is really shown.
"""

import io
import re

from PIL import Image, ImageDraw, ImageFont

from demo.canvas import LOGO_SIZE, Canvas, darken, hex_to_rgb, luminance
from demo.scenes import MOTIFS


def story_illustration(alt_text, palette, seed=0):
    """A 1200x675 JPEG (bytes) drawing the motifs named in `alt_text` in the given colours."""
    canvas = Canvas(palette, seed)
    canvas.sky()
    text = alt_text.lower()
    drawn = [draw for pattern, draw in MOTIFS if re.search(pattern, text)]
    if not drawn:
        # Nothing named: a plain abstract composition of overlapping discs.
        canvas.ground()
        for _ in range(9):
            x, y = canvas.random.randint(0, canvas.width), canvas.random.randint(0, canvas.height)
            r = canvas.random.randint(60, 200)
            canvas.draw.ellipse(
                [x - r, y - r, x + r, y + r], fill=canvas.pick(canvas.primary, canvas.secondary)
            )
    for draw in drawn:
        draw(canvas)
    buffer = io.BytesIO()
    canvas.image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def initials(name):
    """Up to two initials of a name, ignoring words such as 'of' and parentheses."""
    words = [w for w in re.split(r"[\s\-()]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words[:2]) or name[:1].upper()


def member_logo(name, colour):
    """A 240x240 PNG (bytes): a round badge with the member's initials on its colour."""
    background = hex_to_rgb(colour)
    if luminance(background) > 0.5:
        background = darken(background, 0.45)
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse([6, 6, LOGO_SIZE - 6, LOGO_SIZE - 6], fill=background)
    draw.ellipse([20, 20, LOGO_SIZE - 20, LOGO_SIZE - 20], outline=(255, 255, 255), width=4)
    font = ImageFont.load_default(size=90)
    draw.text(
        (LOGO_SIZE / 2, LOGO_SIZE / 2), initials(name), font=font, fill=(255, 255, 255), anchor="mm"
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
