"""From a scene's key to a finished JPEG: draw, shrink, add paper grain and a vignette."""

import io
import random
from collections.abc import Callable

from PIL import Image, ImageChops

from demo.images.canvas import Canvas, radial
from demo.images.crafts_food import batik, farm, fish, onion, tempe
from demo.images.landscapes import (
    generic,
    gunturmadu_hero,
    home_hero,
    lipursari_hero,
    plobangan_hero,
    sunrise,
    tea,
)
from demo.images.village_life import about, culture_night, heritage_walk, market

# The scenes the demo's data files name (`image`), each described in its docstring. Any other key
# draws a generic landscape that varies with the key.
SCENES: dict[str, Callable[[Canvas], None]] = {
    "home-hero": home_hero,
    "plobangan-hero": plobangan_hero,
    "plobangan-heritage-walk": heritage_walk,
    "plobangan-culture-night": culture_night,
    "lipursari-hero": lipursari_hero,
    "lipursari-batik": batik,
    "lipursari-farm": farm,
    "lipursari-fish": fish,
    "gunturmadu-hero": gunturmadu_hero,
    "gunturmadu-onion": onion,
    "gunturmadu-tempe": tempe,
    "gallery-tea": tea,
    "gallery-market": market,
    "gallery-sunrise": sunrise,
    "about": about,
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
        radial()
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
    SCENES.get(key, generic)(c)
    img = _finish(c.img.reduce(c.ss) if c.ss > 1 else c.img, c.rng)
    if img.size != (width, height):
        img = img.resize((width, height), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82, optimize=True, progressive=True)
    return buf.getvalue()
