"""Refunds paid by hand (cash and bank transfer, never card) and where each refund lands in the
books: out of unearned revenue before the departure, out of revenue after it, out of the
retained fee after a cancellation."""

import pytest
from django.core import mail
from django.urls import reverse

from bumdes import chart
from bumdes.models import JournalEntry
from tests.payments.refunding import (
    HOUR,
    cancelled_and_sent,
    cash_booking,
    form_key,
    lines_of,
    refund_url,
    zero_trial_balance,
)
from tests.tours.factories import BOOKED_AT, STARTS_AT
from tours.booking.books import departure_deliver, refund_mark_paid
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.models import BookingStatus, Refund
from tours.payments.refunds import refund_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_a_cash_refund_is_recorded_by_hand(
    client, login, fake_stripe, django_capture_on_commit_callbacks
):
    booking = cash_booking()
    login("lipursari-treasurer")
    key = form_key(client.get(refund_url(booking)))
    client.post(
        refund_url(booking), {"amount": "40000", "reason": "Satu peserta sakit", "key": key}
    )
    refund = booking.refunds.get()
    assert (refund.method, refund.status) == ("cash", Refund.Status.PENDING)
    assert fake_stripe.posted("/v1/refunds") == []

    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    paid_url = reverse("booking_refunds:mark_paid", args=[refund.pk])
    assert paid_url in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(paid_url).status_code == 302
        assert client.post(paid_url).status_code == 302  # a second tap posts nothing more
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert lines_of(JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}")) == [
        (chart.CASH, "credit", 40_000),
        (chart.REFUNDS_PAYABLE, "debit", 40_000),
    ]
    assert len(mail.outbox) == 1
    assert zero_trial_balance(booking.enterprise)


def test_card_refunds_are_never_marked_paid_by_hand(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    with pytest.raises(NotAllowed):
        refund_mark_paid(refund=refund)


def test_a_refund_after_delivery_reduces_revenue(fake_stripe):
    booking = cash_booking()
    departure_deliver(departure=booking.departure, now=STARTS_AT + 4 * HOUR)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED
    refund = refund_create(
        booking=booking, amount=30_000, reason="Pemandu terlambat", now=STARTS_AT + 5 * HOUR
    )
    assert refund.after_delivery
    assert not JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}-owed").exists()
    refund_mark_paid(refund=refund, now=STARTS_AT + 6 * HOUR)
    assert lines_of(JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}")) == [
        (chart.CASH, "credit", 30_000),
        (chart.REVENUE_DEDUCTIONS, "debit", 30_000),
    ]
    assert zero_trial_balance(booking.enterprise)


def test_a_refund_on_a_cancelled_booking_comes_out_of_the_retained_fee(fake_stripe):
    booking = cash_booking()
    booking_cancel(booking=booking, reason="Terlambat", now=STARTS_AT - 12 * HOUR)  # policy: 0%
    assert not booking.refunds.exists()
    refund = refund_create(booking=booking, amount=50_000, reason="Kebijakan desa")
    owed = JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}-owed")
    assert lines_of(owed) == [
        (chart.REFUNDS_PAYABLE, "credit", 50_000),
        (chart.CANCELLATION_FEES, "debit", 50_000),
    ]
    with pytest.raises(BookingInvalid):
        refund_create(booking=booking, amount=50_001, reason="lagi")
    refund_mark_paid(refund=refund)
    assert zero_trial_balance(booking.enterprise)


def test_cancelling_after_a_goodwill_refund_gives_the_policy_share_of_the_rest(fake_stripe):
    booking = cash_booking()
    refund_create(booking=booking, amount=20_000, reason="Hadiah", now=BOOKED_AT + HOUR)
    booking_cancel(booking=booking, reason="Sakit", now=BOOKED_AT + 2 * HOUR)  # policy: 100%
    cancellation = booking.refunds.order_by("pk").last()
    assert cancellation.amount == 80_000
    assert zero_trial_balance(booking.enterprise)
