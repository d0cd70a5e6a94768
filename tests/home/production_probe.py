"""Run with the production settings (`python -m tests.home.production_probe PATH...`): asks the
app for each path as a browser would (HTTPS, gzip accepted) and prints status and headers as
JSON. tests/home/test_serving.py runs it in a process of its own, since settings cannot change
inside one."""

import json
import sys

import django
from django.conf import settings
from django.test import Client

HEADERS = ("Content-Encoding", "Cache-Control", "Content-Type", "Vary")


def main(paths: list[str]) -> None:
    # The settings demand REDIS_URL; this machine runs no Redis server, so the probe's one
    # process keeps its cache in memory (what is probed here never depends on the cache).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    django.setup()
    client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    answers = {}
    for path in paths:
        response = client.get(path, secure=True)
        answers[path] = {"status": response.status_code}
        answers[path].update({name: response.get(name, "") for name in HEADERS})
    print(json.dumps(answers))


if __name__ == "__main__":
    main(sys.argv[1:])
