"""Scenes of work and food: batik, the farm, the fish ponds, spring onions and Tempe Kemul."""

import math

from PIL import Image, ImageDraw

from demo.images.canvas import Canvas, Pen
from demo.images.palette import (
    GREENS,
    INDIGO,
    INK,
    MIST,
    PAPER,
    RGB,
    SKIN,
    SOGAN,
    SOGAN_D,
    TAU,
    Pt,
    mix,
)
from demo.images.people import person
from demo.images.terrain import ridge, terraces
from demo.images.trees import tree

BATIK_GROUND: RGB = (238, 226, 200)
BATIK_BAND: RGB = (226, 206, 170)


def batik(c: Canvas) -> None:
    """Batik in the making: kawung and parang cloth, wax pot and canting."""
    c.sky([(0, (230, 214, 184)), (1, (200, 170, 128))])
    c.glow(0.25, 0.15, 0.8, 0.5, (255, 244, 214), 0.5)
    c.rect(-0.02, 0.72, 1.02, 1.02, (124, 84, 52))
    c.line([(-0.02, 0.72), (1.02, 0.72)], SOGAN_D, 0.008)
    x0, x1, y0, y1 = 0.1, 0.9, 0.09, 0.62
    for px in (x0 - 0.02, x1 + 0.02):
        c.rect(px - 0.012, 0.05, px + 0.012, 0.76, (150, 104, 60))
    c.rect(x0 - 0.04, 0.05, x1 + 0.04, 0.085, (150, 104, 60))
    cloth = _batik_cloth(round((x1 - x0) * c.w), round((y1 - y0) * c.h), c.u)
    c.img.paste(cloth, (round(x0 * c.w), round(y0 * c.h)))
    c.haze(y0, y1, (120, 80, 40), 0.0, 0.14, hold=False)
    _wax_stove(c)
    _canting(c)


def _batik_cloth(cw: int, ch: int, u: float) -> Image.Image:
    """A cloth of cw x ch pixels: kawung circles all over, a parang band along the hem."""
    cloth = Image.new("RGB", (cw, ch), BATIK_GROUND)
    cd = ImageDraw.Draw(cloth)
    cell = max(8, round(0.12 * u))
    _kawung(cd, cw, ch, cell)
    _parang(cd, cw, ch, cell)
    return cloth


def _ellipse(cd: ImageDraw.ImageDraw, cell: int, x, y, rx, ry, fill: RGB, out: RGB | None = None):
    cd.ellipse((x - rx, y - ry, x + rx, y + ry), fill=fill, outline=out, width=max(1, cell // 40))


def _kawung(cd: ImageDraw.ImageDraw, cw: int, ch: int, cell: int) -> None:
    """Four palm-fruit ovals around each grid point, indigo dots between them."""
    for gy in range(0, ch + cell, cell):
        for gx in range(0, cw + cell, cell):
            for dx, dy in ((0, -1), (0, 1), (-1, 0), (1, 0)):
                ex, ey = gx + dx * cell * 0.25, gy + dy * cell * 0.25
                ax, ay = (cell * 0.12, cell * 0.2) if dy else (cell * 0.2, cell * 0.12)
                _ellipse(cd, cell, ex, ey, ax, ay, SOGAN, SOGAN_D)
                _ellipse(cd, cell, ex, ey, ax * 0.45, ay * 0.45, BATIK_GROUND)
                _ellipse(cd, cell, ex, ey, ax * 0.15, ay * 0.15, SOGAN_D)
            _ellipse(cd, cell, gx, gy, cell * 0.05, cell * 0.05, INDIGO)
            for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
                _ellipse(
                    cd,
                    cell,
                    gx + cell * (0.5 + dx * 0.07),
                    gy + cell * (0.5 + dy * 0.07),
                    cell * 0.05,
                    cell * 0.05,
                    INDIGO,
                )


def _parang(cd: ImageDraw.ImageDraw, cw: int, ch: int, cell: int) -> None:
    """Diagonal parang stripes, brown and indigo, with dots, in a band along the bottom."""
    band = round(ch * 0.22)
    cd.rectangle((0, ch - band, cw, ch), fill=BATIK_BAND)
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
            _ellipse(cd, cell, ex, ey, step * 0.15, step * 0.15, BATIK_BAND)
    cd.line([(0, ch - band), (cw, ch - band)], fill=SOGAN_D, width=max(2, cell // 12))


def _wax_stove(c: Canvas) -> None:
    """A clay stove keeping the wax pot warm, steam rising."""
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


def _canting(c: Canvas) -> None:
    """A hand in an indigo sleeve holding the canting, its copper bowl dripping wax."""
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


def farm(c: Canvas) -> None:
    """A farmer in a caping hat tending terraced rows of crops."""
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


def fish(c: Canvas) -> None:
    """Village fish ponds with fish, a scoop net and surrounding greenery."""
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


def onion(c: Canvas) -> None:
    """Rows of green spring onions beside a bamboo drying rack."""
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


def tempe(c: Canvas) -> None:
    """Tempe kemul fritters on a banana leaf beside a wok and sambal."""
    c.sky([(0, (118, 78, 50)), (0.4, (150, 100, 62)), (1, (176, 124, 78))])
    c.glow(0.2, 0.1, 0.8, 0.5, (255, 214, 150), 0.35)
    for j in range(7):
        c.line([(-0.02, 0.45 + j * 0.09), (1.02, 0.43 + j * 0.09)], (130, 86, 52), 0.006)
    _wok(c)
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
        _fritter(c, plate, fx, fy, rx, ry)
    bowl = c.at(0.88, 0.3, 0.16)
    bowl.oval(0, 0, 0.7, 0.4, (234, 228, 214))
    bowl.oval(0, -0.05, 0.56, 0.27, (190, 50, 36))
    glass = c.at(0.9, 0.62, 0.22)
    glass.rect(-0.3, -0.8, 0.3, 0, (226, 220, 200, 120))
    glass.rect(-0.27, -0.6, 0.27, -0.03, (150, 70, 30))
    glass.oval(0, -0.6, 0.27, 0.06, (180, 96, 40))
    glass.oval(0, -0.8, 0.3, 0.07, None, (240, 236, 224), 0.02)


def _wok(c: Canvas) -> None:
    """A wok of hot oil, bubbling, steam rising."""
    wok = c.at(0.22, 0.2, 0.5)
    wok.line([(-0.66, -0.02), (-0.8, -0.06)], (44, 40, 40), 0.04)
    wok.line([(0.6, -0.04), (0.9, -0.1)], (44, 40, 40), 0.05)
    wok.oval(0, 0, 0.62, 0.32, (44, 40, 40))
    wok.oval(0, 0.02, 0.54, 0.26, (196, 140, 60))
    for _ in range(14):
        wok.oval(c.rng.uniform(-0.4, 0.4), c.rng.uniform(-0.14, 0.18), 0.02, 0.012, (236, 200, 120))
    for j in range(3):
        c.glow(0.25 + j * 0.06, 0.12 - j * 0.02, 0.08, 0.16, (255, 250, 240), 0.25)


def _fritter(c: Canvas, plate: Pen, fx: float, fy: float, rx: float, ry: float) -> None:
    """One Tempe Kemul: a wobbly golden blob of batter, tempeh showing, flecks of onion leaf."""
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
