"""Illustrated demo photos for the Wonosobo tourism-village site, drawn with Pillow only.

Every scene is a flat, layered "poster" illustration (green hills and tea gardens, batik sogan
browns, off-white paper, misty blue volcanoes, warm sunrise skies). Output is deterministic:
the same key and size always give byte-identical JPEG data.
"""

import io
import math
import random
import zlib
from collections.abc import Callable, Sequence
from functools import cache

from PIL import Image, ImageChops, ImageDraw

RGB = tuple[int, int, int]
Color = tuple[int, ...]
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

SCENES: dict[str, str] = {
    "home-hero": "Sindoro and Sumbing volcanoes at sunrise above terraced hills and a village",
    "plobangan-hero": "Stone steps up to a split Javanese gate under banyan trees, misty hills",
    "plobangan-heritage-walk": "A storyteller leading a small group along a village path",
    "plobangan-culture-night": "An evening dance performance in a lantern-lit pendopo",
    "lipursari-hero": "A village among rice terraces and fish ponds below green hills",
    "lipursari-batik": "Batik in the making: kawung and parang cloth, wax pot and canting",
    "lipursari-farm": "A farmer in a caping hat tending terraced rows of crops",
    "lipursari-fish": "Village fish ponds with fish, a scoop net and surrounding greenery",
    "gunturmadu-hero": "Highland spring-onion fields on steep slopes below a volcano",
    "gunturmadu-onion": "Rows of green spring onions beside a bamboo drying rack",
    "gunturmadu-tempe": "Tempe kemul fritters on a banana leaf beside a wok and sambal",
    "gallery-tea": "Tea garden rows on rolling hills in the mist",
    "gallery-market": "A small village market stall with baskets of fresh vegetables",
    "gallery-sunrise": "Sunrise over a sea of clouds with volcano peaks",
    "about": "Villagers gathered in a pendopo for a community meeting",
}


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend two colours; t=0 gives a, t=1 gives b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


@cache
def _radial() -> Image.Image:
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
        k = s * self.u
        return Pen(self.d, self.da, x * self.w, y * self.h, -k if flip else k, k, k)

    def sky(self, stops: Sequence[tuple[float, RGB]]) -> None:
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
        cx, cy, ax, ay = x * self.w, y * self.h, rx * self.u, ry * self.u
        box = (round(cx - ax), round(cy - ay), round(cx + ax) + 1, round(cy + ay) + 1)
        m = _radial().point(lambda v: round(alpha * 255 * (v / 255) ** power))
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


# ---------------------------------------------------------------- landscape building blocks


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


def house(
    c: Canvas, x: float, y: float, s: float, roof: RGB = ROOF, wall: RGB = (226, 212, 188)
) -> None:
    p = c.at(x, y, s)
    p.rect(-0.42, -0.46, 0.42, 0, wall)
    p.rect(0.12, -0.46, 0.42, 0, mix(wall, SOGAN, 0.3))
    p.rect(-0.28, -0.3, -0.14, 0, SOGAN_D)
    p.rect(-0.04, -0.34, 0.06, -0.22, SOGAN_D)
    p.poly([(-0.58, -0.42), (0.58, -0.42), (0.3, -0.82), (-0.3, -0.82)], roof)
    p.poly([(0.1, -0.42), (0.58, -0.42), (0.3, -0.82), (0.1, -0.82)], mix(roof, INK, 0.25))
    p.line([(-0.58, -0.42), (0.58, -0.42)], mix(roof, INK, 0.45), 0.04)


def tree(c: Canvas, x: float, y: float, s: float, col: RGB, kind: str = "round") -> None:
    p, rng = c.at(x, y, s), c.rng
    dark, light = mix(col, INK, 0.3), mix(col, (226, 232, 160), 0.14)
    trunk = SOGAN_D if sum(col) > 160 else dark
    if kind == "palm":
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
        return
    if kind == "slim":
        p.line([(0, 0), (0.01, -1.2)], trunk, 0.05)
        p.oval(0, -1.3, 0.2, 0.55, dark)
        p.oval(-0.03, -1.33, 0.15, 0.48, col)
        p.oval(-0.07, -1.45, 0.05, 0.2, light)
        return
    banyan = kind == "banyan"
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
    p = c.at(x, y, s)
    p.oval(0, -0.06, 0.2, 0.07, mix(body, INK, 0.4))
    p.poly([(-0.14, -0.5), (0.14, -0.5), (0.17, -0.08), (-0.17, -0.08)], body)
    p.oval(0, -0.6, 0.075, 0.085, head)


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


def back_hills(c: Canvas, y: float = 0.5, haze: RGB = MIST) -> list[Pt]:
    r = ridge(c, y, 0.05, mix((108, 140, 150), haze, 0.4))
    c.haze(y - 0.05, y + 0.14, haze, 0.0, 0.7)
    return r


def village(c: Canvas, top: Sequence[Pt], xs: tuple[float, float], n: int, s: float) -> None:
    spots = sorted((c.rng.uniform(0.005, 0.06), c.rng.uniform(*xs)) for _ in range(n))
    for d, hx in spots:
        house(c, hx, y_at(top, hx) + d, s * (1 + d * 6), mix(ROOF, (206, 112, 72), c.rng.random()))


# ------------------------------------------------------------------------------- scenes


