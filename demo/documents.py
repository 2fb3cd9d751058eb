"""Small PDF files for the demo's knowledge products, drawn with Pillow from label and summary."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from demo.canvas import darken, hex_to_rgb

# An A5 page at 100 dots per inch keeps each file a few kilobytes.
PAGE_SIZE = (583, 827)
MARGIN = 48


def knowledge_pdf(title, label, summary, publisher, colour="#1F4E79"):
    """A one-page PDF (bytes): a coloured band with the title, then the label and the summary."""
    accent = hex_to_rgb(colour)
    page = Image.new("RGB", PAGE_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    width = PAGE_SIZE[0]

    draw.rectangle([0, 0, width, 230], fill=accent)
    title_font = ImageFont.load_default(size=26)
    y = 60
    for line in textwrap.wrap(title, width=34)[:5]:
        draw.text((MARGIN, y), line, font=title_font, fill=(255, 255, 255))
        y += 34

    label_font = ImageFont.load_default(size=18)
    draw.text((MARGIN, 262), label, font=label_font, fill=darken(accent, 0.3))

    body_font = ImageFont.load_default(size=15)
    y = 310
    for line in textwrap.wrap(summary, width=62):
        draw.text((MARGIN, y), line, font=body_font, fill=(33, 37, 41))
        y += 22

    note = "Demonstration file generated for the Open Cities demo site."
    draw.line(
        [(MARGIN, PAGE_SIZE[1] - 80), (width - MARGIN, PAGE_SIZE[1] - 80)], fill=accent, width=2
    )
    small = ImageFont.load_default(size=12)
    draw.text((MARGIN, PAGE_SIZE[1] - 66), publisher, font=small, fill=(73, 80, 87))
    draw.text((MARGIN, PAGE_SIZE[1] - 48), note, font=small, fill=(73, 80, 87))

    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=100, title=title, author=publisher)
    return buffer.getvalue()
