"""Print what a phone downloads on a first visit to each page: bytes on the wire by type (as sent,
gzipped where they were), requests, load time.

Usage: start the site (`make run`), then
    .venv/bin/python bench/page_weight.py [BASE_URL] [PATH ...]
Defaults: http://127.0.0.1:8000 and the home pages in both languages plus a village and a tour.
Budget (issue 2): the home page's first load transfers at most 400 KB.
"""

import sys
import time
from collections import defaultdict

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUDGET = 400 * 1024


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    sizes: dict[str, int] = defaultdict(int)
    count = 0

    def on_finished(request):
        """Bytes on the wire: headers and the body as sent (gzipped where it was)."""
        nonlocal count
        wire = request.sizes()
        sizes[request.resource_type] += wire["responseHeadersSize"] + wire["responseBodySize"]
        count += 1

    page.on("requestfinished", on_finished)
    started = time.perf_counter()
    page.goto(url, wait_until="networkidle")
    elapsed = time.perf_counter() - started
    context.close()
    return {"sizes": dict(sizes), "requests": count, "seconds": elapsed}


def main() -> int:
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    paths = sys.argv[2:] or ["/", "/en/", "/lipursari/", "/lipursari/kelas-membatik/"]
    worst = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path in paths:
            result = measure(browser, base + path)
            total = sum(result["sizes"].values())
            worst = max(worst, total) if path in ("/", "/en/") else worst
            detail = ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sorted(result["sizes"].items()))
            print(
                f"{path:<32} {total / 1024:7.0f} KB in {result['requests']:2d} requests, "
                f"{result['seconds']:.2f} s  ({detail})"
            )
        browser.close()
    print(f"home page budget {BUDGET / 1024:.0f} KB: {'OK' if worst <= BUDGET else 'OVER'}")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