def _home_hero(c: Canvas) -> None:
    c.sky(
        [
            (0, (104, 132, 170)),
            (0.3, (188, 176, 186)),
            (0.55, (248, 196, 150)),
            (0.7, (252, 224, 176)),
        ]
    )
    c.glow(0.52, 0.5, 0.75, 0.45, (255, 222, 160), 0.85)
    c.at(0.52, 0.47, 0.056).oval(0, 0, 1, 1, (255, 242, 206))
    volcano(c, 0.3, 0.2, 0.62, 0.3, (112, 130, 162), (150, 160, 184), crater=0.035)
    volcano(c, 0.72, 0.16, 0.64, 0.34, (104, 122, 156), (144, 152, 178), crater=0.05)
    c.haze(0.4, 0.63, (244, 220, 196), 0.0, 0.85)
    ridge(c, 0.6, 0.025, (128, 156, 130))
    c.haze(0.56, 0.7, (236, 222, 200), 0.0, 0.5)
    r2 = ridge(c, 0.67, 0.035, (92, 134, 86))
    terraces(c, r2, 0.14, 9, [(96, 140, 84), (110, 152, 88)], (150, 182, 110))
    r3 = ridge(c, 0.77, 0.03, GREENS[2])
    village(c, r3, (0.14, 0.6), 13, 0.045)
    for tx, kind in ((0.1, "round"), (0.66, "round"), (0.72, "palm"), (0.78, "palm")):
        tree(c, tx, y_at(r3, tx) + 0.04, 0.1, GREENS[3], kind)
    r4 = ridge(c, 0.9, 0.04, GREENS[1])
    for tx, kind in ((0.03, "round"), (0.88, "palm"), (0.97, "round")):
        tree(c, tx, y_at(r4, tx) + 0.06, 0.2, GREENS[2], kind)


def _plobangan_hero(c: Canvas) -> None:
    c.sky([(0, (150, 178, 196)), (0.6, (226, 226, 212)), (1, (236, 230, 210))])
    c.glow(0.5, 0.3, 0.6, 0.4, (255, 236, 196), 0.6)
    back_hills(c, 0.5)
    ridge(c, 0.6, 0.03, (122, 150, 126))
    c.haze(0.5, 0.72, MIST, 0.0, 0.6)
    top = ridge(c, 0.64, 0.01, GREENS[3], freqs=(0.7, 1.4))
    gapura(c, 0.5, 0.645, 0.25)
    c.poly([(0.4, 0.64), (0.6, 0.64), (0.78, 1.02), (0.22, 1.02)], (168, 160, 146))
    for j in range(18):
        t0, t1 = (j / 18) ** 1.4, ((j + 0.45) / 18) ** 1.4
        ya, yb = 0.64 + 0.38 * t0, 0.64 + 0.38 * t1
        wa, wb = 0.1 + 0.18 * t0, 0.1 + 0.18 * t1
        c.poly([(0.5 - wa, ya), (0.5 + wa, ya), (0.5 + wb, yb), (0.5 - wb, yb)], (132, 124, 114))
    c.poly([(0.37, 0.64), (0.4, 0.64), (0.22, 1.02), (0.15, 1.02)], (110, 104, 96))
    c.poly([(0.6, 0.64), (0.63, 0.64), (0.85, 1.02), (0.78, 1.02)], (96, 90, 84))
    c.poly([(-0.02, y_at(top, 0)), (0.37, 0.64), (0.15, 1.02), (-0.02, 1.02)], GREENS[2])
    c.poly([(1.02, y_at(top, 1)), (0.63, 0.64), (0.85, 1.02), (1.02, 1.02)], GREENS[2])
    tree(c, 0.1, 0.78, 0.22, GREENS[2], "banyan")
    tree(c, 0.9, 0.8, 0.24, GREENS[1], "banyan")
    for tx, ty in ((0.04, 1.0), (0.3, 0.99), (0.7, 0.99), (0.96, 1.0)):
        c.at(tx, ty, 0.06).oval(0, 0, 0.9, 0.5, GREENS[1])


def _heritage_walk(c: Canvas) -> None:
    c.sky(DAY)
    back_hills(c, 0.5)
    r = ridge(c, 0.62, 0.02, GREENS[3])
    for tx, kind in ((0.28, "round"), (0.64, "palm"), (0.7, "palm")):
        tree(c, tx, y_at(r, tx) + 0.06, 0.15, GREENS[2], kind)
    for hx in (0.08, 0.2, 0.76, 0.9):
        house(c, hx, y_at(r, hx) + 0.08, 0.12, ROOF)
    c.poly([(0.44, 0.66), (0.54, 0.66), (0.95, 1.02), (0.05, 1.02)], (212, 184, 140))
    c.poly([(0.47, 0.66), (0.51, 0.66), (0.6, 1.02), (0.4, 1.02)], (224, 200, 160))
    c.poly([(-0.02, 0.7), (0.44, 0.66), (0.05, 1.02), (-0.02, 1.02)], GREENS[2])
    c.poly([(1.02, 0.7), (0.54, 0.66), (0.95, 1.02), (1.02, 1.02)], GREENS[2])
    for j in range(9):
        t = j / 8
        fx, fy, fh = 0.42 - 0.36 * t, 0.67 + 0.3 * t, 0.02 + 0.06 * t
        c.line([(fx, fy), (fx, fy - fh)], (178, 150, 100), 0.004 + 0.006 * t)
    c.line([(0.42, 0.66), (0.06, 0.93)], (178, 150, 100), 0.006)
    tree(c, 0.06, 0.98, 0.34, GREENS[1])
    tree(c, 0.94, 0.96, 0.3, GREENS[2])
    group = [
        (0.42, 0.86, CLOTHES[1], True),
        (0.5, 0.84, CLOTHES[2], False),
        (0.56, 0.88, CLOTHES[3], True),
        (0.47, 0.92, CLOTHES[4], False),
        (0.6, 0.94, CLOTHES[5], False),
    ]
    person(c, 0.33, 0.88, 0.26, SOGAN, arms=(10, 115), skirt=SOGAN_D)
    for gx, gy, col, hat in sorted(group, key=lambda g: g[1]):
        person(c, gx, gy, 0.2 + (gy - 0.84) * 0.5, col, hat=hat, flip=True)


