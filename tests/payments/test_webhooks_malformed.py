"""Validly signed but malformed Stripe events, and signatures from the future: each is answered
4xx or a logged 200, never 500, and writes nothing (no event record, payment, refund or entry)."""

import json
import logging
import time

import pytest
import stripe
from django.test import Client, override_settings

from bumdes.models import JournalEntry
from tests.payments.conftest import WEBHOOK_SECRET
from tests.payments.test_webhooks import URL, deliver, event, session_for
from tests.tours.factories import DepartureFactory, hold
from tours.models import BookingStatus, Payment, Refund, WebhookEvent

pytestmark = pytest.mark.django_db


def written() -> tuple[int, int, int, int]:
    return (
        WebhookEvent.objects.count(),
        Payment.objects.count(),
        Refund.objects.count(),
        JournalEntry.objects.count(),
    )


def deliver_body(body: str, *, timestamp=None):
    """A raw body, signed with the right secret: Stripe's signature, whatever the content."""
    header = stripe.WebhookSignature.generate_signature_header(
        body, WEBHOOK_SECRET, timestamp=timestamp
    )
    client = Client(raise_request_exception=False)
    return client.post(
        URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


@pytest.mark.parametrize("body", ["[]", '"x"', "null", "42", "{}", '{"id": 7}'])
def test_a_signed_body_that_is_no_event_is_refused(fake_stripe, body):
    before = written()
    response = deliver_body(body)
    assert response.status_code == 400
    assert written() == before


def paid_event(fake, booking, **changes) -> dict:
    return event("evt_bad", "checkout.session.completed", session_for(fake, booking, **changes))


@pytest.mark.parametrize(
    "breakage",
    [
        "type is a list",
        "type is a number",
        "data is a list",
        "data is a string",
        "object is a list",
        "object is null",
        "account is a number",
    ],
)
def test_an_event_of_the_wrong_shape_is_refused_and_changes_nothing(
    fake_stripe, lipursari_stripe, breakage
):
    booking = hold(DepartureFactory(), 1)
    payload = paid_event(fake_stripe, booking)
    what, _is, kind = breakage.split(" ", 2)
    value = {"a list": [], "a number": 3, "a string": "x", "null": None}[kind]
    if what == "object":
        payload["data"]["object"] = value
    else:
        payload[what] = value
    before = written()
    response = deliver_body(json.dumps(payload))
    assert response.status_code == 400
    assert written() == before
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


@pytest.mark.parametrize(
    "changes",
    [
        {"amount_total": None},
        {"amount_total": "100000"},
        {"amount_total": 10.5},
        {"id": None},
        {"id": 12},
        {"currency": "usd"},
        {"currency": None},
        {"client_reference_id": ["x"]},
    ],
    ids=lambda changes: ",".join(f"{k}={v!r}" for k, v in changes.items()),
)
def test_a_session_missing_what_it_needs_is_logged_and_ignored(
    fake_stripe, lipursari_stripe, caplog, changes
):
    booking = hold(DepartureFactory(), 1)
    session = session_for(fake_stripe, booking)
    for key, value in changes.items():
        if value is None:
            session.pop(key, None)
        else:
            session[key] = value
    before = written()
    with caplog.at_level(logging.WARNING, logger="tours.payments.webhooks"):
        response = deliver_body(json.dumps(event("evt_bad", "checkout.session.completed", session)))
    assert response.status_code == 200
    assert written() == before
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert any("ignored" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("kind", ["refund.updated", "charge.refunded", "account.updated"])
def test_other_events_with_an_id_of_the_wrong_type_are_ignored(fake_stripe, lipursari_stripe, kind):
    before = written()
    response = deliver_body(json.dumps(event("evt_bad", kind, {"id": {"x": 1}})))
    assert response.status_code == 200
    assert written() == before


@pytest.mark.parametrize("status", ["paid", "failed"])
def test_payout_events_without_a_stripe_key_call_nothing(
    fake_stripe, lipursari_stripe, caplog, status
):
    payout = {"id": "po_nokey", "object": "payout", "status": status, "amount": 100_000}
    with (
        override_settings(STRIPE_SECRET_KEY=""),
        caplog.at_level(logging.WARNING, logger="tours.payments"),
    ):
        response = deliver(Client(), event(f"evt_po_{status}", f"payout.{status}", payout))
    assert response.status_code == 200
    assert fake_stripe.requests == []
    assert not JournalEntry.objects.filter(source_ref__startswith="payout-po_nokey").exists()
    assert any("no Stripe key" in record.getMessage() for record in caplog.records)


def test_refund_events_without_a_stripe_key_call_nothing(fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    deliver(Client(), paid_event(fake_stripe, booking))
    intent = booking.payments.get().provider_payment
    fake_stripe.reset()
    charge = {"id": "ch_1", "object": "charge", "payment_intent": intent}
    with override_settings(STRIPE_SECRET_KEY=""):
        response = deliver(Client(), event("evt_ch", "charge.refunded", charge))
    assert response.status_code == 200
    assert fake_stripe.requests == []


@pytest.mark.parametrize("seconds", [301, 3600, 10**9])
def test_a_signature_from_the_future_is_refused_like_a_stale_one(
    fake_stripe, lipursari_stripe, seconds
):
    booking = hold(DepartureFactory(), 1)
    payload = paid_event(fake_stripe, booking)
    before = written()
    response = deliver_body(json.dumps(payload), timestamp=int(time.time()) + seconds)
    assert response.status_code == 400
    assert written() == before
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_a_signature_a_moment_ahead_is_accepted(fake_stripe, lipursari_stripe):
    """Clocks differ a little: a timestamp within the tolerance ahead of ours is Stripe's."""
    booking = hold(DepartureFactory(), 1)
    response = deliver_body(
        json.dumps(paid_event(fake_stripe, booking)), timestamp=int(time.time()) + 60
    )
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


@pytest.mark.parametrize("header", ["t=abc,v1=00", "v1=00", "t=,v1=00", "t=1e99,v1=00"])
def test_a_signature_header_without_a_usable_time_is_refused(fake_stripe, header):
    before = written()
    response = Client(raise_request_exception=False).post(
        URL, data="{}", content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )
    assert response.status_code == 400
    assert written() == before
