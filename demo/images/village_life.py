"""Scenes of village life: the heritage walk, the culture evening, the market, a meeting."""

import math

from demo.images.buildings import house, pendopo
from demo.images.canvas import Canvas
from demo.images.palette import CLOTHES, DAY, GREENS, INK, PAPER, ROOF, SKIN, SOGAN, SOGAN_D, mix
from demo.images.people import person, sitter
from demo.images.terrain import back_hills, ridge, y_at
from demo.images.trees import tree


def heritage_walk(c: Canvas) -> None:
    """A storyteller leading a small group along a village path."""
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


def culture_night(c: Canvas) -> None:
    """An evening dance performance in a lantern-lit pendopo."""
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


def market(c: Canvas) -> None:
    """A small village market stall with baskets of fresh vegetables."""
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


def about(c: Canvas) -> None:
    """Villagers gathered in a pendopo for a community meeting."""
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
