import datetime as dt
import json
import time

import pytest
import stripe
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from bumdes.models import JournalEntry
from tests.payments.conftest import ACCOUNT, WEBHOOK_SECRET
from tests.payments.fake_stripe import FEE_PERCENT
from tests.tours.factories import DepartureFactory, confirmed, hold
from tours.models import (
    Booking,
    BookingEvent,
    BookingStatus,
    Payment,
    PaymentStatus,
    Refund,
    WebhookEvent,
)
from tours.payments.stripe_api import checkout_session_create

pytestmark = pytest.mark.django_db

URL = "/payments/stripe/webhook/"
# The factories' bookings are held in 2030 (BOOKED_AT); the webhook applies events at the real
# "now", before their holds run out, unless a test moves the clock (`clock_at`).
SUCCESS = "http://testserver/ok"


def session_for(fake, booking, **changes) -> dict:
    """The booking's Checkout Session, paid on the fake Stripe (with its PaymentIntent, charge
    and balance transaction there, as Stripe has them when it sends the event)."""
    session = fake.paid_session(
        ACCOUNT, booking.reference, booking.total * 100, session_id=f"cs_test_{booking.reference}"
    )
    session.pop("account", None)
    session.update(changes)
    return session


def fee_of(amount: int) -> int:
    """The fake's fee (3%) in rupiah for a payment of `amount` rupiah."""
    return amount * FEE_PERCENT // 100


def event(event_id: str, kind: str, obj: dict, account: str = ACCOUNT) -> dict:
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "account": account,
        "api_version": "2025-01-01",
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": obj},
    }


def deliver(client, payload: dict, *, secret: str = WEBHOOK_SECRET, timestamp=None):
    body = json.dumps(payload)
    header = stripe.WebhookSignature.generate_signature_header(body, secret, timestamp=timestamp)
    return client.post(
        URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


@pytest.fixture
def keys(fake_stripe):
    return fake_stripe


def test_paid_after_the_hold_ran_out_with_places_left_confirms(
    client, keys, lipursari_stripe, monkeypatch
):
    booking = hold(DepartureFactory(capacity=2), 2)
    later = booking.hold_expires_at + dt.timedelta(hours=1)
    monkeypatch.setattr("tours.payments.webhooks.timezone.now", lambda: later)
    # The expiry event arrives first (the hold is released), then the payment.
    deliver(client, event("evt_e", "checkout.session.expired", session_for(keys, booking)))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    deliver(client, event("evt_p", "checkout.session.completed", session_for(keys, booking)))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payments.count() == 1 and not booking.refunds.exists()


def payments_posted(booking) -> int:
    """Entries of the booking's payments: the payment itself and its Stripe fee (same source)."""
    return JournalEntry.objects.filter(
        enterprise=booking.enterprise,
        source_ref__in=[f"payment-{p.pk}" for p in booking.payments.all()],
    ).count()


def test_completed_confirms_records_and_posts_once(client, keys, lipursari_stripe):
    booking = hold(DepartureFactory(), 2)
    paid = event("evt_paid_1", "checkout.session.completed", session_for(keys, booking))

    for _ in range(3):
        assert deliver(client, paid).status_code == 200

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert booking.payment_method == "stripe"
    [payment] = booking.payments.all()
    assert (payment.method, payment.amount, payment.provider_ref, payment.fee) == (
        "stripe",
        200_000,
        f"cs_test_{booking.reference}",
        fee_of(200_000),
    )
    assert payment.provider_payment == keys.sessions[payment.provider_ref]["payment_intent"]
    assert payments_posted(booking) == 2  # the payment and its fee
    assert booking.events.filter(kind="confirmed").count() == 1
    assert WebhookEvent.objects.filter(event_id="evt_paid_1").count() == 1
    assert WebhookEvent.objects.get(event_id="evt_paid_1").processed_at is not None


def test_a_session_from_the_real_sdk_round_trip(client, keys, lipursari_stripe):
    """The session the fake server returned, completed there, confirms the booking."""
    booking = hold(DepartureFactory(), 1)
    session = checkout_session_create(booking, success_url=SUCCESS, cancel_url=SUCCESS)
    paid = keys.session_complete(session.id)
    assert deliver(client, event("evt_rt", "checkout.session.completed", paid)).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payments.get().amount == 100_000


@pytest.mark.parametrize(
    "how",
    ["wrong secret", "stale", "no header", "tampered body"],
)
def test_forged_or_stale_signatures_get_400_and_change_nothing(client, keys, lipursari_stripe, how):
    booking = hold(DepartureFactory(), 1)
    payload = event("evt_forged", "checkout.session.completed", session_for(keys, booking))
    before = (WebhookEvent.objects.count(), Payment.objects.count(), JournalEntry.objects.count())
    if how == "wrong secret":
        response = deliver(client, payload, secret="whsec_someone_else")
    elif how == "stale":
        response = deliver(client, payload, timestamp=int(time.time()) - 301)
    elif how == "no header":
        response = client.post(URL, data=json.dumps(payload), content_type="application/json")
    else:
        body = json.dumps(payload)
        header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET)
        response = client.post(
            URL,
            data=body.replace('"amount_total": 100000', '"amount_total": 100'),
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=header,
        )
    assert response.status_code == 400
    after = (WebhookEvent.objects.count(), Payment.objects.count(), JournalEntry.objects.count())
    assert after == before
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_get_is_refused(client):
    before = WebhookEvent.objects.count()
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert WebhookEvent.objects.count() == before


