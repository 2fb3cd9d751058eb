"""The motifs a story illustration is built from, each drawn on a Canvas.

MOTIFS pairs the words of an alternative text with the motif that shows them.
"""

import math

from demo.canvas import HORIZON, darken, lighten


def draw_sun(c):
    """A sun with rays in the upper right."""
    x, y, r = c.width - 220, 140, 70
    colour = c.secondary
    for i in range(12):
        angle = i * 30
        c.draw.pieslice(
            [x - r - 40, y - r - 40, x + r + 40, y + r + 40],
            angle,
            angle + 8,
            fill=lighten(colour, 0.45),
        )
    c.draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def draw_hills(c):
    """Two layers of rolling hills."""
    for layer, (base, amp, colour) in enumerate(
        [(HORIZON - 90, 60, lighten(c.primary, 0.45)), (HORIZON - 30, 45, c.primary)]
    ):
        points = [(0, c.height)]
        phase = c.random.uniform(0, 3)
        for x in range(0, c.width + 40, 40):
            wave = amp * (0.5 + 0.5 * math.sin(x / (180 + layer * 60) + phase))
            points.append((x, base - wave))
        points.append((c.width, c.height))
        c.draw.polygon(points, fill=colour)


def draw_mountain(c):
    """A large mountain silhouette with a snowy cap."""
    peak_x = c.width // 2 - 160
    c.draw.polygon(
        [(peak_x - 420, HORIZON), (peak_x, 110), (peak_x + 420, HORIZON)],
        fill=darken(c.primary, 0.15),
    )
    c.draw.polygon(
        [
            (peak_x - 95, 200),
            (peak_x, 110),
            (peak_x + 95, 200),
            (peak_x + 30, 180),
            (peak_x - 20, 210),
        ],
        fill=(250, 250, 250),
    )
    c.draw.polygon(
        [(peak_x + 180, HORIZON), (peak_x + 460, 230), (peak_x + 740, HORIZON)],
        fill=lighten(c.primary, 0.3),
    )


def draw_sea(c):
    """The sea below the horizon, with waves."""
    c.draw.rectangle([0, HORIZON, c.width, c.height], fill=c.primary)
    for row in range(6):
        y = HORIZON + 30 + row * 32
        for x in range(-40 + (row % 2) * 40, c.width, 80):
            c.draw.arc([x, y, x + 80, y + 26], 200, 340, fill=lighten(c.primary, 0.5), width=4)


def draw_coastline(c):
    """A band of sea at the horizon and a curving sandy shore in front of it."""
    c.draw.rectangle([0, HORIZON - 40, c.width, c.height], fill=c.primary)
    for x in range(-40, c.width, 80):
        c.draw.arc(
            [x, HORIZON - 20, x + 80, HORIZON + 6], 200, 340, fill=lighten(c.primary, 0.5), width=4
        )
    shore = [(0, c.height)]
    for x in range(0, c.width + 40, 40):
        shore.append((x, HORIZON + 40 + 25 * math.sin(x / 160)))
    shore.append((c.width, c.height))
    c.draw.polygon(shore, fill=lighten(c.secondary, 0.55))


def draw_skyline(c):
    """Towers of different heights with lit windows."""
    x = 30
    while x < c.width - 30:
        w = c.random.randint(70, 140)
        h = c.random.randint(140, 360)
        colour = c.pick(c.primary, darken(c.primary, 0.3), darken(c.secondary, 0.2))
        c.draw.rectangle([x, HORIZON - h, x + w, HORIZON], fill=colour)
        for wy in range(HORIZON - h + 20, HORIZON - 20, 34):
            for wx in range(x + 14, x + w - 20, 28):
                if c.random.random() < 0.55:
                    c.draw.rectangle([wx, wy, wx + 12, wy + 16], fill=lighten(c.secondary, 0.3))
        x += w + c.random.randint(6, 24)
    c.ground()


def draw_rooftops(c, flat=False, count=9):
    """A row of houses: pitched roofs, or flat white rooftops for a medina."""
    spacing = c.width / count
    for i in range(count):
        w = spacing * 0.75
        x = i * spacing + c.random.uniform(0, spacing * 0.2)
        h = c.random.randint(70, 160)
        wall = (
            (246, 244, 238) if flat else c.pick(lighten(c.primary, 0.2), lighten(c.secondary, 0.2))
        )
        c.draw.rectangle(
            [x, HORIZON - h, x + w, HORIZON + 40],
            fill=wall,
            outline=darken(c.primary, 0.3),
            width=2,
        )
        if flat:
            c.draw.rectangle(
                [x - 4, HORIZON - h - 10, x + w + 4, HORIZON - h], fill=(226, 222, 212)
            )
        else:
            c.draw.polygon(
                [(x - 10, HORIZON - h), (x + w / 2, HORIZON - h - 60), (x + w + 10, HORIZON - h)],
                fill=darken(c.secondary, 0.25),
            )
        c.draw.rectangle(
            [x + w * 0.4, HORIZON + 5, x + w * 0.6, HORIZON + 40], fill=darken(c.primary, 0.3)
        )


