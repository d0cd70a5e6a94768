"""A file that is not a picture Pillow can decode, uploaded as an image in the admin (one at a
time or several at once), is a form error: nothing stored, never a 500. Good pictures go in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def gif(frames: int = 1) -> bytes:
    out = io.BytesIO()
    pictures = [PILImage.new("RGB", (8, 8), colour) for colour in ("red", "blue", "green")]
    pictures[0].save(out, "GIF", save_all=True, append_images=pictures[1:frames])
    return out.getvalue()


GOOD = gif()
ANIMATED = gif(3)
BROKEN = {
    "a header alone": b"GIF89a",
    "a screen cut short": b"GIF89a\x10\x00",
    "no picture after the screen": GOOD[:13],
    "cut in half": GOOD[: len(GOOD) // 2],
    "picture data broken": GOOD[:-10] + b"\xff" * 9 + b";",
    "a later frame broken": ANIMATED[: len(ANIMATED) - 12] + b"\xff" * 11 + b";",
}


@pytest.fixture
def admin_client():
    from django.contrib.auth import get_user_model

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def upload(client, content: bytes, name="picture.gif"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Sawah",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/gif"),
        },
    )


def upload_several(client, content: bytes):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("picture.gif", content, content_type="image/gif")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_gif_is_a_form_error(admin_client, kind):
    before = get_image_model().objects.count()
    response = upload(admin_client, BROKEN[kind])
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    several = upload_several(admin_client, BROKEN[kind])
    assert several.status_code == 200
    assert several.json()["success"] is False
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize("content", [GOOD, ANIMATED], ids=["still", "animated"])
def test_a_good_gif_is_stored(admin_client, content):
    before = get_image_model().objects.count()
    response = upload(admin_client, content)
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1
    assert upload_several(admin_client, content).json()["success"] is True
