"""The demo's drawn pictures: JPEGs of the asked size, the same bytes every time."""

import io

from PIL import Image

from demo.images import SCENES, make_image


def test_a_scene_is_a_jpeg_of_the_asked_size_and_the_same_every_time():
    first = make_image("lipursari-batik", 160, 100)
    assert make_image("lipursari-batik", 160, 100) == first
    picture = Image.open(io.BytesIO(first))
    assert (picture.format, picture.size) == ("JPEG", (160, 100))


def test_every_scene_draws_its_own_picture():
    drawn = {make_image(key, 64, 40) for key in SCENES}
    assert len(drawn) == len(SCENES)
    assert make_image("no-such-scene", 64, 40) not in drawn
