"""Print Lighthouse's accessibility, SEO and best-practices scores (phone) for the home page, a
village, an experience and the listing, in both languages, and every audit that lost points.

Usage: start the site (`make run`), then in another shell
    make lighthouse                       # installs Lighthouse once (bench/package.json), runs this
    .venv/bin/python bench/lighthouse.py [BASE_URL] [--min 90] [PATH ...]
Defaults: http://127.0.0.1:8000, the Indonesian pages below and their English translations (read
from each page's hreflang link). Lighthouse drives Debian's Chromium (/usr/bin/chromium); nothing
is downloaded. Exits 1 when a score is below --min. About 15 s a page.
"""

import argparse
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

LIGHTHOUSE = Path(__file__).parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
CATEGORIES = ("accessibility", "seo", "best-practices")
PATHS = ["/", "/lipursari/", "/lipursari/kelas-membatik/", "/pengalaman/"]


def english(base: str, path: str) -> str | None:
    """The path of the page's English translation, from its hreflang link."""
    with urllib.request.urlopen(base + path, timeout=30) as response:
        html = response.read().decode()
    match = re.search(r'<link rel="alternate" hreflang="en" href="([^"]+)"', html)
    return urlsplit(match.group(1)).path if match else None


def audit(url: str) -> dict:
    """Lighthouse's report for one page, on a phone (its default form factor)."""
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={FLAGS}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def lost_points(report: dict) -> list[str]:
    """The audits that count towards a score and did not pass."""
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            found = report["audits"][ref["id"]]
            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                lost.append(f"{name}: {ref['id']} ({found['title']})")
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--min", type=int, default=90, help="lowest acceptable score (0-100)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: cd bench && npm ci --ignore-scripts")
    base = args.base.rstrip("/")
    paths = args.paths or PATHS + [p for p in (english(base, path) for path in PATHS) if p]
    print(f"{'page':<40} " + " ".join(f"{name:>14}" for name in CATEGORIES))
    worst = 100
    for path in paths:
        report = audit(base + path)
        scores = [round(report["categories"][name]["score"] * 100) for name in CATEGORIES]
        worst = min(worst, *scores)
        print(f"{path:<40} " + " ".join(f"{score:>14}" for score in scores))
        for line in lost_points(report):
            print(f"    - {line}")
    print(f"lowest score {worst} (minimum {args.min}): {'OK' if worst >= args.min else 'LOW'}")
    return 0 if worst >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
