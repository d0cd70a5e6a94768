"""Where the demo pictures are drawn: a `Canvas` for the whole picture and `Pen`s for parts.

A canvas works in relative coordinates (x and y from 0 to 1) and measures sizes and line widths
in units of `u` (the picture's height, or its width / 1.6 when it is narrower). `Canvas.at` gives
a pen with its own origin and scale, so a house or a person is drawn once in local coordinates
and placed anywhere. Pictures up to about 2 megapixels are drawn at twice their size and shrunk
at the end, which smooths their edges. Each canvas carries a random generator seeded from the
scene's key, so a picture is the same every time.
"""

import random
import zlib
from collections.abc import Sequence
from functools import cache

from PIL import Image, ImageDraw

from demo.images.palette import PAPER, RGB, Color, Pt, mix


@cache
def radial() -> Image.Image:
    """1 at the centre falling to 0 at the inscribed circle of a 256x256 square."""
    return Image.radial_gradient("L").point(lambda v: round(255 * max(0.0, 1 - v / 181)))


class Pen:
    """Draws in local coordinates: origin (ox, oy) in pixels, scales kx/ky, width scale kw."""

    def __init__(
        self,
        d: ImageDraw.ImageDraw,
        da: ImageDraw.ImageDraw,
        ox: float,
        oy: float,
        kx: float,
        ky: float,
        kw: float,
    ) -> None:
        self.d, self.da, self.ox, self.oy = d, da, ox, oy
        self.kx, self.ky, self.kw = kx, ky, kw

    def _d(self, fill: Color | None) -> ImageDraw.ImageDraw:
        return self.da if fill is not None and len(fill) == 4 else self.d  # blending is slow

    def p(self, a: float, b: float) -> Pt:
        return (self.ox + a * self.kx, self.oy + b * self.ky)

    def poly(self, pts: Sequence[Pt], fill: Color) -> None:
        self._d(fill).polygon([self.p(a, b) for a, b in pts], fill=fill)

    def oval(
        self,
        a: float,
        b: float,
        rx: float,
        ry: float,
        fill: Color | None,
        outline: Color | None = None,
        width: float = 0.0,
    ) -> None:
        (x0, y0), (x1, y1) = self.p(a - rx, b - ry), self.p(a + rx, b + ry)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        self._d(fill or outline).ellipse(
            (x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)),
            fill=fill,
            outline=outline,
            width=max(1, round(width * self.kw)) if outline else 0,
        )

    def rect(self, a0: float, b0: float, a1: float, b1: float, fill: Color) -> None:
        self.poly([(a0, b0), (a1, b0), (a1, b1), (a0, b1)], fill)

    def line(self, pts: Sequence[Pt], fill: Color, width: float) -> None:
        self._d(fill).line(
            [self.p(a, b) for a, b in pts],
            fill=fill,
            width=max(1, round(width * self.kw)),
            joint="curve" if len(pts) < 9 else None,
        )  # long ones are smooth


class Canvas(Pen):
    """Whole-image pen in relative coordinates (x, y in 0..1); sizes/widths in units of u."""

    def __init__(self, width: int, height: int, key: str) -> None:
        self.ss = 2 if width * height <= 2_100_000 else 1
        self.w, self.h = width * self.ss, height * self.ss
        self.u = min(self.h, self.w / 1.6)
        self.img = Image.new("RGB", (self.w, self.h), PAPER)
        super().__init__(
            ImageDraw.Draw(self.img), ImageDraw.Draw(self.img, "RGBA"), 0, 0, self.w, self.h, self.u
        )
        self.rng = random.Random(zlib.crc32(key.encode("utf-8")))

    def at(self, x: float, y: float, s: float, flip: bool = False) -> Pen:
        """A pen with its origin at (x, y) and s units of u to its unit; flip mirrors it."""
        k = s * self.u
        return Pen(self.d, self.da, x * self.w, y * self.h, -k if flip else k, k, k)

    def sky(self, stops: Sequence[tuple[float, RGB]]) -> None:
        """Fill the picture with a vertical gradient through (position, colour) stops."""
        col = []
        for i in range(self.h):
            t = i / max(1, self.h - 1)
            j = max(k for k in range(len(stops)) if stops[k][0] <= t or k == 0)
            if j == len(stops) - 1:
                col.append(stops[j][1])
                continue
            (t0, c0), (t1, c1) = stops[j], stops[j + 1]
            col.append(mix(c0, c1, (t - t0) / (t1 - t0)))
        strip = Image.new("RGB", (1, self.h))
        strip.putdata(col)
        self.img.paste(strip.resize((self.w, self.h), Image.Resampling.NEAREST))

    def glow(
        self, x: float, y: float, rx: float, ry: float, col: RGB, alpha: float, power: float = 1.6
    ) -> None:
        """A soft radial light at (x, y), radii rx and ry in units of u."""
        cx, cy, ax, ay = x * self.w, y * self.h, rx * self.u, ry * self.u
        box = (round(cx - ax), round(cy - ay), round(cx + ax) + 1, round(cy + ay) + 1)
        m = radial().point(lambda v: round(alpha * 255 * (v / 255) ** power))
        self.img.paste(
            col, box, m.resize((box[2] - box[0], box[3] - box[1]), Image.Resampling.BILINEAR)
        )

    def haze(self, y0: float, y1: float, col: RGB, a0: float, a1: float, hold: bool = True) -> None:
        """Vertical veil from alpha a0 at y0 to a1 at y1 (kept to the bottom if hold)."""
        top, bot = round(y0 * self.h), max(round(y1 * self.h), round(y0 * self.h) + 1)
        m = Image.linear_gradient("L").point(lambda v: round(255 * (a0 + (a1 - a0) * v / 255)))
        m = m.resize((1, bot - top), Image.Resampling.BILINEAR)
        self.img.paste(
            col, (0, top, self.w, bot), m.resize((self.w, bot - top), Image.Resampling.NEAREST)
        )
        if hold and bot < self.h:
            self.img.paste(
                col,
                (0, bot, self.w, self.h),
                Image.new("L", (self.w, self.h - bot), round(255 * a1)),
            )