def _culture_night(c: Canvas) -> None:
    c.sky([(0, (14, 20, 48)), (0.6, (38, 52, 96)), (1, (60, 60, 96))])
    for _ in range(90):
        sx, sy, r = c.rng.random(), c.rng.uniform(0, 0.55), c.rng.uniform(0.001, 0.003)
        c.at(sx, sy, r).oval(0, 0, 1, 1, (255, 246, 220, round(c.rng.uniform(100, 255))))
    c.at(0.84, 0.14, 0.056).oval(0, 0, 1, 1, (250, 240, 206))
    c.at(0.84, 0.14, 0.056).oval(0.4, -0.16, 0.9, 0.9, (22, 30, 62))
    ridge(c, 0.6, 0.04, (30, 42, 62))
    ridge(c, 0.8, 0.01, (24, 32, 30))
    c.glow(0.5, 0.66, 0.9, 0.35, (255, 170, 80), 0.55)
    pendopo(
        c,
        0.5,
        0.84,
        0.3,
        roof=(54, 36, 30),
        floor=(120, 84, 56),
        post=(40, 26, 20),
        inner=(236, 160, 80),
    )
    c.glow(0.5, 0.7, 0.35, 0.2, (255, 226, 150), 0.6)
    for dx, arms in ((-0.1, (150, 70)), (0.0, (100, 100)), (0.1, (70, 150))):
        person(
            c, 0.5 + dx, 0.8, 0.18, (70, 24, 30), arms=arms, skirt=(120, 40, 40), head=(50, 30, 26)
        )
        c.at(0.5 + dx, 0.8, 0.18).line(
            [(-0.1, -0.5), (-0.3, -0.35), (-0.34, -0.1)], (200, 150, 60), 0.035
        )
    for gx in (0.27, 0.32, 0.68, 0.73):
        sitter(c, gx, 0.8, 0.1, (50, 30, 26), (40, 26, 22))
    for tx in (0.02, 0.98):
        tree(c, tx, 0.84, 0.2, (18, 34, 32), "banyan")
    for side in (0, 1):
        pts = [
            (0.02 + 0.48 * side + 0.48 * j / 10, 0.2 + 0.07 * math.sin(math.pi * j / 10))
            for j in range(11)
        ]
        c.line(pts, (30, 26, 30), 0.003)
        for lx, ly in pts[1:-1]:
            c.glow(lx, ly + 0.03, 0.05, 0.05, (255, 180, 90), 0.6)
            c.at(lx, ly + 0.03, 0.025).oval(0, 0, 0.5, 0.7, (240, 120, 60))
    for j in range(16):
        sitter(c, j / 15 + c.rng.uniform(-0.02, 0.02), 1.08, 0.3, (12, 14, 22), (12, 14, 22))


def _lipursari_hero(c: Canvas) -> None:
    c.sky(DAY)
    c.glow(0.72, 0.18, 0.5, 0.35, (255, 244, 214), 0.6)
    ridge(c, 0.34, 0.06, (132, 156, 168))
    c.haze(0.28, 0.48, MIST, 0.0, 0.7)
    ridge(c, 0.42, 0.03, (104, 140, 118))
    r = ridge(c, 0.5, 0.02, (84, 132, 80))
    water = (190, 216, 222)

    def paddy(cur: list[Pt], nxt: list[Pt], t: float) -> None:
        xa = -0.02
        while xa < 1.02:
            xb = xa + c.rng.uniform(0.1, 0.3)
            top = [q for q in cur if xa <= q[0] <= xb + 0.005]
            bot = [q for q in nxt if xa <= q[0] <= xb + 0.005]
            wet = c.rng.random() < 0.35
            col = (
                mix(water, PAPER, c.rng.random() * 0.5)
                if wet
                else mix((104, 156, 76), (150, 186, 92), c.rng.random())
            )
            if len(top) > 1:
                c.poly(top + bot[::-1], col)
                c.line([top[-1], bot[-1]], (176, 200, 120), 0.002 + 0.004 * t)
            xa = xb

    terraces(
        c,
        r,
        0.5,
        10,
        [(112, 162, 80), (128, 174, 88)],
        (176, 200, 120),
        k=1.4,
        amp=0.004,
        deco=paddy,
    )
    village(c, r, (0.22, 0.78), 12, 0.045)
    for tx, kind in (
        (0.1, "palm"),
        (0.16, "round"),
        (0.5, "palm"),
        (0.85, "round"),
        (0.92, "palm"),
    ):
        tree(c, tx, y_at(r, tx) + 0.05, 0.08, GREENS[2], kind)
    for x0, x1 in ((0.04, 0.34), (0.64, 0.96)):
        c.poly([(x0, 0.84), (x1, 0.84), (x1 + 0.04, 1.02), (x0 - 0.04, 1.02)], (176, 146, 108))
        c.poly(
            [(x0 + 0.01, 0.855), (x1 - 0.01, 0.855), (x1 + 0.02, 1.02), (x0 - 0.02, 1.02)],
            (120, 172, 184),
        )
        for j in range(4):
            yy = 0.88 + j * 0.035
            c.line([(x0 + 0.04 + j * 0.02, yy), (x0 + 0.12 + j * 0.03, yy)], (200, 226, 226), 0.003)


