import datetime as dt

import pytest
from django.test import override_settings

from tests.payments.conftest import ACCOUNT
from tests.payments.fake_stripe import parse_form
from tests.tours.factories import BOOKED_AT, GUEST_EN, DepartureFactory, hold, per_person, student
from tours.payments.stripe_api import checkout_expires_at, checkout_session_create

pytestmark = pytest.mark.django_db

SUCCESS = "http://testserver/booking/X/?t=abc&paid=1"
CANCEL = "http://testserver/booking/X/?t=abc"


def test_parse_form_nests_keys_like_the_sdk_sends_them():
    body = (
        "line_items[0][price_data][unit_amount]=15000000&line_items[0][quantity]=2"
        "&line_items[1][quantity]=1&metadata[booking]=LPS-1&currency=idr"
    )
    assert parse_form(body) == {
        "line_items": [
            {"price_data": {"unit_amount": "15000000"}, "quantity": "2"},
            {"quantity": "1"},
        ],
        "metadata": {"booking": "LPS-1"},
        "currency": "idr",
    }


def test_checkout_session_on_the_connected_account(fake_stripe, lipursari_stripe):
    departure = DepartureFactory()
    booking = hold(departure, 3)

    session = checkout_session_create(
        booking, success_url=SUCCESS, cancel_url=CANCEL, now=BOOKED_AT
    )

    assert booking.total == 300_000
    assert session.amount_total == booking.total * 100 == 30_000_000
    assert session.id.startswith("cs_test_")
    assert session.url.startswith(fake_stripe.url)
    assert session.client_reference_id == booking.reference
    assert session.metadata["booking"] == booking.reference
    assert session.status == "open"
    [request] = fake_stripe.posted("/v1/checkout/sessions")
    assert request.stripe_account == ACCOUNT
    expires_at = request.form["expires_at"]
    assert request.idempotency_key == f"booking-{booking.reference}-checkout-{expires_at}"
    form = request.form
    assert form["currency"] == "idr"
    assert form["line_items"] == [
        {
            "price_data": {
                "currency": "idr",
                "unit_amount": "10000000",
                "product_data": {"name": f"{departure.tour.title} · {booking.lines.get().label}"},
            },
            "quantity": "3",
        }
    ]
    assert form["customer_email"] == booking.customer_email
    assert form["locale"] == "id"
    assert form["payment_method_types"] == ["card"]
    assert form["success_url"] == SUCCESS and form["cancel_url"] == CANCEL
    assert "application_fee_amount" not in form["payment_intent_data"]
    assert int(form["expires_at"]) == int(
        checkout_expires_at(booking.hold_expires_at, BOOKED_AT).timestamp()
    )


def test_a_retry_reuses_the_session(fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    first = checkout_session_create(booking, success_url=SUCCESS, cancel_url=CANCEL, now=BOOKED_AT)
    again = checkout_session_create(booking, success_url=SUCCESS, cancel_url=CANCEL, now=BOOKED_AT)
    assert first.id == again.id
    assert len(fake_stripe.sessions) == 1


def test_several_lines_english_guest_and_platform_fee(fake_stripe, lipursari_stripe):
    departure = DepartureFactory(capacity=40)
    # A group of 12 without a deposit (the demo's batik class asks groups for 30%).
    type(departure.tour).objects.filter(pk=departure.tour_id).update(deposit_percent=0)
    booking = hold(
        departure,
        customer=GUEST_EN,
        lines=[(per_person(departure.tour).pk, 2), (student(departure.tour).pk, 10)],
    )
    with override_settings(STRIPE_PLATFORM_FEE_PERCENT=5):
        session = checkout_session_create(
            booking, success_url=SUCCESS, cancel_url=CANCEL, now=BOOKED_AT
        )
    assert booking.total == 2 * 100_000 + 10 * 75_000
    assert session.amount_total == booking.total * 100
    form = fake_stripe.posted("/v1/checkout/sessions")[0].form
    assert [(i["price_data"]["unit_amount"], i["quantity"]) for i in form["line_items"]] == [
        ("10000000", "2"),
        ("7500000", "10"),
    ]
    assert form["locale"] == "en"
    assert form["customer_email"] == GUEST_EN.email
    assert form["payment_intent_data"]["application_fee_amount"] == str(47_500 * 100)


def test_without_a_connected_account_no_session(fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    booking.enterprise.stripe_account_id = ""
    with pytest.raises(ValueError):
        checkout_session_create(booking, success_url=SUCCESS, cancel_url=CANCEL, now=BOOKED_AT)
    assert fake_stripe.requests == []


NOW = dt.datetime(2030, 3, 6, 2, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("hold_for", "lasts"),
    [
        (dt.timedelta(minutes=15), dt.timedelta(minutes=31)),
        (dt.timedelta(minutes=45), dt.timedelta(minutes=45)),
        (dt.timedelta(hours=3), dt.timedelta(hours=3)),
        (dt.timedelta(days=3), dt.timedelta(hours=24) - dt.timedelta(minutes=1)),
        (-dt.timedelta(minutes=5), dt.timedelta(minutes=31)),
    ],
)
def test_checkout_expiry_follows_the_hold_within_stripes_limits(hold_for, lasts):
    expires = checkout_expires_at(NOW + hold_for, NOW)
    assert expires - NOW == lasts
    assert dt.timedelta(minutes=30) < expires - NOW < dt.timedelta(hours=24)


def test_the_stripe_provider_sends_the_guest_to_checkout(fake_stripe, lipursari_stripe, rf):
    from tours.booking.providers import provider_get

    booking = hold(DepartureFactory(), 1)
    url = provider_get("stripe").start(booking, rf.get("/"))
    [request] = fake_stripe.posted("/v1/checkout/sessions")
    assert url == fake_stripe.sessions[url.rsplit("/", 1)[1]]["url"]
    assert request.form["success_url"].endswith(f"?t={booking.token}&paid=1")
    assert request.form["cancel_url"].endswith(f"/{booking.reference}/?t={booking.token}")
