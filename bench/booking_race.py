"""Many guests race for the last places of one departure, over HTTP, through several processes.

Starts its own throwaway PostgreSQL (tests/postgres.py), migrates, loads the demo, adds a fresh
10-place departure a few days ahead, and runs gunicorn with 4 workers on a loopback port with the
production settings. Then:

1. fires 40 one-place bookings at once (threads, one connection each) and prints the status
   histogram: exactly 10 × 201 and 30 × 409 are expected;
2. reads `seats_left` back from the departures endpoint (expected 0) and the places taken from
   the database (expected 10);
3. sends 8 concurrent POSTs with one Idempotency-Key (expected: one booking, 8 × 201);
4. sends each kind of bad input once and prints its status and message (all 4xx, nothing written);
5. prints p50/p95 of the racing POSTs (after a warm-up read on every worker).

Everything is stopped at the end. Exits non-zero when a count is wrong.

Usage: .venv/bin/python bench/booking_race.py [--requests 40] [--capacity 10] [--workers 4]
"""

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.models import Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.race_inputs import bad_inputs, booking_body  # noqa: E402
from tests.postgres import TempPostgres  # noqa: E402

JAKARTA = ZoneInfo("Asia/Jakarta")
HOST = "127.0.0.1"
TIMEOUT = 30  # seconds per HTTP request
DEADLINE = 600  # seconds for the whole run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, body=None, headers=None):
    """(status, parsed JSON or text, seconds). One connection per call, loopback only."""
    raw = body if isinstance(body, bytes | str) or body is None else json.dumps(body)
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    started = time.perf_counter()
    try:
        connection.request(
            method,
            path,
            body=raw,
            headers={
                "Content-Type": "application/json",
                "Accept-Language": "en",
                **(headers or {}),
            },
        )
        response = connection.getresponse()
        text = response.read().decode()
    finally:
        connection.close()
    elapsed = time.perf_counter() - started
    try:
        return response.status, json.loads(text), elapsed
    except ValueError:
        return response.status, text, elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# Set-up ---------------------------------------------------------------------------------------


def environment(server: TempPostgres, media: Path) -> dict:
    return {
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "BOOKING_RATE_LIMIT": "0",
        "DATABASE_URL": f"postgres://{server.user}@{HOST}:{server.port}/postgres",
        "MEDIA_ROOT": str(media),
        "SITE_BASE_URL": f"http://{HOST}",
        "LOG_LEVEL": "ERROR",
    }


def prepare(capacity: int) -> dict:
    """Migrate, load the demo and add the departures the run needs; returns their ids."""
    django.setup()
    from wagtail.models import Locale

    from tours.models import Departure, DepartureStatus, TourPage

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", "--password", "x", stdout=open(os.devnull, "w"))  # noqa: SIM115
    tour = TourPage.objects.get(locale=Locale.get_default(), slug="kelas-membatik")
    day = (dt.datetime.now(JAKARTA) + dt.timedelta(days=4)).date()

    def departure(hour: int, minute: int, **fields) -> int:
        starts_at = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=JAKARTA)
        return Departure.objects.create(
            tour=tour,
            enterprise_id=tour.business_unit.enterprise_id,
            starts_at=fields.pop("starts_at", starts_at),
            capacity=fields.pop("capacity", capacity),
            **fields,
        ).pk

    ids = {
        "tour": tour.pk,
        "tier": tour.price_tiers.order_by("sort_order").first().pk,
        "min_tier": tour.price_tiers.filter(min_quantity__gt=1).first().pk,
        "day": day.isoformat(),
        "race": departure(10, 30),
        "idempotent": departure(13, 30),
        "closed": departure(15, 30, status=DepartureStatus.CLOSED),
        "started": departure(0, 0, starts_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)),
    }
    connections.close_all()
    return ids