def _batik(c: Canvas) -> None:
    c.sky([(0, (230, 214, 184)), (1, (200, 170, 128))])
    c.glow(0.25, 0.15, 0.8, 0.5, (255, 244, 214), 0.5)
    c.rect(-0.02, 0.72, 1.02, 1.02, (124, 84, 52))
    c.line([(-0.02, 0.72), (1.02, 0.72)], SOGAN_D, 0.008)
    x0, x1, y0, y1 = 0.1, 0.9, 0.09, 0.62
    for px in (x0 - 0.02, x1 + 0.02):
        c.rect(px - 0.012, 0.05, px + 0.012, 0.76, (150, 104, 60))
    c.rect(x0 - 0.04, 0.05, x1 + 0.04, 0.085, (150, 104, 60))
    cw, ch = round((x1 - x0) * c.w), round((y1 - y0) * c.h)
    bg = (238, 226, 200)
    cloth = Image.new("RGB", (cw, ch), bg)
    cd = ImageDraw.Draw(cloth)
    cell = max(8, round(0.12 * c.u))
    lw = max(1, cell // 40)

    def ell(x: float, y: float, rx: float, ry: float, fill: RGB, out: RGB | None = None) -> None:
        cd.ellipse((x - rx, y - ry, x + rx, y + ry), fill=fill, outline=out, width=lw)

    for gy in range(0, ch + cell, cell):
        for gx in range(0, cw + cell, cell):
            for dx, dy in ((0, -1), (0, 1), (-1, 0), (1, 0)):
                ex, ey = gx + dx * cell * 0.25, gy + dy * cell * 0.25
                ax, ay = (cell * 0.12, cell * 0.2) if dy else (cell * 0.2, cell * 0.12)
                ell(ex, ey, ax, ay, SOGAN, SOGAN_D)
                ell(ex, ey, ax * 0.45, ay * 0.45, bg)
                ell(ex, ey, ax * 0.15, ay * 0.15, SOGAN_D)
            ell(gx, gy, cell * 0.05, cell * 0.05, INDIGO)
            for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
                ell(
                    gx + cell * (0.5 + dx * 0.07),
                    gy + cell * (0.5 + dy * 0.07),
                    cell * 0.05,
                    cell * 0.05,
                    INDIGO,
                )
    band = round(ch * 0.22)
    cd.rectangle((0, ch - band, cw, ch), fill=(226, 206, 170))
    step = band * 0.5
    for j in range(-4, int(cw / step) + 4):
        bx = j * step
        cd.polygon(
            [
                (bx, ch),
                (bx + step * 0.5, ch),
                (bx + band + step * 0.5, ch - band),
                (bx + band, ch - band),
            ],
            fill=SOGAN_D if j % 2 else INDIGO,
        )
        for q in range(3):
            ex, ey = bx + step * 0.25 + band * (q + 0.5) / 3, ch - band * (q + 0.5) / 3
            ell(ex, ey, step * 0.15, step * 0.15, (226, 206, 170))
    cd.line([(0, ch - band), (cw, ch - band)], fill=SOGAN_D, width=max(2, cell // 12))
    c.img.paste(cloth, (round(x0 * c.w), round(y0 * c.h)))
    c.haze(y0, y1, (120, 80, 40), 0.0, 0.14, hold=False)
    stove = c.at(0.78, 0.94, 0.3)
    stove.poly([(-0.42, 0), (0.42, 0), (0.33, -0.47), (-0.33, -0.47)], (164, 90, 58))
    stove.poly([(0.1, 0), (0.42, 0), (0.33, -0.47), (0.1, -0.47)], (140, 74, 48))
    stove.oval(-0.05, -0.16, 0.14, 0.1, (60, 30, 20))
    stove.oval(-0.05, -0.14, 0.1, 0.06, (255, 150, 60))
    stove.poly([(-0.55, -0.46), (0.55, -0.46), (0.38, -0.64), (-0.38, -0.64)], (64, 56, 52))
    stove.oval(0, -0.64, 0.4, 0.07, (60, 36, 20))
    stove.oval(-0.06, -0.66, 0.2, 0.03, (140, 96, 50))
    for k in range(3):
        c.glow(0.76 + 0.03 * k, 0.66 - 0.04 * k, 0.04, 0.09, (255, 255, 250), 0.3)
    can = c.at(0.34, 0.86, 0.3)
    can.line([(-0.95, 0.16), (0.22, -0.2)], (206, 178, 116), 0.05)
    can.line([(-0.95, 0.16), (0.22, -0.2)], (226, 204, 150), 0.015)
    can.oval(0.32, -0.22, 0.14, 0.09, (196, 122, 58))
    can.oval(0.3, -0.25, 0.09, 0.04, (110, 70, 40))
    can.line([(0.42, -0.18), (0.56, -0.08), (0.6, 0.02)], (176, 104, 48), 0.025)
    can.oval(-0.45, 0.02, 0.2, 0.12, SKIN)
    for f in range(4):
        can.oval(-0.3 + f * 0.035, 0.08 + f * 0.02, 0.06, 0.04, mix(SKIN, INK, 0.12))
    can.poly([(-0.6, -0.06), (-0.5, 0.14), (-1.2, 0.5), (-1.3, 0.2)], INDIGO)


def _farm(c: Canvas) -> None:
    c.sky([(0, (108, 160, 206)), (0.6, (188, 214, 228)), (1, (220, 228, 220))])
    for cx, cy in ((0.2, 0.14), (0.64, 0.1), (0.86, 0.2)):
        for j in range(5):
            c.at(cx + 0.035 * j, cy - 0.01 * math.sin(j), 0.05).oval(0, 0, 1.1, 0.6, PAPER)
    ridge(c, 0.42, 0.05, (118, 150, 150))
    c.haze(0.36, 0.5, MIST, 0.0, 0.5)
    r = ridge(c, 0.48, 0.03, (100, 146, 84))

    def rows(cur: list[Pt], nxt: list[Pt], t: float) -> None:
        for x, y in cur[::2]:
            c.at(x, y + 0.004, 0.01 + 0.035 * t).oval(0, -0.4, 0.6, 0.4, (48, 108, 52))

    terraces(c, r, 0.52, 10, [(150, 118, 80), (162, 128, 86)], (112, 156, 80), deco=rows)
    tree(c, 0.08, 0.6, 0.14, GREENS[2], "palm")
    f = c.at(0.7, 0.93, 0.46)
    person(c, 0.7, 0.93, 0.46, (70, 88, 120), arms=(15, 35), hat=True)
    f.poly([(-0.12, -0.52), (0.12, -0.52), (0.13, -0.3), (-0.13, -0.3)], (110, 70, 50))
    f.line([(0.26, -0.5), (0.5, 0.0)], (150, 110, 70), 0.035)
    f.poly([(0.44, -0.04), (0.66, 0.0), (0.62, 0.06), (0.42, 0.02)], (120, 120, 124))


def _fish(c: Canvas) -> None:
    c.sky([(0, (96, 146, 80)), (1, (70, 120, 64))])
    for _ in range(120):
        gx, gy = c.rng.random(), c.rng.random()
        c.at(gx, gy, 0.015).line([(0, 0), (0.3, -1), (0.6, 0)], (112, 164, 88), 0.12)
    for x0, y0, x1, y1 in (
        (0.06, 0.1, 0.48, 0.58),
        (0.54, 0.1, 0.94, 0.58),
        (0.06, 0.66, 0.94, 0.96),
    ):
        box, rad, ins = (x0 * c.w, y0 * c.h, x1 * c.w, y1 * c.h), 0.04 * c.u, 0.012 * c.u
        c.d.rounded_rectangle(box, round(rad), fill=(176, 146, 104))
        c.d.rounded_rectangle(
            (box[0] + ins, box[1] + ins, box[2] - ins, box[3] - ins),
            round(rad),
            fill=(52, 112, 116),
        )
        for _ in range(4):
            rx, ry = c.rng.uniform(x0 + 0.06, x1 - 0.06), c.rng.uniform(y0 + 0.05, y1 - 0.05)
            for k in (1, 2):
                c.at(rx, ry, 0.03 * k).oval(0, 0, 1.4, 0.5, None, (120, 176, 170), 0.05 / k)
        for _ in range(6):
            fx, fy = c.rng.uniform(x0 + 0.06, x1 - 0.06), c.rng.uniform(y0 + 0.05, y1 - 0.05)
            col = c.rng.choice([(232, 130, 60), (190, 196, 196), (236, 200, 90), (150, 150, 140)])
            f = c.at(fx, fy, c.rng.uniform(0.06, 0.09), flip=c.rng.random() < 0.5)
            f.oval(0.08, 0.08, 0.5, 0.2, (30, 80, 86, 150))
            f.poly([(-0.4, 0), (-0.75, -0.22), (-0.68, 0), (-0.75, 0.22)], col)
            f.oval(0, 0, 0.5, 0.2, col)
            f.poly([(-0.05, -0.15), (0.15, -0.3), (0.25, -0.15)], mix(col, INK, 0.15))
            f.oval(0.33, -0.04, 0.04, 0.04, INK)
    net = c.at(0.62, 0.62, 0.16)
    net.line([(0.9, 0.1), (2.6, 1.6)], (190, 150, 90), 0.07)
    for j in range(-8, 9):
        h = math.sqrt(max(0.0, 1 - (j / 9) ** 2)) * 0.9
        net.line([(j * 0.1, -h), (j * 0.1, h)], (230, 226, 210, 200), 0.015)
        net.line([(-h, j * 0.1), (h, j * 0.1)], (230, 226, 210, 200), 0.015)
    net.oval(0, 0, 0.9, 0.9, None, (190, 150, 90), 0.07)
    for tx, ty in ((0.0, 0.05), (0.98, 0.0), (0.5, 0.02), (1.0, 0.62), (0.0, 0.62)):
        t = c.at(tx, ty, 0.12)
        for j in range(6):
            t.oval(math.cos(j * TAU / 6) * 0.45, math.sin(j * TAU / 6) * 0.45, 0.5, 0.5, GREENS[1])
        t.oval(-0.1, -0.1, 0.6, 0.6, GREENS[2])
        t.oval(-0.2, -0.2, 0.3, 0.3, GREENS[3])


def _gunturmadu_hero(c: Canvas) -> None:
    c.sky([(0, (110, 140, 178)), (0.4, (196, 190, 196)), (0.7, (240, 222, 196))])
    c.glow(0.25, 0.3, 0.6, 0.4, (255, 230, 180), 0.6)
    volcano(c, 0.64, 0.1, 0.6, 0.42, (104, 124, 156), (146, 156, 182), crater=0.05)
    c.haze(0.3, 0.6, (236, 228, 214), 0.0, 0.85)
    r = ridge(c, 0.5, 0.1, (96, 132, 84), freqs=(0.55, 1.2, 3))

    def onions(cur: list[Pt], nxt: list[Pt], t: float) -> None:
        c.line([(x, y + 0.004) for x, y in cur], (70, 140, 66), 0.004 + 0.012 * t)
        for x, y in cur[1::2]:
            p = c.at(x, y, 0.012 + 0.035 * t)
            p.line([(0, 0), (-0.2, -0.9)], (70, 150, 70), 0.1)
            p.line([(0.1, 0), (0.3, -0.8)], (56, 130, 62), 0.1)
            p.line([(0.05, 0), (0.05, -1.0)], (100, 172, 86), 0.1)

    terraces(c, r, 0.6, 11, [(124, 92, 64), (110, 82, 58)], (90, 136, 70), deco=onions)
    for hx in (0.1, 0.16, 0.22):
        house(c, hx, y_at(r, hx) + 0.02, 0.05, (140, 146, 160), (226, 224, 214))
    for fx, fy, s in ((0.3, 0.74, 0.12), (0.78, 0.86, 0.18)):
        person(c, fx, fy, s, CLOTHES[1 + int(fx * 3)], arms=(30, 50), hat=True)


def _onion(c: Canvas) -> None:
    c.sky([(0, (180, 204, 212)), (0.5, (226, 228, 212)), (1, (226, 228, 212))])
    ridge(c, 0.34, 0.05, (150, 170, 160))
    ridge(c, 0.44, 0.03, (112, 150, 104))
    c.rect(-0.02, 0.5, 1.02, 1.02, (104, 74, 52))
    for row in range(5):
        t = row / 4
        y, s = 0.52 + 0.48 * t**1.3, 0.1 + 0.36 * t
        c.rect(-0.02, y - 0.01 * (1 + 4 * t), 1.02, y + 0.01 * (1 + 4 * t), (88, 62, 44))
        n = 16 - 2 * row
        for j in range(n):
            p = c.at((j + 0.5 + (row % 2) * 0.5) / n * 0.66 - 0.02, y, s)
            for b in range(5):
                lean = (b - 2) * 0.09 + c.rng.uniform(-0.05, 0.05)
                col = mix((60, 140, 60), (150, 196, 96), c.rng.random() * 0.6)
                p.poly(
                    [
                        (-0.025 + b * 0.012, 0),
                        (0.015 + b * 0.012, 0),
                        (lean * 2.4 + 0.004, -1.0),
                        (lean * 2.4, -1.02),
                    ],
                    col,
                )
            p.oval(0.02, -0.08, 0.03, 0.1, (214, 226, 190))
    rack, bamboo = c.at(0.84, 0.96, 0.62), (200, 170, 110)
    for lx in (-0.32, 0.32):
        rack.line([(lx, 0), (lx, -1.3)], bamboo, 0.03)
    for lvl in range(4):
        yy = -0.2 - lvl * 0.32
        rack.line([(-0.36, yy), (0.36, yy)], bamboo, 0.025)
        rack.oval(0, yy - 0.02, 0.3, 0.035, (214, 186, 130))
        rack.poly(
            [(-0.27, yy - 0.03), (-0.2, yy - 0.09), (0.2, yy - 0.1), (0.27, yy - 0.03)],
            (58, 124, 58),
        )
        for k in range(14):
            lx = -0.24 + k * 0.036
            rack.line(
                [(lx, yy - 0.05), (lx + 0.06 * ((k * 7 % 5) - 2) / 2, yy - 0.1)],
                mix((80, 150, 66), (150, 190, 96), (k * 3 % 7) / 7),
                0.02,
            )


def _tempe(c: Canvas) -> None:
    c.sky([(0, (118, 78, 50)), (0.4, (150, 100, 62)), (1, (176, 124, 78))])
    c.glow(0.2, 0.1, 0.8, 0.5, (255, 214, 150), 0.35)
    for j in range(7):
        c.line([(-0.02, 0.45 + j * 0.09), (1.02, 0.43 + j * 0.09)], (130, 86, 52), 0.006)
    wok = c.at(0.22, 0.2, 0.5)
    wok.line([(-0.66, -0.02), (-0.8, -0.06)], (44, 40, 40), 0.04)
    wok.line([(0.6, -0.04), (0.9, -0.1)], (44, 40, 40), 0.05)
    wok.oval(0, 0, 0.62, 0.32, (44, 40, 40))
    wok.oval(0, 0.02, 0.54, 0.26, (196, 140, 60))
    for _ in range(14):
        wok.oval(c.rng.uniform(-0.4, 0.4), c.rng.uniform(-0.14, 0.18), 0.02, 0.012, (236, 200, 120))
    for j in range(3):
        c.glow(0.25 + j * 0.06, 0.12 - j * 0.02, 0.08, 0.16, (255, 250, 240), 0.25)
    plate = c.at(0.56, 0.64, 0.5)
    plate.oval(0, 0, 0.82, 0.5, (196, 160, 104))
    plate.oval(0, 0, 0.72, 0.43, (214, 180, 120), (180, 140, 90), 0.015)
    plate.poly(
        [(-0.78, 0.08), (-0.2, -0.42), (0.7, -0.24), (0.62, 0.3), (-0.1, 0.42)], (66, 126, 62)
    )
    plate.line([(-0.78, 0.08), (0.66, 0.04)], (110, 160, 90), 0.012)
    for fx, fy, rx, ry in (
        (-0.3, 0.02, 0.34, 0.18),
        (0.12, -0.14, 0.34, 0.17),
        (0.3, 0.1, 0.32, 0.17),
        (-0.06, 0.16, 0.34, 0.17),
    ):
        ph = [c.rng.uniform(0, TAU) for _ in range(2)]
        blob = []
        for j in range(48):
            a = TAU * j / 48
            r = 1 + 0.1 * math.sin(3 * a + ph[0]) + 0.06 * math.sin(7 * a + ph[1])
            blob.append((fx + rx * math.cos(a) * r, fy + ry * math.sin(a) * r))
        for bx, by in blob[::3]:
            plate.oval(bx, by, 0.025, 0.018, (200, 130, 46))
        plate.poly(blob, (200, 130, 46))
        plate.poly(
            [(fx + (x - fx) * 0.9, fy + (y - fy) * 0.86 - 0.01) for x, y in blob], (232, 172, 72)
        )
        plate.oval(fx - rx * 0.2, fy - ry * 0.3, rx * 0.5, ry * 0.35, (244, 200, 104))
        for _ in range(5):
            a, r = c.rng.uniform(0, TAU), c.rng.uniform(0, 0.6)
            ex, ey = fx + math.cos(a) * rx * r, fy + math.sin(a) * ry * r
            plate.rect(ex - 0.03, ey - 0.015, ex + 0.03, ey + 0.015, (214, 190, 130))
        for _ in range(14):
            a, r = c.rng.uniform(0, TAU), c.rng.uniform(0, 0.8)
            ex, ey = fx + math.cos(a) * rx * r, fy + math.sin(a) * ry * r
            plate.line([(ex, ey), (ex + 0.03, ey - 0.01)], (60, 120, 50), 0.012)
    bowl = c.at(0.88, 0.3, 0.16)
    bowl.oval(0, 0, 0.7, 0.4, (234, 228, 214))
    bowl.oval(0, -0.05, 0.56, 0.27, (190, 50, 36))
    glass = c.at(0.9, 0.62, 0.22)
    glass.rect(-0.3, -0.8, 0.3, 0, (226, 220, 200, 120))
    glass.rect(-0.27, -0.6, 0.27, -0.03, (150, 70, 30))
    glass.oval(0, -0.6, 0.27, 0.06, (180, 96, 40))
    glass.oval(0, -0.8, 0.3, 0.07, None, (240, 236, 224), 0.02)


def _tea(c: Canvas) -> None:
    c.sky([(0, (176, 196, 200)), (0.6, (226, 228, 216)), (1, (226, 228, 216))])
    ridge(c, 0.32, 0.05, (156, 176, 176))
    c.haze(0.25, 0.42, MIST, 0.0, 0.6)
    for layer, (y, col) in enumerate(
        ((0.42, (100, 140, 96)), (0.56, (64, 116, 70)), (0.72, (40, 94, 56)))
    ):
        r = ridge(c, y, 0.05, col, freqs=(0.7, 1.6, 3.1))
        t = (layer + 1) / 3
        for j in range(1, 9 + 3 * layer):
            pts = [(x, yy + 0.012 * j**1.35 * (0.6 + t)) for x, yy in r]
            c.line(pts, mix(col, (10, 40, 20), 0.35), 0.008 + 0.01 * t)
            c.line(
                [(x, yy - 0.004 * t) for x, yy in pts],
                mix(col, (190, 220, 120), 0.35),
                0.002 + 0.003 * t,
            )
        if layer < 2:
            c.haze(y - 0.04, y + 0.14, MIST, 0.0, 0.55)
        if layer == 1:
            for tx in (0.15, 0.6, 0.85):
                tree(c, tx, y_at(r, tx) + 0.03, 0.12, (60, 96, 70), "slim")
    person(c, 0.3, 0.96, 0.2, (150, 58, 48), arms=(30, 40), hat=True, skirt=INDIGO)
    c.at(0.3, 0.96, 0.2).poly([(0.1, -0.78), (0.24, -0.8), (0.2, -0.5), (0.1, -0.5)], SOGAN_L)


def _market(c: Canvas) -> None:
    c.sky([(0, (200, 214, 210)), (0.5, (234, 226, 206)), (1, (220, 200, 170))])
    for tx in (0.06, 0.94):
        tree(c, tx, 0.72, 0.26, GREENS[2])
    c.rect(-0.02, 0.72, 1.02, 1.02, (188, 164, 128))
    for px in (0.14, 0.86):
        c.rect(px - 0.008, 0.16, px + 0.008, 0.74, (150, 110, 64))
    c.poly([(0.08, 0.2), (0.92, 0.2), (0.86, 0.08), (0.14, 0.08)], (176, 72, 50))
    for j in range(12):
        x, light = 0.08 + j * 0.07, j % 2 == 1
        if light:
            c.poly(
                [(x, 0.2), (x + 0.07, 0.2), (x + 0.065, 0.08), (x + 0.005, 0.08)], (238, 222, 196)
            )
        c.at(x + 0.035, 0.2, 0.07).oval(
            0, 0, 0.5, 0.35, (238, 222, 196) if light else (176, 72, 50)
        )
    seller = c.at(0.5, 0.66, 0.4)
    person(c, 0.5, 0.66, 0.4, (60, 96, 70), arms=(20, 20))
    seller.oval(0, -0.92, 0.1, 0.11, (150, 58, 48))
    seller.poly([(-0.1, -0.92), (0.1, -0.92), (0.15, -0.76), (-0.15, -0.76)], (150, 58, 48))
    seller.oval(0, -0.89, 0.06, 0.07, SKIN)
    c.rect(0.12, 0.6, 0.88, 0.66, (140, 96, 58))
    c.rect(0.14, 0.66, 0.86, 0.86, (110, 74, 44))
    for j in range(1, 6):
        c.line([(0.14, 0.66 + j * 0.034), (0.86, 0.66 + j * 0.034)], (90, 58, 34), 0.003)
    veg = [
        ((96, 152, 84), 0.1),
        ((214, 60, 44), 0.05),
        ((232, 128, 44), 0.05),
        ((190, 160, 110), 0.06),
        ((140, 60, 90), 0.045),
        ((160, 200, 110), 0.09),
    ]
    for j, (col, r) in enumerate(veg):
        b = c.at(0.2 + j * 0.12, 0.6, 0.16)
        for k in range(9):
            vx, vy = (k % 3 - 1) * 0.22 + (k // 3) * 0.02, -0.1 - (k // 3) * 0.12
            b.oval(vx, vy, r * 2.4, r * 2.2, mix(col, INK if k % 2 else PAPER, 0.12))
        b.poly([(-0.46, -0.08), (0.46, -0.08), (0.34, 0.3), (-0.34, 0.3)], (184, 140, 80))
        for k in range(3):
            b.line(
                [(-0.42 + k * 0.03, 0.02 + k * 0.1), (0.42 - k * 0.03, 0.02 + k * 0.1)],
                (140, 100, 56),
                0.02,
            )
    for side in (-1, 1):
        bunch = c.at(0.5 + side * 0.3, 0.21, 0.1)
        bunch.line([(0, 0), (0, 0.3)], (120, 90, 50), 0.03)
        for k in range(6):
            bunch.oval((k % 3 - 1) * 0.14, 0.4 + (k // 3) * 0.16, 0.07, 0.14, (232, 196, 70))


def _sunrise(c: Canvas) -> None:
    c.sky(
        [(0, (48, 70, 120)), (0.3, (150, 128, 160)), (0.5, (248, 170, 120)), (0.6, (255, 214, 150))]
    )
    c.glow(0.62, 0.5, 0.9, 0.45, (255, 220, 160), 0.8)
    c.at(0.62, 0.5, 0.064).oval(0, 0, 1, 1, (255, 246, 214))
    volcano(c, 0.3, 0.24, 0.62, 0.26, (92, 88, 126), (136, 116, 146))
    volcano(c, 0.88, 0.3, 0.64, 0.2, (104, 96, 132), (146, 124, 150))
    c.oval(0.08, 0.58, 0.1, 0.04, (120, 110, 140))
    for layer, (y, col, hi) in enumerate(
        (
            (0.56, (210, 172, 176), (246, 208, 188)),
            (0.66, (222, 192, 194), (252, 224, 204)),
            (0.78, (232, 212, 212), (255, 238, 222)),
        )
    ):
        c.rect(-0.02, y + 0.02, 1.02, 1.02, col)
        n = 22 - 6 * layer
        for j in range(n):
            p = c.at(
                j / (n - 1) + c.rng.uniform(-0.02, 0.02),
                y + c.rng.uniform(-0.012, 0.012),
                (0.05 + 0.05 * layer) * c.rng.uniform(0.8, 1.4),
            )
            p.oval(0, 0, 1.2, 0.5, col)
            p.oval(-0.05, -0.1, 1.05, 0.36, hi)
    r = ridge(c, 0.9, 0.06, (34, 40, 52), freqs=(0.6, 1.3, 7))
    for j in range(60):
        gx = j / 59
        c.at(gx, y_at(r, gx) + 0.005, 0.03).line([(0, 0), (0.2, -0.8)], (34, 40, 52), 0.1)
    person(c, 0.78, y_at(r, 0.78) + 0.01, 0.12, (34, 40, 52), head=(34, 40, 52))
    tree(c, 0.1, y_at(r, 0.1) + 0.02, 0.16, (34, 40, 52), "palm")


def _about(c: Canvas) -> None:
    c.sky(DAY)
    back_hills(c, 0.5)
    ridge(c, 0.74, 0.01, GREENS[3])
    for tx in (0.04, 0.96):
        tree(c, tx, 0.8, 0.3, GREENS[2])
    pendopo(c, 0.5, 0.86, 0.42, inner=(120, 92, 70))
    for ri, (yy, spread) in enumerate(((0.74, 0.72), (0.8, 0.78))):
        for j in range(9 - ri):
            x = 0.5 + (j - (8 - ri) / 2) * spread / 8
            sitter(c, x, yy + 0.06, 0.16 + 0.02 * ri, CLOTHES[(j + ri * 3) % 6])
    person(c, 0.5, 0.76, 0.22, SOGAN, arms=(20, 70), skirt=SOGAN_D)
    for gx in (0.16, 0.84):
        person(c, gx, 0.96, 0.24, CLOTHES[gx > 0.5], arms=(10, 10), hat=gx < 0.5)


def _generic(c: Canvas) -> None:
    rng = c.rng
    warm = mix((246, 190, 146), (190, 210, 222), rng.random())
    c.sky([(0, mix((90, 130, 180), warm, 0.3)), (0.65, warm), (1, PAPER)])
    c.glow(rng.uniform(0.2, 0.8), 0.45, 0.5, 0.35, (255, 232, 180), 0.6)
    for j in range(4):
        col = mix(mix((130, 150, 170), MIST, 0.3), GREENS[1 + (j + rng.randrange(2)) % 3], j / 3)
        r = ridge(c, 0.5 + 0.13 * j, 0.05, col)
        if j == 3:
            for _ in range(3):
                tx = rng.random()
                tree(c, tx, y_at(r, tx) + 0.05, 0.14, GREENS[2], rng.choice(["round", "palm"]))
        elif j < 2:
            c.haze(0.46 + 0.13 * j, 0.62 + 0.13 * j, MIST, 0.0, 0.5)


_DRAW: dict[str, Callable[[Canvas], None]] = {
    "home-hero": _home_hero,
    "plobangan-hero": _plobangan_hero,
    "plobangan-heritage-walk": _heritage_walk,
    "plobangan-culture-night": _culture_night,
    "lipursari-hero": _lipursari_hero,
    "lipursari-batik": _batik,
    "lipursari-farm": _farm,
    "lipursari-fish": _fish,
    "gunturmadu-hero": _gunturmadu_hero,
    "gunturmadu-onion": _onion,
    "gunturmadu-tempe": _tempe,
    "gallery-tea": _tea,
    "gallery-market": _market,
    "gallery-sunrise": _sunrise,
    "about": _about,
}


def _finish(img: Image.Image, rng: random.Random, amount: int = 8) -> Image.Image:
    """Paper grain plus a soft vignette."""
    w, h = img.size
    tile = Image.frombytes("L", (128, 128), rng.randbytes(128 * 128))
    tile = tile.point(lambda v: v * amount // 255)
    noise = Image.new("L", (w, h))
    for ty in range(0, h, 128):
        for tx in range(0, w, 128):
            noise.paste(tile, (tx, ty))
    img = ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), 1.0, -amount // 2)
    vig = (
        _radial()
        .point(lambda v: round(90 * (1 - v / 255) ** 2.2))
        .resize((round(w * 1.5), round(h * 1.5)), Image.Resampling.BILINEAR)
    )
    vig = vig.crop((round(w * 0.25), round(h * 0.25), round(w * 0.25) + w, round(h * 0.25) + h))
    img.paste((34, 26, 20), (0, 0, w, h), vig)
    return img


def make_image(key: str, width: int = 1600, height: int = 1000) -> bytes:
    """Return a JPEG (quality ~82, optimized, progressive) of the scene named by key."""
    width, height = max(1, int(width)), max(1, int(height))
    c = Canvas(max(width, 32), max(height, 32), key)  # tiny sizes are drawn larger, then shrunk
    _DRAW.get(key, _generic)(c)
    img = _finish(c.img.reduce(c.ss) if c.ss > 1 else c.img, c.rng)
    if img.size != (width, height):
        img = img.resize((width, height), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82, optimize=True, progressive=True)
    return buf.getvalue()