def test_expired_releases_the_hold(client, keys, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    expired = event(
        "evt_exp", "checkout.session.expired", session_for(keys, booking, status="expired")
    )
    assert deliver(client, expired).status_code == 200
    assert deliver(client, expired).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert booking.events.filter(kind="expired").count() == 1


def test_unknown_events_are_ignored(client, keys, lipursari_stripe):
    payload = event("evt_unknown", "customer.created", {"id": "cus_1", "object": "customer"})
    assert deliver(client, payload).status_code == 200
    assert WebhookEvent.objects.get(event_id="evt_unknown").type == "customer.created"


def test_another_account_cannot_touch_the_booking(client, keys, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    payload = event(
        "evt_other", "checkout.session.completed", session_for(keys, booking), account="acct_other"
    )
    assert deliver(client, payload).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert not booking.payments.exists()


def test_paid_after_the_places_were_gone_is_refunded_never_oversold(
    client, keys, lipursari_stripe, monkeypatch
):
    departure = DepartureFactory(capacity=2)
    late = hold(departure, 2)  # its hold runs out long before "now"
    late_departure_now = departure  # the places go to someone else after the hold ran out
    confirmed(late_departure_now, 2, now=late.hold_expires_at + dt.timedelta(minutes=1))
    later = late.hold_expires_at + dt.timedelta(minutes=2)
    monkeypatch.setattr("tours.payments.webhooks.timezone.now", lambda: later)

    assert (
        deliver(
            client, event("evt_late", "checkout.session.completed", session_for(keys, late))
        ).status_code
        == 200
    )

    late.refresh_from_db()
    assert late.status == BookingStatus.EXPIRED
    assert departure.bookings.filter(status=BookingStatus.CONFIRMED).count() == 1
    [payment] = late.payments.all()
    assert payment.amount == 200_000
    [refund] = late.refunds.all()
    assert (refund.status, refund.method, refund.amount) == (
        Refund.Status.PENDING,
        "stripe",
        200_000,
    )
    assert JournalEntry.objects.filter(source_ref=f"payment-{payment.pk}-unplaced").count() == 1
    # A replay changes nothing.
    assert (
        deliver(
            client, event("evt_late", "checkout.session.completed", session_for(keys, late))
        ).status_code
        == 200
    )
    assert late.refunds.count() == 1 and late.payments.count() == 1


# Any order, any number of replays: one effect ---------------------------------------------------


@pytest.mark.parametrize("places_left", [True])
@seed(20301603)
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_replays_in_any_order_apply_once(client, keys, lipursari_stripe, places_left, data):
    booking = hold(DepartureFactory(), 2)
    session = session_for(keys, booking)
    kinds = [
        event(f"evt_{booking.reference}_paid", "checkout.session.completed", session),
        event(f"evt_{booking.reference}_exp", "checkout.session.expired", session),
        event(f"evt_{booking.reference}_pi", "payment_intent.succeeded", {"id": "pi_1"}),
    ]
    order = data.draw(st.permutations(kinds))
    repeats = data.draw(st.lists(st.sampled_from(kinds), max_size=6))
    entries_before = JournalEntry.objects.count()

    for payload in [*order, *repeats]:
        assert deliver(client, payload).status_code == 200

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert booking.payments.count() == 1
    assert JournalEntry.objects.count() - entries_before == 2  # the payment and its fee
    assert payments_posted(booking) == 2
    assert BookingEvent.objects.filter(booking=booking, kind="confirmed").count() == 1
    assert (
        WebhookEvent.objects.filter(event_id__startswith=f"evt_{booking.reference}_").count() == 3
    )


def test_an_event_is_recorded_once_per_provider():
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    fields = {"event_id": "evt_same", "type": "x", "received_at": timezone.now()}
    WebhookEvent.objects.create(provider="stripe", **fields)
    WebhookEvent.objects.create(provider="other", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        WebhookEvent.objects.create(provider="stripe", **fields)


def test_delayed_payment_confirms_when_it_succeeds_and_releases_when_it_fails(
    client, keys, lipursari_stripe
):
    """A delayed method: completed unpaid (nothing happens), then the money arrives."""
    paid_later = hold(DepartureFactory(), 2)
    session = session_for(keys, paid_later)
    unpaid = {**session, "payment_status": "unpaid"}
    deliver(client, event("evt_d1", "checkout.session.completed", unpaid))
    paid_later.refresh_from_db()
    assert paid_later.status == BookingStatus.HELD and not paid_later.payments.exists()
    deliver(client, event("evt_d2", "checkout.session.async_payment_succeeded", session))
    paid_later.refresh_from_db()
    assert paid_later.status == BookingStatus.CONFIRMED
    assert paid_later.payment_status == PaymentStatus.PAID

    failed = hold(DepartureFactory(), 1)
    session = {**session_for(keys, failed), "payment_status": "unpaid"}
    deliver(client, event("evt_d3", "checkout.session.completed", session))
    deliver(client, event("evt_d4", "checkout.session.async_payment_failed", session))
    failed.refresh_from_db()
    assert failed.status == BookingStatus.EXPIRED and not failed.payments.exists()


def test_an_older_session_expiring_leaves_the_newer_one_alone(client, keys, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    old = session_for(keys, booking)
    Booking.objects.filter(pk=booking.pk).update(checkout_session_id="cs_test_newer")
    deliver(client, event("evt_old_exp", "checkout.session.expired", old))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
