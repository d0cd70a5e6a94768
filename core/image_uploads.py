"""Image uploads: a file that is not a picture Pillow can decode is a form error, never a 500.

Wagtail's image field opens an upload with Willow to read its size, and Pillow raises there on a
broken file (a GIF cut short, a header with no picture behind it), or later, when renditions
are made from what was stored. Here every frame of a raster upload is decoded once, after
Wagtail's own pixel limit has been checked (so the work is bounded), and anything Pillow cannot
read is refused with Wagtail's own "not a valid image" message. SVG files are left to Wagtail.

`WAGTAILIMAGES_IMAGE_FORM_BASE` points at `ImageForm`, so the single and multiple upload forms
both use the checked field.
"""

import struct

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from PIL import ImageSequence
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a file it cannot read (UnidentifiedImageError is an OSError).
UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    struct.error,
    PILImage.DecompressionBombError,
)


def frames_decode(file) -> None:
    """Decode every frame of a raster image file; raises what Pillow raises if one is broken."""
    file.seek(0)
    with PILImage.open(file) as picture:
        for frame in ImageSequence.Iterator(picture):
            frame.load()
    file.seek(0)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, refusing a file whose pictures cannot be decoded."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            if f.image.format_name != "svg":
                frames_decode(f.image.f)
        except UNREADABLE as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    """The admin's image form with the decoded-image check on its file, where it has one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, DecodedImageField):
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
