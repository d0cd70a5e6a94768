"""Locks name their own rows and are taken in one order (departure, then booking, then refund).

Real threads on PostgreSQL. A lock on one departure must not hold up a booking for another
departure of the same tour, nor the editor publishing the tour's page; a guest cancelling while
the payment for the same booking lands must end consistent, never in a deadlock.
"""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.db.models import Sum
from wagtail.models import Page

from bumdes.models import JournalLine, Side
from tests.concurrency import run_together
from tests.tours.factories import GUEST, village_tour_create, wib
from tours.booking.cancelling import booking_cancel
from tours.booking.departures import departure_add_extra
from tours.booking.holds import booking_hold
from tours.booking.locks import booking_lock, departure_lock
from tours.models import Booking, BookingStatus, PaymentMethod, Refund
from tours.payments.paying import booking_create
from tours.payments.services import payment_received_apply

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_restored")]

NOW = wib(2030, 4, 1, 9, 0)
STARTS_AT = wib(2030, 4, 5, 10, 0)
ROUNDS = 12


class Holder:
    """Hold a lock in another thread (its own connection) until released."""

    def __init__(self, lock):
        self.lock = lock
        self.taken = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with transaction.atomic():
                self.lock()
                self.taken.set()
                self.release.wait(20)
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(10), "the lock was not taken"
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(20)


def _without_waiting(work):
    """Run `work` in a transaction that gives up after two seconds of waiting for a lock."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
        return work()


def test_bookings_for_two_departures_of_one_tour_go_ahead_side_by_side():
    tour, tier = village_tour_create()
    first = departure_add_extra(tour=tour, starts_at=STARTS_AT, capacity=10, now=NOW)
    second = departure_add_extra(
        tour=tour, starts_at=STARTS_AT + dt.timedelta(hours=3), capacity=10, now=NOW
    )

    with Holder(lambda: departure_lock(first.pk)):
        booking, created = _without_waiting(
            lambda: booking_hold(
                departure_id=second.pk, lines=[(tier.pk, 2)], language="id", now=NOW
            )
        )
        # Publishing the tour's page does not wait for the departure's lock either.
        _without_waiting(lambda: Page.objects.filter(pk=tour.pk).update(title="Tur Uji baru"))

    assert created and booking.departure_id == second.pk
    assert Page.objects.get(pk=tour.pk).title == "Tur Uji baru"


def test_a_booking_lock_takes_its_departure_first():
    tour, tier = village_tour_create()
    departure = departure_add_extra(tour=tour, starts_at=STARTS_AT, capacity=10, now=NOW)
    booking, _ = booking_hold(
        departure_id=departure.pk, lines=[(tier.pk, 1)], language="id", now=NOW
    )

    with Holder(lambda: booking_lock(booking.pk)), pytest.raises(Exception) as waited:
        _without_waiting(lambda: departure_lock(departure.pk))

    assert "lock timeout" in str(waited.value).lower()


def test_locks_refuse_to_run_outside_a_transaction():
    tour, _tier = village_tour_create()
    departure = departure_add_extra(tour=tour, starts_at=STARTS_AT, capacity=10, now=NOW)
    with pytest.raises(RuntimeError):
        departure_lock(departure.pk)


def _credits_equal_debits() -> bool:
    totals = dict(JournalLine.objects.values_list("side").annotate(total=Sum("amount")).order_by())
    return totals.get(Side.DEBIT, 0) == totals.get(Side.CREDIT, 0)


def _cash_booking(tour, tier, minutes: int = 0) -> Booking:
    departure = departure_add_extra(
        tour=tour, starts_at=STARTS_AT + dt.timedelta(minutes=minutes), capacity=10, now=NOW
    )
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, 2)],
        customer=GUEST,
        payment_method=PaymentMethod.CASH,
        now=NOW,
    )
    return booking


def test_a_cancellation_started_while_a_payment_holds_the_departure_waits_its_turn():
    """The interleaving that deadlocked: the payment holds the departure, the guest's cancel
    starts, then the payment asks for the booking. The cancel must wait at the departure,
    not hold the booking the payment needs."""
    tour, tier = village_tour_create(price=100_000)
    booking = _cash_booking(tour, tier)
    cancel_started = threading.Event()
    results = {}

    def pay():
        try:
            with transaction.atomic():
                departure_lock(booking.departure_id)
                cancel_started.wait(10)
                time.sleep(0.5)  # the cancel is now waiting for its first lock
                results["pay"] = payment_received_apply(
                    booking=booking, method=PaymentMethod.BANK_TRANSFER, amount=200_000,
                    provider_ref=f"transfer-{booking.pk}", now=NOW,
                )  # fmt: skip
        except Exception as error:  # the test reports what went wrong
            results["pay"] = error
        finally:
            connection.close()

    def cancel():
        try:
            cancel_started.set()
            results["cancel"] = booking_cancel(booking=booking, reason="Batal", now=NOW)
        except Exception as error:
            results["cancel"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=pay), threading.Thread(target=cancel)]
    threads[0].start()
    time.sleep(0.2)
    threads[1].start()
    for thread in threads:
        thread.join(30)

    assert not isinstance(results["pay"], Exception), results["pay"]
    assert not isinstance(results["cancel"], Exception), results["cancel"]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    # Paid first, then cancelled four days ahead: the policy gives all of it back.
    assert Refund.objects.get(booking=booking).amount == 200_000


def test_a_guest_cancelling_while_the_payment_lands_ends_consistent_without_deadlock():
    tour, tier = village_tour_create(price=100_000)
    for round_ in range(ROUNDS):
        booking = _cash_booking(tour, tier, minutes=round_)
        cancel = lambda b=booking: booking_cancel(booking=b, reason="Batal", now=NOW)  # noqa: E731
        pay = lambda b=booking: payment_received_apply(  # noqa: E731
            booking=b, method=PaymentMethod.BANK_TRANSFER, amount=200_000,
            provider_ref=f"transfer-{b.pk}", now=NOW,
        )  # fmt: skip

        results = run_together([cancel, pay] if round_ % 2 else [pay, cancel])

        errors = [r for r in results if isinstance(r, Exception)]
        assert not errors, errors
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        # Whichever came first, the guest paid Rp 200.000 four days ahead and gets all of it
        # back: as the policy's full refund, or as money that arrived for a cancelled booking.
        assert Refund.objects.filter(booking=booking).aggregate(s=Sum("amount"))["s"] == 200_000
    assert _credits_equal_debits()
    assert Booking.objects.filter(departure__tour=tour).count() == ROUNDS
