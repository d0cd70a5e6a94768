"""A round emblem for a demo organisation: a coloured disc, a paper ring and its initials."""

import io

from PIL import Image, ImageDraw, ImageFont

from demo.images.palette import PAPER, RGB

SIZE = 256


def emblem(initials: str, colour: RGB) -> bytes:
    """A 256-px PNG emblem with up to three initials."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, SIZE - 4, SIZE - 4), fill=colour)
    draw.ellipse((18, 18, SIZE - 18, SIZE - 18), outline=PAPER, width=6)
    font = ImageFont.load_default(size=96 if len(initials) < 3 else 72)
    draw.text((SIZE / 2, SIZE / 2), initials[:3].upper(), fill=PAPER, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
