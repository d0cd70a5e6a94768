"""The land: rolling ridges, terraced slopes and volcanoes, drawn back to front.

`ridge` fills a hill silhouette from a wavy edge down to the bottom of the picture and returns
that edge, so whatever stands on the hill (`y_at`) or is cut into it (`terraces`) follows it.
"""

import math
from collections.abc import Callable, Sequence

from demo.images.canvas import Canvas
from demo.images.palette import MIST, RGB, TAU, Pt, mix


def ridge(
    c: Canvas,
    y: float,
    amp: float,
    fill: RGB,
    freqs: Sequence[float] = (1, 2.3, 4.7, 9),
    bottom: float = 1.02,
) -> list[Pt]:
    """Fill a rolling hill silhouette from y down to bottom; returns its top edge."""
    waves = [(f, c.rng.uniform(0, TAU), 1 / (j + 1)) for j, f in enumerate(freqs)]
    norm = sum(w for _, _, w in waves)
    pts = []
    for i in range(121):
        x = -0.02 + 1.04 * i / 120
        pts.append((x, y + amp * sum(w * math.sin(TAU * f * x + p) for f, p, w in waves) / norm))
    c.poly([*pts, (1.02, bottom), (-0.02, bottom)], fill)
    return pts


def y_at(pts: Sequence[Pt], x: float) -> float:
    """The height of a ridge edge at x, between its points."""
    f = (x - pts[0][0]) / (pts[-1][0] - pts[0][0]) * (len(pts) - 1)
    i = min(len(pts) - 2, max(0, int(f)))
    return pts[i][1] + (pts[i + 1][1] - pts[i][1]) * (f - i)


def terraces(
    c: Canvas,
    top: Sequence[Pt],
    depth: float,
    n: int,
    cols: Sequence[RGB],
    edge: RGB,
    k: float = 1.5,
    amp: float = 0.006,
    deco: Callable[[list[Pt], list[Pt], float], None] | None = None,
) -> None:
    """Contour bands below a ridge top, thin in the distance and wider in front."""
    ph = c.rng.uniform(0, TAU)
    curves = [list(top)]
    for i in range(1, n + 1):
        t = i / n
        curves.append(
            [
                (x, y + depth * t**k + amp * t * math.sin(TAU * 2.2 * x + ph + i * 0.5))
                for x, y in top
            ]
        )
    curves.append([(x, 1.03) for x, _ in top])
    for i in range(1, n + 1):
        cur, nxt = curves[i], curves[i + 1]
        c.poly(cur + nxt[::-1], cols[i % len(cols)])
        c.line(cur, edge, 0.002 + 0.003 * i / n)
        if deco:
            deco(cur, nxt, i / n)


def volcano(
    c: Canvas,
    cx: float,
    peak: float,
    base: float,
    hw: float,
    col: RGB,
    lit: RGB,
    crater: float = 0.03,
    p: float = 1.7,
) -> None:
    """A volcano cone from peak to base, half-width hw, its right flank lit, gullies down."""
    rng = c.rng
    left, right = [], []
    for i in range(31):
        t = i / 30
        dy = (base - peak) * (1 - (1 - t) ** p) + (rng.uniform(-1, 1) * 0.003 * t if i else 0)
        left.append((cx - crater / 2 - t * hw, peak + dy))
        right.append((cx + crater / 2 + t * hw, peak + dy))
    notch = [(cx - crater / 4, peak + 0.006), (cx + crater / 5, peak + 0.003)]
    c.poly(left[::-1] + notch + right, col)
    spine = [
        (
            cx + crater / 2 + (hw * 0.3) * (j / 10) ** 1.4 + rng.uniform(-0.004, 0.004),
            peak + (base - peak) * j / 10,
        )
        for j in range(11)
    ]
    c.poly(spine + right[::-1], lit)
    for _ in range(11):
        a = rng.uniform(-0.85, 0.85)
        pts = []
        for j in range(8):
            q = 0.02 + 0.8 * j / 7
            inner = crater / 2 + hw * (1 - (1 - q) ** (1 / p))
            pts.append((cx + a * inner, peak + (base - peak) * q))
        c.line(pts, mix(col, lit, 0.6) if a < 0 else mix(lit, col, 0.4), 0.002)


def back_hills(c: Canvas, y: float = 0.5, haze: RGB = MIST) -> list[Pt]:
    """Far hills fading into the haze; returns their edge."""
    r = ridge(c, y, 0.05, mix((108, 140, 150), haze, 0.4))
    c.haze(y - 0.05, y + 0.14, haze, 0.0, 0.7)
    return r