def draw_village_links(c):
    """Small houses around a larger centre, joined by lines."""
    c.ground()
    centre = (c.width // 2, 300)
    c.draw.rectangle([centre[0] - 80, 200, centre[0] + 80, 400], fill=c.primary)
    c.draw.polygon(
        [(centre[0] - 100, 200), (centre[0], 120), (centre[0] + 100, 200)],
        fill=darken(c.primary, 0.3),
    )
    spots = [(160, 200), (300, 520), (1040, 180), (920, 540), (140, 470), (1060, 420)]
    for x, y in spots:
        c.draw.line([centre, (x, y)], fill=darken(c.secondary, 0.2), width=6)
    for x, y in spots:
        c.draw.rectangle([x - 40, y - 30, x + 40, y + 40], fill=c.secondary)
        c.draw.polygon(
            [(x - 50, y - 30), (x, y - 75), (x + 50, y - 30)], fill=darken(c.secondary, 0.35)
        )


def draw_figures(c, circle=False):
    """People standing together, in a row or around a circle."""
    count = 9 if circle else 7
    if circle:
        c.draw.ellipse(
            [c.width / 2 - 330, HORIZON + 40, c.width / 2 + 330, HORIZON + 180],
            outline=darken(c.secondary, 0.2),
            width=8,
        )
    people = []
    for i in range(count):
        if circle:
            angle = 2 * math.pi * i / count
            people.append(
                (c.width / 2 + 300 * math.cos(angle), HORIZON + 110 + 60 * math.sin(angle))
            )
        else:
            x = 140 + i * (c.width - 280) / (count - 1)
            people.append((x, HORIZON + 90 + c.random.randint(-20, 20)))
    # Back row first, so nearer people overlap those behind them.
    for x, y in sorted(people, key=lambda p: p[1]):
        colour = c.pick(c.primary, c.secondary, darken(c.primary, 0.3))
        c.draw.ellipse([x - 26, y - 150, x + 26, y - 98], fill=colour)
        c.draw.rounded_rectangle([x - 42, y - 90, x + 42, y + 10], radius=30, fill=colour)


def draw_phone(c):
    """The outline of a mobile phone with a heart-rate line on its screen."""
    x, y, w, h = c.width // 2 - 110, 110, 220, 400
    c.draw.rounded_rectangle(
        [x, y, x + w, y + h],
        radius=36,
        fill=(250, 250, 250),
        outline=darken(c.primary, 0.35),
        width=12,
    )
    c.draw.line(
        [
            (x + 30, y + 200),
            (x + 80, y + 200),
            (x + 100, y + 150),
            (x + 125, y + 250),
            (x + 145, y + 200),
            (x + 190, y + 200),
        ],
        fill=c.secondary,
        width=8,
    )


def draw_data_bars(c):
    """A bar chart rising over the rooftops."""
    base = HORIZON - 170
    for i in range(8):
        h = 60 + (i * 23) % 140 + c.random.randint(0, 50)
        x = 200 + i * 105
        c.draw.rectangle([x, base - h, x + 70, base], fill=c.pick(c.primary, c.secondary))


def draw_scales(c):
    """A balance scale with two equal pans."""
    mid = c.width // 2
    c.draw.rectangle([mid - 12, 150, mid + 12, 500], fill=darken(c.primary, 0.2))
    c.draw.rectangle([mid - 120, 500, mid + 120, 530], fill=darken(c.primary, 0.2))
    c.draw.rectangle([mid - 330, 150, mid + 330, 168], fill=c.primary)
    for side in (-1, 1):
        px = mid + side * 300
        c.draw.line([(px, 168), (px - 90, 330)], fill=darken(c.primary, 0.3), width=4)
        c.draw.line([(px, 168), (px + 90, 330)], fill=darken(c.primary, 0.3), width=4)
        c.draw.chord([px - 120, 270, px + 120, 390], 0, 180, fill=c.secondary)
    c.draw.ellipse([mid - 30, 120, mid + 30, 180], fill=c.secondary)


def draw_turbines(c):
    """Three wind turbines on the hills."""
    for i, x in enumerate((300, 620, 940)):
        top = 150 + (i % 2) * 60
        c.draw.polygon(
            [(x - 10, HORIZON), (x - 4, top), (x + 4, top), (x + 10, HORIZON)],
            fill=(248, 248, 248),
            outline=darken(c.primary, 0.3),
        )
        start = c.random.uniform(0, 120)
        for blade in range(3):
            angle = math.radians(start + blade * 120)
            end = (x + 120 * math.cos(angle), top + 120 * math.sin(angle))
            c.draw.line([(x, top), end], fill=(248, 248, 248), width=12)
            c.draw.line([(x, top), end], fill=darken(c.primary, 0.3), width=2)
        c.draw.ellipse([x - 12, top - 12, x + 12, top + 12], fill=darken(c.primary, 0.3))


def draw_solar_panels(c):
    """Rows of tilted solar panels in front of the landscape."""
    for row in range(2):
        for i in range(6):
            x = 90 + i * 180 + row * 60
            y = HORIZON + 30 + row * 80
            c.draw.polygon(
                [(x, y + 60), (x + 40, y), (x + 180, y), (x + 140, y + 60)],
                fill=darken(c.secondary, 0.45),
                outline=(240, 240, 240),
            )
            c.draw.line([(x + 20, y + 30), (x + 160, y + 30)], fill=(200, 210, 220), width=2)


def draw_trees(c, saplings=True):
    """A canopy of rounded trees, with saplings in the foreground."""
    for i in range(12):
        x = i * 105 + c.random.randint(-10, 20)
        h = c.random.randint(150, 280)
        c.draw.rectangle([x + 40, HORIZON - h + 80, x + 56, HORIZON], fill=darken(c.primary, 0.5))
        c.draw.ellipse(
            [x - 10, HORIZON - h, x + 106, HORIZON - h + 130],
            fill=c.pick(c.primary, darken(c.primary, 0.2), lighten(c.primary, 0.2)),
        )
    c.ground()
    if saplings:
        for i in range(8):
            x = 80 + i * 145
            y = HORIZON + 120
            c.draw.line([(x, y), (x, y - 50)], fill=darken(c.primary, 0.4), width=5)
            c.draw.ellipse([x - 24, y - 70, x, y - 46], fill=c.secondary)
            c.draw.ellipse([x, y - 80, x + 24, y - 56], fill=lighten(c.primary, 0.1))


def draw_public_building(c):
    """A building with columns and a pediment, and an open ledger beside it."""
    c.ground()
    x0, x1 = 180, 700
    c.draw.polygon([(x0 - 30, 200), ((x0 + x1) / 2, 100), (x1 + 30, 200)], fill=c.primary)
    c.draw.rectangle([x0 - 20, 200, x1 + 20, 230], fill=darken(c.primary, 0.2))
    for x in range(x0 + 20, x1, 90):
        c.draw.rectangle(
            [x, 230, x + 40, HORIZON], fill=(246, 246, 240), outline=darken(c.primary, 0.2)
        )
    c.draw.rectangle([x0 - 40, HORIZON, x1 + 40, HORIZON + 30], fill=darken(c.primary, 0.2))
    bx, by = 800, 300
    c.draw.polygon(
        [(bx, by), (bx + 150, by + 20), (bx + 150, by + 240), (bx, by + 220)],
        fill=(252, 252, 250),
        outline=darken(c.primary, 0.3),
    )
    c.draw.polygon(
        [(bx + 150, by + 20), (bx + 300, by), (bx + 300, by + 220), (bx + 150, by + 240)],
        fill=(244, 244, 240),
        outline=darken(c.primary, 0.3),
    )
    for row in range(6):
        y = by + 50 + row * 28
        c.draw.line([(bx + 20, y), (bx + 130, y + 10)], fill=c.secondary, width=4)
        c.draw.line([(bx + 170, y + 10), (bx + 280, y)], fill=c.secondary, width=4)


def draw_classroom(c):
    """A board and rows of desks, drawn as simple shapes."""
    c.draw.rectangle(
        [300, 90, 900, 330], fill=darken(c.primary, 0.35), outline=(240, 240, 240), width=10
    )
    for i, width in enumerate((380, 300, 420)):
        c.draw.line(
            [(360, 150 + i * 55), (360 + width, 150 + i * 55)], fill=(240, 240, 240), width=6
        )
    for row in range(2):
        for i in range(5):
            x = 150 + i * 200 + row * 40
            y = 400 + row * 120
            c.draw.rectangle([x, y, x + 140, y + 20], fill=c.secondary)
            c.draw.rectangle([x + 10, y + 20, x + 22, y + 80], fill=darken(c.secondary, 0.3))
            c.draw.rectangle([x + 118, y + 20, x + 130, y + 80], fill=darken(c.secondary, 0.3))
            c.draw.ellipse([x + 50, y - 60, x + 90, y - 20], fill=c.primary)


# Motifs in drawing order (background first); each is drawn when its pattern is in the alt text.
MOTIFS = [
    (r"\bsun\b", draw_sun),
    (r"mountain", draw_mountain),
    (r"\bhills?\b", draw_hills),
    (r"coastline", draw_coastline),
    (r"\bsea\b", draw_sea),
    (r"skyline|towers", draw_skyline),
    (r"data bars", draw_data_bars),
    (r"medina|white .*rooftops", lambda c: draw_rooftops(c, flat=True)),
    (r"(?<!medina )rooftops(?! against)", draw_rooftops),
    (r"village houses", draw_village_links),
    (r"rainforest|canopy|saplings", draw_trees),
    (r"wind turbines", draw_turbines),
    (r"solar panels", draw_solar_panels),
    (r"public building|ledger", draw_public_building),
    (r"classroom", draw_classroom),
    (r"scales", draw_scales),
    (r"phone", draw_phone),
    (r"gathering|figures", draw_figures),
    (r"meeting circle", lambda c: draw_figures(c, circle=True)),
]
