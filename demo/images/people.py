"""People: a standing figure (arms, hat, skirt, facing either way) and a seated one."""

import math

from demo.images.canvas import Canvas
from demo.images.palette import INK, RGB, SKIN, mix


def person(
    c: Canvas,
    x: float,
    y: float,
    s: float,
    body: RGB,
    arms: tuple[float, float] = (8, 8),
    hat: bool = False,
    skirt: RGB | None = None,
    head: RGB = SKIN,
    flip: bool = False,
) -> None:
    """Standing figure, height s (units of u); arms are angles (degrees) away from the body."""
    p = c.at(x, y, s, flip)
    p.poly([(-0.1, -0.46), (-0.02, -0.46), (-0.04, 0), (-0.1, 0)], mix(body, INK, 0.5))
    p.poly([(0.02, -0.46), (0.1, -0.46), (0.1, 0), (0.04, 0)], mix(body, INK, 0.5))
    if skirt:
        p.poly([(-0.12, -0.5), (0.12, -0.5), (0.16, -0.04), (-0.16, -0.04)], skirt)
    p.poly([(-0.13, -0.8), (0.13, -0.8), (0.11, -0.44), (-0.11, -0.44)], body)
    for side, ang in ((-1, arms[0]), (1, arms[1])):
        a = math.radians(ang)
        sx = side * 0.11
        p.line(
            [(sx, -0.78), (sx + side * math.sin(a) * 0.36, -0.78 + math.cos(a) * 0.36)], body, 0.055
        )
    p.oval(0, -0.9, 0.075, 0.085, head)
    if hat:
        p.poly([(-0.22, -0.9), (0.22, -0.9), (0, -1.06)], (214, 184, 120))
        p.poly([(0, -0.9), (0.22, -0.9), (0, -1.06)], (186, 152, 96))


def sitter(c: Canvas, x: float, y: float, s: float, body: RGB, head: RGB = SKIN) -> None:
    """A person sitting cross-legged on the floor, seen from the front."""
    p = c.at(x, y, s)
    p.oval(0, -0.06, 0.2, 0.07, mix(body, INK, 0.4))
    p.poly([(-0.14, -0.5), (0.14, -0.5), (0.17, -0.08), (-0.17, -0.08)], body)
    p.oval(0, -0.6, 0.075, 0.085, head)
