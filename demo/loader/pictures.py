"""Demo pictures in Wagtail: drawn by `demo.images` once, then found again by title."""

from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Collection

from demo.images import make_image

HERO_SIZE = (1600, 1000)
GALLERY_SIZE = (1200, 800)


def picture(
    key: str, alt: str, collection: Collection, size: tuple[int, int] = GALLERY_SIZE
) -> Image:
    """The image titled alt in collection, drawn from the scene key if it does not exist yet."""
    existing = Image.objects.filter(title=alt, collection=collection).first()
    if existing is not None:
        return existing
    image = Image(title=alt, collection=collection)
    image.file = ImageFile(BytesIO(make_image(key, *size)), name=f"{key}.jpg")
    image.save()
    return image
