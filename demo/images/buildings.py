"""Village buildings: a house, a cluster of houses along a ridge, a pendopo (the open hall with
a tiered roof where villages meet and perform) and a candi bentar gate."""

from collections.abc import Sequence

from demo.images.canvas import Canvas
from demo.images.palette import INK, PAPER, RGB, ROOF, SOGAN, SOGAN_D, Pt, mix
from demo.images.terrain import y_at


def house(
    c: Canvas, x: float, y: float, s: float, roof: RGB = ROOF, wall: RGB = (226, 212, 188)
) -> None:
    """A house standing at (x, y), size s: walls, door, window, a hipped tiled roof."""
    p = c.at(x, y, s)
    p.rect(-0.42, -0.46, 0.42, 0, wall)
    p.rect(0.12, -0.46, 0.42, 0, mix(wall, SOGAN, 0.3))
    p.rect(-0.28, -0.3, -0.14, 0, SOGAN_D)
    p.rect(-0.04, -0.34, 0.06, -0.22, SOGAN_D)
    p.poly([(-0.58, -0.42), (0.58, -0.42), (0.3, -0.82), (-0.3, -0.82)], roof)
    p.poly([(0.1, -0.42), (0.58, -0.42), (0.3, -0.82), (0.1, -0.82)], mix(roof, INK, 0.25))
    p.line([(-0.58, -0.42), (0.58, -0.42)], mix(roof, INK, 0.45), 0.04)


def village(c: Canvas, top: Sequence[Pt], xs: tuple[float, float], n: int, s: float) -> None:
    """n houses scattered along a ridge top between xs, nearer ones lower and larger."""
    spots = sorted((c.rng.uniform(0.005, 0.06), c.rng.uniform(*xs)) for _ in range(n))
    for d, hx in spots:
        house(c, hx, y_at(top, hx) + d, s * (1 + d * 6), mix(ROOF, (206, 112, 72), c.rng.random()))


def pendopo(
    c: Canvas,
    x: float,
    y: float,
    s: float,
    roof: RGB = (92, 58, 40),
    floor: RGB = (196, 180, 156),
    post: RGB = SOGAN_D,
    inner: RGB | None = None,
) -> None:
    """A pendopo at (x, y): a raised floor, posts and a three-tiered roof."""
    p = c.at(x, y, s)
    p.rect(-1.3, -0.14, 1.3, 0, floor)
    p.rect(-1.3, -0.04, 1.3, 0, mix(floor, INK, 0.3))
    p.rect(-0.3, 0, 0.3, 0.06, mix(floor, INK, 0.15))
    if inner:
        p.rect(-1.15, -0.8, 1.15, -0.14, inner)
    for px in (-1.1, -0.55, 0.55, 1.1, -0.22, 0.22):
        p.rect(px - 0.035, -0.84, px + 0.035, -0.14, post)
    dark = mix(roof, INK, 0.35)
    p.poly([(-1.42, -0.78), (1.42, -0.78), (0.82, -1.02), (-0.82, -1.02)], roof)
    p.poly([(-0.82, -1.02), (0.82, -1.02), (0.5, -1.22), (-0.5, -1.22)], mix(roof, PAPER, 0.1))
    p.poly([(-0.5, -1.22), (0.5, -1.22), (0.2, -1.62), (-0.2, -1.62)], roof)
    p.poly([(0.3, -1.02), (0.82, -1.02), (0.5, -1.22), (0.3, -1.22)], dark)
    p.poly([(0.1, -1.22), (0.5, -1.22), (0.2, -1.62), (0.1, -1.62)], dark)
    p.poly([(0.5, -0.78), (1.42, -0.78), (0.82, -1.02), (0.5, -1.02)], dark)
    p.line([(-1.42, -0.78), (1.42, -0.78)], mix(roof, INK, 0.6), 0.05)
    p.line([(-0.24, -1.63), (0.24, -1.63)], mix(roof, INK, 0.6), 0.04)


def gapura(c: Canvas, x: float, y: float, s: float, col: RGB = (168, 92, 62)) -> None:
    """Candi bentar: a split gate, two stepped towers with a straight cut between them."""
    prof = [
        (0.8, 0),
        (0.8, -0.22),
        (0.7, -0.27),
        (0.66, -0.95),
        (0.76, -1.0),
        (0.76, -1.1),
        (0.6, -1.16),
        (0.6, -1.32),
        (0.47, -1.38),
        (0.47, -1.54),
        (0.34, -1.6),
        (0.34, -1.74),
        (0.22, -1.8),
        (0.16, -2.0),
        (0.04, -2.12),
        (0, -2.2),
    ]
    g = 0.2
    p = c.at(x, y, s)
    for side in (-1, 1):
        shade = mix(col, INK, 0.3) if side > 0 else col
        p.poly([(side * g, 0)] + [(side * (g + a), b) for a, b in prof], shade)
        for b in (-0.22, -1.0, -1.16, -1.38, -1.6, -1.8):
            w = max(a for a, bb in prof if bb <= b + 0.06 and bb >= b - 0.06)
            p.line([(side * g, b), (side * (g + w), b)], mix(col, INK, 0.5), 0.025)
        p.rect(side * (g + 0.1) - 0.03, -0.85, side * (g + 0.1) + 0.03, -0.4, mix(col, INK, 0.45))
