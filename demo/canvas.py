"""Colours and the drawing surface shared by the demo's illustrations and logos."""

import random

from PIL import Image, ImageDraw

ILLUSTRATION_SIZE = (1200, 675)
LOGO_SIZE = 240
HORIZON = 470


def hex_to_rgb(value):
    """'#C8102E' -> (200, 16, 46)."""
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(colour, other, amount):
    """Blend two RGB colours; amount 0 gives `colour`, 1 gives `other`."""
    return tuple(round(a + (b - a) * amount) for a, b in zip(colour, other, strict=True))


def lighten(colour, amount):
    """Mix a colour with white."""
    return mix(colour, (255, 255, 255), amount)


def darken(colour, amount):
    """Mix a colour with a deep ink (not pure black, which looks harsh)."""
    return mix(colour, (20, 24, 32), amount)


def luminance(colour):
    """Relative luminance (WCAG), 0 for black and 1 for white."""

    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class Canvas:
    """An illustration being drawn: the image, its palette and a seeded random source."""

    def __init__(self, palette, seed):
        self.primary = hex_to_rgb(palette[0])
        self.secondary = hex_to_rgb(palette[1] if len(palette) > 1 else palette[0])
        # A near-white secondary colour (Scotland's white) would vanish on a light sky.
        if luminance(self.secondary) > 0.8:
            self.secondary = darken(self.secondary, 0.35)
        if luminance(self.primary) > 0.8:
            self.primary = darken(self.primary, 0.35)
        self.random = random.Random(seed)
        self.image = Image.new("RGB", ILLUSTRATION_SIZE)
        self.draw = ImageDraw.Draw(self.image)
        self.width, self.height = ILLUSTRATION_SIZE

    def sky(self):
        """A soft vertical gradient from a tint of one colour to a tint of the other."""
        top = lighten(self.secondary, 0.82)
        bottom = lighten(self.primary, 0.88)
        for y in range(self.height):
            self.draw.line([(0, y), (self.width, y)], fill=mix(top, bottom, y / self.height))

    def ground(self):
        """A band of ground under the horizon."""
        self.draw.rectangle([0, HORIZON, self.width, self.height], fill=lighten(self.primary, 0.55))

    def pick(self, *colours):
        """One of the given colours, at random."""
        return self.random.choice(colours)
