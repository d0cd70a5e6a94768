"""The Nu HTML Checker (the W3C validator, npm package `vnu-jar`, run with Debian's Java) finds no
error in any kind of guest page, in either language. Skipped where Java is not installed;
`make test` installs the checker with `npm ci`."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.public_pages import LANGUAGES, guest_pages

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


@pytest.fixture
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


def validate(folder: Path) -> list[dict]:
    """The checker's errors for every .html file in folder (one Java start for all)."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    assert result.returncode in (0, 1), result.stderr
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def test_every_guest_page_is_valid_html(client, tmp_path):
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (Debian: default-jre-headless)")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci --ignore-scripts` (make test does)")
    for language in LANGUAGES:
        for name, html in guest_pages(client, language).items():
            (tmp_path / f"{language}-{name}.html").write_text(html, encoding="utf-8")
    errors = validate(tmp_path)
    report = [
        f"{Path(e['url']).name}:{e.get('lastLine')}: {e['message']} [{e.get('extract', '')}]"
        for e in errors
    ]
    assert not report, "\n".join(report)
