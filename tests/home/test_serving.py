"""What goes over the wire: pages and JSON gzipped (pictures not: they are compressed already),
uploaded pictures served with a long cache lifetime and nothing else of the media folder, and the
same with the production settings (DEBUG off, WhiteNoise's compressed static files)."""

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from home.views import MEDIA_MAX_AGE
from tests.public_pages import batik_departure
from tests.tours.guest_flow import url
from tours.models import VillagePage

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
YEAR = 365 * 24 * 3600


def picture_path(client) -> str:
    village = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
    html = client.get(village.url).content.decode()
    return re.search(r'(/media/images/[^" ,]+\.webp)', html).group(1)


def test_pages_and_json_go_out_gzipped(client):
    response = client.get("/", **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<html" in html and len(response.content) < len(html) / 3
    assert "Content-Encoding" not in client.get("/")  # a client that cannot unpack it
    assert client.get("/api/v1/tours/", **GZIP)["Content-Encoding"] == "gzip"


def test_a_form_page_is_gzipped_with_a_fresh_csrf_token_each_time(client, settings):
    """BREACH reads a secret that repeats from the size of compressed pages; Django masks the
    CSRF token anew in every response, so no two pages carry the same one."""
    settings.BOOKING_RATE_LIMIT = "0"
    path = url("booking_start", departure_id=batik_departure().pk)
    tokens = []
    for _ in range(2):
        response = client.get(path, **GZIP)
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
    assert tokens[0] != tokens[1]


def test_pictures_are_kept_a_year_and_not_gzipped(client):
    response = client.get(picture_path(client), **GZIP)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert "Content-Encoding" not in response
    assert response["Cache-Control"] == f"public, max-age={YEAR}"
    assert MEDIA_MAX_AGE["images"] == YEAR


def test_only_pictures_are_served_from_the_media_folder(client):
    documents = Path(settings.MEDIA_ROOT) / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private.txt").write_text("for staff only")
    assert client.get("/media/documents/private.txt").status_code == 404
    assert client.get("/media/images/../documents/private.txt").status_code in (400, 404)
    assert client.get("/media/images/no-such-picture.webp").status_code == 404
    assert client.get("/media/images/").status_code == 404


def production(tmp_path: Path) -> dict[str, str]:
    """The environment of a production process on the test database, with its own folders."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DJANGO_SECRET_KEY": "production-test-key",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        # Production refuses to start without it; the probe swaps in a local cache (no Redis here).
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }


def run(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_production_settings_compress_pages_and_cache_pictures(tmp_path):
    env = production(tmp_path)
    pictures = tmp_path / "media" / "images"
    pictures.mkdir(parents=True)
    (pictures / "sawah.fill-720x480.webp").write_bytes(b"RIFF\x1a\x00\x00\x00WEBPVP8 " * 20)
    run(env, "manage.py", "collectstatic", "--noinput", "--verbosity=0")
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    css = "/static/" + manifest["paths"]["css/site.css"]
    paths = ["/", "/media/images/sawah.fill-720x480.webp", "/media/documents/x.pdf", css]
    answers = json.loads(run(env, "-m", "tests.home.production_probe", *paths))

    page, picture, document, stylesheet = (answers[path] for path in paths)
    assert page["status"] == 200 and page["Content-Encoding"] == "gzip"
    assert picture["status"] == 200 and picture["Content-Encoding"] == ""
    assert picture["Cache-Control"] == f"public, max-age={YEAR}"
    assert document["status"] == 404
    assert stylesheet["status"] == 200 and stylesheet["Content-Encoding"] == "gzip"
    assert "immutable" in stylesheet["Cache-Control"]
