"""Small logos for the demo partners: a rounded badge with a hill-and-sun mark and initials,
in one of the site's colours. Deterministic PNG bytes for the same text, colour and size."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from demo.images.palette import GREENS, PAPER, SOGAN, SOGAN_L

COLOURS = {"green": (GREENS[1], GREENS[4]), "sogan": (SOGAN, SOGAN_L)}
SUN = (224, 164, 88)


def make_logo(text: str, colour: str, width: int = 240, height: int = 120) -> bytes:
    dark, light = COLOURS[colour]
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, width - 3, height - 3), radius=height // 6, fill=dark)
    side = height - 28
    left, top = 14, 14
    draw.rectangle((left, top, left + side, top + side), fill=PAPER)
    draw.ellipse((left + side * 0.6, top + side * 0.12, left + side * 0.85, top + side * 0.37),
                 fill=SUN)  # fmt: skip
    draw.polygon(
        [(left, top + side), (left + side * 0.35, top + side * 0.35),
         (left + side * 0.55, top + side * 0.65), (left + side * 0.75, top + side * 0.45),
         (left + side, top + side)],
        fill=light,
    )  # fmt: skip
    font = ImageFont.load_default(size=height * 0.45)
    x = left + side + (width - left - side) / 2
    draw.text((x, height / 2), text, font=font, fill=PAPER, anchor="mm")
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