def start_gunicorn(env: dict, port: int, workers: int, log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "website.wsgi", "-w", str(workers), "-b", f"{HOST}:{port}"]
    command += ["--timeout", "30", "--log-level", "warning"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        try:
            if request(port, "GET", "/api/v1/tours/")[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer in 60 s:\n{log.read_text()[-3000:]}")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()  # the master stops its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# The run --------------------------------------------------------------------------------------


def at_once(count: int, send) -> list[tuple]:
    """Run `send(i)` in `count` threads released together; results in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index: int) -> None:
        barrier.wait()
        try:
            results[index] = send(index)
        except Exception as error:  # noqa: BLE001 - a failed request is a result too
            results[index] = ("error", repr(error), 0.0)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 2)
    return [r if r is not None else ("timeout", "", 0.0) for r in results]


def summary(data) -> str:
    if isinstance(data, dict):
        if "errors" in data:
            return "; ".join(f"{key}: {text}" for key, text in data["errors"].items())
        return data.get("message", json.dumps(data))
    return str(data)[:80]


def bookings_in_db(departure_id=None) -> tuple[int, int]:
    """(bookings, places taken) from the database, for one departure or in all."""
    from tours.models import Booking

    bookings = Booking.objects.all()
    if departure_id is not None:
        bookings = bookings.filter(departure_id=departure_id)
    count = bookings.count()
    taken = bookings.taking_seats(timezone.now()).aggregate(s=Sum("seats"))["s"] or 0
    connections.close_all()
    return count, taken


def run(port: int, ids: dict, requests: int, capacity: int) -> list[str]:
    # Every worker answers a few reads first, so the race measures warm processes.
    at_once(16, lambda i: request(port, "GET", f"/api/v1/tours/{ids['tour']}/departures/"))
    results, wall, problems = last_places_race(port, ids, requests, capacity)
    problems += one_idempotency_key(port, ids)
    problems += bad_inputs_refused(port, ids)
    timings_print(results, wall, requests)
    return problems


def last_places_race(
    port: int, ids: dict, requests: int, capacity: int
) -> tuple[list, float, list[str]]:
    """1. One-place bookings at once for the last places; then the places left, read back."""
    problems = []
    tier, race = ids["tier"], ids["race"]
    print(f"\n1. {requests} one-place bookings at once for a {capacity}-place departure")
    started = time.perf_counter()
    results = at_once(
        requests, lambda i: request(port, "POST", "/api/v1/bookings/", booking_body(race, tier, i))
    )
    wall = time.perf_counter() - started
    histogram = Counter(status for status, _, _ in results)
    for status, count in sorted(histogram.items(), key=lambda item: str(item[0])):
        print(f"   {status}: {count}")
    expected = {201: capacity, 409: requests - capacity}
    if dict(histogram) != expected:
        problems.append(f"status histogram {dict(histogram)} != {expected}")
    sold_out = [data for status, data, _ in results if status == 409]
    if sold_out:
        print(f"   a 409 says: {json.dumps(sold_out[-1], ensure_ascii=False)}")

    status, listed, _ = request(
        port, "GET", f"/api/v1/tours/{ids['tour']}/departures/?from={ids['day']}&to={ids['day']}"
    )
    seats_left = next((d["seats_left"] for d in listed if d["id"] == race), None)
    count, taken = bookings_in_db(race)
    print(f"   seats_left from the API: {seats_left} (expected 0)")
    print(f"   in the database: {count} bookings, {taken} places taken (expected {capacity})")
    if seats_left != 0:
        problems.append(f"seats_left {seats_left} != 0")
    if taken != capacity or count != capacity:
        problems.append(f"database holds {count} bookings / {taken} places, not {capacity}")
    return results, wall, problems


def one_idempotency_key(port: int, ids: dict) -> list[str]:
    """2. Concurrent POSTs with one Idempotency-Key make one booking."""
    print("\n2. 8 concurrent POSTs with one Idempotency-Key")
    key = {"Idempotency-Key": "bench-retry-1"}
    same = at_once(
        8,
        lambda i: request(
            port, "POST", "/api/v1/bookings/", booking_body(ids["idempotent"], ids["tier"], 0), key
        ),
    )
    statuses = Counter(status for status, _, _ in same)
    references = {data.get("reference") for _, data, _ in same if isinstance(data, dict)}
    count, taken = bookings_in_db(ids["idempotent"])
    print(
        f"   statuses {dict(statuses)}, references {sorted(references)}, bookings written {count}"
    )
    if dict(statuses) != {201: 8} or len(references) != 1 or count != 1:
        return ["idempotent POSTs did not yield exactly one booking"]
    return []


def bad_inputs_refused(port: int, ids: dict) -> list[str]:
    """3. Each bad input once: a 4xx, and nothing written."""
    problems = []
    print("\n3. each bad input once")
    before, _ = bookings_in_db()
    for name, method, path, body, headers in bad_inputs(ids):
        status, data, _ = request(port, method, path, body, headers)
        print(f"   {status}  {name:<26} {summary(data)}")
        if not 400 <= status < 500:
            problems.append(f"{name}: {status}")
    after, _ = bookings_in_db()
    print(f"   bookings written by bad inputs: {after - before}")
    if after != before:
        problems.append(f"bad inputs wrote {after - before} bookings")
    return problems


def timings_print(results: list, wall: float, requests: int) -> None:
    """4. p50/p95/max of the racing POSTs."""
    print(f"\n4. timings of the racing POSTs ({wall:.2f} s wall for all {requests})")
    for label, wanted in (("all", (201, 409)), ("201", (201,)), ("409", (409,))):
        times = [seconds * 1000 for status, _, seconds in results if status in wanted]
        if times:
            p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
            print(f"   {label:>3}: p50 {p50:4.0f} ms, p95 {p95:4.0f} ms, max {max(times):4.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--capacity", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not 0 < args.capacity < args.requests <= 200:
        parser.error("need 0 < capacity < requests <= 200")

    def too_slow(signum, frame):
        raise TimeoutError(f"the run took longer than {DEADLINE} s")

    signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(DEADLINE)

    workdir = Path(tempfile.mkdtemp(prefix="booking-race-"))
    print("starting PostgreSQL …", flush=True)
    server = TempPostgres.start()
    gunicorn = None
    try:
        env = environment(server, workdir / "media")
        os.environ.update(env)
        print("migrating and loading the demo …", flush=True)
        started = time.perf_counter()
        ids = prepare(args.capacity)
        print(f"   done in {time.perf_counter() - started:.0f} s; departure {ids['race']}")
        port = free_port()
        gunicorn = start_gunicorn(env, port, args.workers, workdir / "gunicorn.log")
        print(f"gunicorn: {args.workers} workers on http://{HOST}:{port}", flush=True)
        problems = run(port, ids, args.requests, args.capacity)
    finally:
        signal.alarm(0)
        if gunicorn is not None:
            stop_gunicorn(gunicorn)
            errors = (workdir / "gunicorn.log").read_text()
            if "Traceback" in errors:
                print(f"\ngunicorn log:\n{errors[-3000:]}")
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        print("\ngunicorn and PostgreSQL stopped")
    if problems:
        print("\nFAILED:\n  " + "\n  ".join(problems))
        return 1
    print("\nOK: never oversold, every bad input refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
