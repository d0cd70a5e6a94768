"""Steps the refund tests share: a booking paid by card through the fake Checkout or in cash, a
card booking cancelled with its refund sent to Stripe, Stripe's refund events, and the journal
entries a refund posted."""

import datetime as dt

from django.urls import reverse

from bumdes.ledger import balances
from bumdes.models import JournalEntry, JournalLine
from tests.payments.test_webhooks import deliver, event, session_for
from tests.tours.factories import BOOKED_AT, STARTS_AT, DepartureFactory, confirmed, hold
from tours.booking.books import payment_record
from tours.booking.cancelling import booking_cancel
from tours.models import BookingStatus, PaymentMethod, Refund

HOUR = dt.timedelta(hours=1)


def paid_by_card(client, fake, people: int = 2, departure=None):
    """A booking paid through the fake Checkout, confirmed by the webhook."""
    booking = hold(departure or DepartureFactory(), people)
    paid = event(
        f"evt_paid_{booking.reference}",
        "checkout.session.completed",
        session_for(fake, booking),
    )
    assert deliver(client, paid).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    return booking


def cancelled_and_sent(client, fake, capture, people: int = 2):
    """A card booking cancelled by its guest (full refund by the policy, sent to Stripe)."""
    booking = paid_by_card(client, fake, people)
    with capture(execute=True):
        booking_cancel(booking=booking, reason="Sakit")
    refund = booking.refunds.get()
    assert refund.status == Refund.Status.SENT
    return booking, refund


def refund_event(fake, refund: Refund, kind: str = "refund.updated", suffix: str = "") -> dict:
    stripe_refund = dict(fake.refunds[refund.provider_ref])
    return event(
        f"evt_{kind}_{stripe_refund['id']}_{stripe_refund['status']}{suffix}", kind, stripe_refund
    )


def charge_event(fake, stripe_refund_id: str, suffix: str = "") -> dict:
    charge = dict(fake.charges[fake.refunds[stripe_refund_id]["charge"]])
    return event(
        f"evt_charge_{charge['id']}_{charge['amount_refunded']}{suffix}", "charge.refunded", charge
    )


def refund_entries(refund: Refund):
    return JournalEntry.objects.filter(
        source_type="refund", source_ref__startswith=f"refund-{refund.pk}-"
    )


def lines_of(entries) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(entry__in=entries).values_list("account__code", "side", "amount")
    )


def zero_trial_balance(enterprise) -> bool:
    return sum(balances(enterprise).values()) == 0


def refund_url(booking) -> str:
    return reverse("booking_refunds:add", args=[booking.pk])


def form_key(response) -> str:
    return response.context["form"].initial["key"]


def cash_booking(amount_paid: int = 100_000):
    booking = confirmed(DepartureFactory(starts_at=STARTS_AT), 1)
    payment_record(booking=booking, method=PaymentMethod.CASH, amount=amount_paid, now=BOOKED_AT)
    booking.refresh_from_db()
    return booking
