"""Landscape scenes: the three villages' heroes, the home page's volcanoes, tea gardens, a
sunrise over the clouds, and the generic hills drawn for any other key."""

from demo.images.buildings import gapura, house, village
from demo.images.canvas import Canvas
from demo.images.palette import CLOTHES, DAY, GREENS, INDIGO, MIST, PAPER, SOGAN_L, Pt, mix
from demo.images.people import person
from demo.images.terrain import back_hills, ridge, terraces, volcano, y_at
from demo.images.trees import tree


def home_hero(c: Canvas) -> None:
    """Sindoro and Sumbing volcanoes at sunrise above terraced hills and a village."""
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


def plobangan_hero(c: Canvas) -> None:
    """Stone steps up to a split Javanese gate under banyan trees, misty hills."""
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


def lipursari_hero(c: Canvas) -> None:
    """A village among rice terraces and fish ponds below green hills."""
    c.sky(DAY)
    c.glow(0.72, 0.18, 0.5, 0.35, (255, 244, 214), 0.6)
    ridge(c, 0.34, 0.06, (132, 156, 168))
    c.haze(0.28, 0.48, MIST, 0.0, 0.7)
    ridge(c, 0.42, 0.03, (104, 140, 118))
    r = ridge(c, 0.5, 0.02, (84, 132, 80))
    terraces(
        c,
        r,
        0.5,
        10,
        [(112, 162, 80), (128, 174, 88)],
        (176, 200, 120),
        k=1.4,
        amp=0.004,
        deco=lambda cur, nxt, t: _paddies(c, cur, nxt, t),
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
    _fish_ponds(c)


def _paddies(c: Canvas, cur: list[Pt], nxt: list[Pt], t: float) -> None:
    """Cut a terrace band into paddies of random width, some flooded (sky-pale), some green."""
    water = (190, 216, 222)
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


def _fish_ponds(c: Canvas) -> None:
    """Two ponds in the foreground with earth banks and ripples."""
    for x0, x1 in ((0.04, 0.34), (0.64, 0.96)):
        c.poly([(x0, 0.84), (x1, 0.84), (x1 + 0.04, 1.02), (x0 - 0.04, 1.02)], (176, 146, 108))
        c.poly(
            [(x0 + 0.01, 0.855), (x1 - 0.01, 0.855), (x1 + 0.02, 1.02), (x0 - 0.02, 1.02)],
            (120, 172, 184),
        )
        for j in range(4):
            yy = 0.88 + j * 0.035
            c.line([(x0 + 0.04 + j * 0.02, yy), (x0 + 0.12 + j * 0.03, yy)], (200, 226, 226), 0.003)


def gunturmadu_hero(c: Canvas) -> None:
    """Highland spring-onion fields on steep slopes below a volcano."""
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


def tea(c: Canvas) -> None:
    """Tea garden rows on rolling hills in the mist."""
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


def sunrise(c: Canvas) -> None:
    """Sunrise over a sea of clouds with volcano peaks."""
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


def generic(c: Canvas) -> None:
    """Layered hills under a warm sky, varied by the key: for any other picture."""
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
