"""Trees: round-crowned, slim, coconut palms and banyans with hanging roots."""

import math
import random

from demo.images.canvas import Canvas, Pen
from demo.images.palette import INK, RGB, SOGAN_D, mix


def tree(c: Canvas, x: float, y: float, s: float, col: RGB, kind: str = "round") -> None:
    """A tree of height about s standing at (x, y); kind is round, slim, palm or banyan."""
    p, rng = c.at(x, y, s), c.rng
    dark, light = mix(col, INK, 0.3), mix(col, (226, 232, 160), 0.14)
    trunk = SOGAN_D if sum(col) > 160 else dark
    if kind == "palm":
        _palm(p, rng, col, dark, trunk)
    elif kind == "slim":
        p.line([(0, 0), (0.01, -1.2)], trunk, 0.05)
        p.oval(0, -1.3, 0.2, 0.55, dark)
        p.oval(-0.03, -1.33, 0.15, 0.48, col)
        p.oval(-0.07, -1.45, 0.05, 0.2, light)
    else:
        _crowned(p, rng, (col, dark, light, trunk), banyan=kind == "banyan")


def _palm(p: Pen, rng: random.Random, col: RGB, dark: RGB, trunk: RGB) -> None:
    """A leaning trunk and nine drooping fronds, alternately light and dark."""
    tip = (0.14, -1.3)
    p.line([(0, 0), (0.04, -0.5), (0.1, -1.0), tip], trunk, 0.06)
    for j in range(9):
        a = math.pi * (0.02 + 0.96 * j / 8) + rng.uniform(-0.1, 0.1)
        r = rng.uniform(0.6, 0.85)
        spine = [
            (tip[0] + math.cos(a) * r * t, tip[1] - math.sin(a) * r * t * 0.5 + 0.5 * r * t * t)
            for t in (0, 0.25, 0.5, 0.75, 1)
        ]
        wd = [0, 0.08, 0.09, 0.06, 0]
        edge = list(zip(spine, wd, strict=True))
        p.poly(
            [(u, v - w) for (u, v), w in edge] + [(u, v + w) for (u, v), w in edge[::-1]],
            col if j % 2 else dark,
        )


def _crowned(p: Pen, rng: random.Random, colours: tuple[RGB, RGB, RGB, RGB], banyan: bool) -> None:
    """A crown of leafy blobs, shaded dark, mid and light; a banyan's is wide, with roots."""
    col, dark, light, trunk = colours
    if banyan:
        for k in range(5):
            p.line([((k - 2) * 0.16, 0), ((k - 2) * 0.06, -0.95)], trunk, 0.1)
    else:
        p.poly([(-0.1, 0), (0.1, 0), (0.04, -0.8), (-0.04, -0.8)], trunk)
    blobs = []
    for _ in range(16 if banyan else 7):
        bx = rng.uniform(-1, 1)
        blobs.append(
            (
                bx * (1.35 if banyan else 0.45),
                -1.0 - 0.52 * (1 - bx * bx) * rng.uniform(0.5, 1.1),
                rng.uniform(0.3, 0.42) * (1.2 if banyan else 1),
            )
        )
    for bx, by, r in blobs:
        p.oval(bx, by, r, r * 0.78, dark)
    for bx, by, r in blobs:
        p.oval(bx - 0.04, by - 0.06, r * 0.8, r * 0.6, col)
    for bx, by, r in blobs[::3]:
        p.oval(bx - 0.1, by - 0.12, r * 0.4, r * 0.26, light)
    if banyan:
        for _ in range(14):
            rx = rng.uniform(-1.3, 1.3)
            p.line(
                [(rx, -0.8), (rx + rng.uniform(-0.04, 0.04), 0)],
                mix(trunk, col, 0.3),
                rng.choice((0.02, 0.03, 0.05)),
            )
