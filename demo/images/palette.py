"""The colours of the demo pictures: green hills and tea gardens, batik sogan browns, off-white
paper, misty blue volcanoes. Colours are RGB tuples; `mix` blends two of them."""

import math

RGB = tuple[int, int, int]
Color = tuple[int, ...]  # RGB, or RGBA to blend over what is already drawn
Pt = tuple[float, float]
TAU = math.tau

PAPER: RGB = (242, 234, 216)
INK: RGB = (40, 34, 30)
GREENS: list[RGB] = [(20, 54, 38), (31, 78, 50), (48, 104, 60), (84, 138, 74), (138, 172, 96)]
SOGAN: RGB = (128, 78, 40)
SOGAN_D: RGB = (80, 48, 26)
SOGAN_L: RGB = (184, 130, 76)
INDIGO: RGB = (46, 58, 100)
MIST: RGB = (206, 214, 216)
ROOF: RGB = (172, 76, 50)
SKIN: RGB = (112, 72, 48)
CLOTHES: list[RGB] = [SOGAN, INDIGO, (150, 58, 48), (60, 96, 70), (196, 150, 70), (96, 70, 110)]
DAY = [(0.0, (120, 162, 200)), (0.55, (190, 210, 220)), (1.0, (236, 232, 214))]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend two colours; t=0 gives a, t=1 gives b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
