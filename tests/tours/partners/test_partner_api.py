"""The booking API with a partner's key: bookings made with it are the partner's, on its account
only within its credit limit; a partner lists, reads and cancels its own bookings only (any
other answers exactly like an unknown reference); a key that does not work is a 401, never a
guest's request; keys are rate limited one by one."""

import pytest
from django.test import Client

from tests.tours.api_calls import BOOKINGS, body, local_day, make_departure, post
from tests.tours.factories import GUEST
from tests.tours.partners.factories import agent, hotel
from tours.booking.partner_terms import commission_amount
from tours.models import (
    Booking,
    BookingStatus,
    Channel,
    PartnerAgreement,
    PaymentMethod,
    PaymentStatus,
)
from tours.partners.accounts import agreement_suspend
from tours.partners.keys import api_key_create, api_key_revoke
from tours.payments.paying import booking_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def key_of(partner, name="booking engine") -> str:
    return api_key_create(partner=partner, name=name)[1]


def bearer(raw: str) -> dict:
    return {"authorization": f"Bearer {raw}"}


def partner_book(partner, departure, tiers, method=PaymentMethod.CASH) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tiers[0].pk, 2)],
        customer=GUEST,
        payment_method=method,
        partner=partner,
    )
    return booking


def guest_book(departure, tiers) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk, lines=[(tiers[0].pk, 1)], customer=GUEST, payment_method="cash"
    )
    return booking


# Booking with a key -----------------------------------------------------------------------------


def test_a_booking_made_with_a_key_is_the_partners(client, fresh_departure, tiers):
    partner = hotel()
    response = post(client, BOOKINGS, body(fresh_departure, tiers), **bearer(key_of(partner)))
    assert response.status_code == 201, response.content
    data = response.json()
    booking = Booking.objects.get(reference=data["reference"])
    assert booking.partner == partner and booking.channel == Channel.PARTNER
    assert data["partner"] == partner.code
    assert data["commission"] == 20_000 == commission_amount(200_000, booking.commission_percent)
    # The guest's secret stays the guest's (sent by e-mail), never in the partner's answer.
    assert data["token"] is None and data["manage_url"] is None
    assert booking.token not in response.content.decode()


def test_on_account_within_the_credit_limit_confirms_at_once(client, fresh_departure, tiers):
    partner = agent(credit_limit=1_000_000)
    data = body(fresh_departure, tiers, payment_method="partner_account")
    response = post(client, BOOKINGS, data, **bearer(key_of(partner)))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "confirmed"
    assert response.json()["commission"] == 30_000  # 15% of Rp 200.000
    booking = Booking.objects.get(reference=response.json()["reference"])
    assert booking.partner == partner
    assert booking.payment_method == PaymentMethod.PARTNER_ACCOUNT
    assert booking.payment_status == PaymentStatus.ON_ACCOUNT


def test_on_account_over_the_credit_limit_is_refused(client, fresh_departure, tiers):
    partner = agent(credit_limit=100_000)  # Rp 200.000 less 15% is Rp 170.000
    data = body(fresh_departure, tiers, payment_method="partner_account")
    response = post(client, BOOKINGS, data, **bearer(key_of(partner)))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert set(response.json()["errors"]) == {"payment_method"}
    assert not Booking.objects.filter(partner=partner).exists()
    within = body(fresh_departure, tiers, lines=[{"tier": tiers[0].pk, "quantity": 1}])
    within["payment_method"] = "partner_account"
    assert post(client, BOOKINGS, within, **bearer(key_of(partner))).status_code == 201


def test_a_guest_pays_partner_cannot_book_on_account(client, fresh_departure, tiers):
    data = body(fresh_departure, tiers, payment_method="partner_account")
    response = post(client, BOOKINGS, data, **bearer(key_of(hotel())))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"payment_method"}
    anonymous = post(client, BOOKINGS, data)
    assert anonymous.status_code == 400
    assert set(anonymous.json()["errors"]) == {"payment_method"}
    assert not Booking.objects.filter(departure=fresh_departure).exists()


def test_idempotency_keys_are_each_partners_own(client, fresh_departure, tiers):
    first, second = hotel("hotel-a"), hotel("hotel-b")
    data = body(fresh_departure, tiers)
    a = post(client, BOOKINGS, data, idempotency_key="order-1", **bearer(key_of(first)))
    again = post(client, BOOKINGS, data, idempotency_key="order-1", **bearer(key_of(first)))
    assert again.json()["reference"] == a.json()["reference"]
    b = post(client, BOOKINGS, data, idempotency_key="order-1", **bearer(key_of(second)))
    guest = post(client, BOOKINGS, data, idempotency_key="order-1")
    references = {a.json()["reference"], b.json()["reference"], guest.json()["reference"]}
    assert len(references) == 3
    assert Booking.objects.get(reference=b.json()["reference"]).partner == second
    assert Booking.objects.get(reference=guest.json()["reference"]).partner is None


# Reading, listing, cancelling ------------------------------------------------------------------


def test_the_list_shows_only_the_partners_own_bookings_newest_first(client, fresh_departure, tiers):
    mine, other = hotel("hotel-a"), hotel("hotel-b")
    older = partner_book(mine, fresh_departure, tiers)
    newer = partner_book(mine, fresh_departure, tiers)
    partner_book(other, fresh_departure, tiers)
    guest_book(fresh_departure, tiers)
    response = client.get(BOOKINGS, headers=bearer(key_of(mine)))
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["page"] == 1 and data["pages"] == 1
    assert [item["reference"] for item in data["items"]] == [newer.reference, older.reference]
    assert {item["partner"] for item in data["items"]} == {mine.code}
    assert data["items"][0]["commission"] == 20_000
    assert data["items"][0]["manage_url"] is None
    assert older.token not in response.content.decode()


def test_the_list_pages_and_filters(client, fresh_departure, tiers, batik):
    partner = hotel()
    headers = bearer(key_of(partner))
    bookings = [partner_book(partner, fresh_departure, tiers) for _ in range(3)]
    page = client.get(BOOKINGS, {"page_size": 2, "page": 2}, headers=headers).json()
    assert page["count"] == 3 and page["pages"] == 2
    assert [item["reference"] for item in page["items"]] == [bookings[0].reference]
    one = client.get(BOOKINGS, {"reference": bookings[1].reference.lower()}, headers=headers)
    assert [item["reference"] for item in one.json()["items"]] == [bookings[1].reference]
    client.post(f"{BOOKINGS}{bookings[2].reference}/cancel/", headers=headers)
    cancelled = client.get(BOOKINGS, {"status": "cancelled"}, headers=headers).json()
    assert [item["reference"] for item in cancelled["items"]] == [bookings[2].reference]
    bad = client.get(BOOKINGS, {"status": "lost"}, headers=headers)
    assert bad.status_code == 400 and set(bad.json()["errors"]) == {"status"}


def test_the_date_filter_is_the_villages_local_date(client, batik, tiers):
    partner = hotel()
    # 00.30 WIB is still the day before in UTC: the village's date is the one that counts.
    early = partner_book(partner, make_departure(batik, days=7, hour=0), tiers)
    partner_book(partner, make_departure(batik, days=8), tiers)
    headers = bearer(key_of(partner))
    that_day = client.get(BOOKINGS, {"date": local_day(7).isoformat()}, headers=headers).json()
    assert [item["reference"] for item in that_day["items"]] == [early.reference]
    day_before = client.get(BOOKINGS, {"date": local_day(6).isoformat()}, headers=headers)
    assert day_before.json()["count"] == 0


def test_the_list_needs_a_key(client):
    response = client.get(BOOKINGS)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["message"].startswith("Kirim kunci API mitra")  # Indonesian first
    english = client.get(BOOKINGS, headers={"accept-language": "en"})
    assert english.json()["message"].startswith("Send your partner API key")


def test_a_partner_reads_its_own_booking_without_the_guests_token(client, fresh_departure, tiers):
    partner = hotel()
    booking = partner_book(partner, fresh_departure, tiers)
    response = client.get(
        f"{BOOKINGS}{booking.reference.lower()}/", headers=bearer(key_of(partner))
    )
    assert response.status_code == 200
    data = response.json()
    assert data["reference"] == booking.reference
    assert data["partner"] == partner.code and data["commission"] == 20_000
    assert data["manage_url"] is None
    assert booking.token not in response.content.decode()
    # The guest, with the token, sees who sold it but not the partner's commission.
    as_guest = client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token})
    assert as_guest.json()["partner"] == partner.code and as_guest.json()["commission"] is None


def test_another_partners_booking_is_not_found_like_an_unknown_one(client, fresh_departure, tiers):
    mine, other = hotel("hotel-a"), agent("agen-b")
    theirs = partner_book(other, fresh_departure, tiers)
    direct = guest_book(fresh_departure, tiers)
    headers = bearer(key_of(mine))
    unknown = client.get(f"{BOOKINGS}XYZ-22222/", headers=headers)
    assert unknown.status_code == 404
    for booking in (theirs, direct):
        # Guessing the reference, even with the guest's token, finds nothing with A's key.
        for params in ({}, {"token": booking.token}):
            response = client.get(f"{BOOKINGS}{booking.reference}/", params, headers=headers)
            assert response.status_code == 404
            assert response.content == unknown.content
            assert response.headers.items() == unknown.headers.items()
    cancel = client.post(f"{BOOKINGS}{theirs.reference}/cancel/", headers=headers)
    assert cancel.status_code == 404 and cancel.content == unknown.content
    theirs.refresh_from_db()
    assert theirs.status == BookingStatus.CONFIRMED


def test_a_partner_cancels_its_own_booking_by_the_policy(client, fresh_departure, tiers):
    partner = hotel()
    booking = partner_book(partner, fresh_departure, tiers)
    response = client.post(
        f"{BOOKINGS}{booking.reference}/cancel/", headers=bearer(key_of(partner))
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    assert response.json()["refund_amount"] == 0  # cash on arrival: nothing was paid
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


# Keys that do not work, limits ------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Bearer dw_00000000_nothing", "Bearer ", "Bearer", "Basic dXNlcjpwYXNz", "dw_without_scheme"],
)
def test_a_key_that_does_not_work_is_refused_never_anonymous(
    client, fresh_departure, tiers, header
):
    booking = guest_book(fresh_departure, tiers)
    before = Booking.objects.count()
    headers = {"authorization": header}
    created = post(client, BOOKINGS, body(fresh_departure, tiers), **headers)
    assert created.status_code == 401
    assert created.json()["error"] == "unauthorized"
    assert created["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert Booking.objects.count() == before
    # Even with the guest's own token: a bad key is not read as the guest.
    read = client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token}, headers=headers)
    assert read.status_code == 401


def test_a_revoked_key_stops_working(client, fresh_departure, tiers):
    partner = hotel()
    record, raw = api_key_create(partner=partner, name="old")
    assert client.get(BOOKINGS, headers=bearer(raw)).status_code == 200
    api_key_revoke(key=record)
    for response in (
        client.get(BOOKINGS, headers=bearer(raw)),
        post(client, BOOKINGS, body(fresh_departure, tiers), **bearer(raw)),
    ):
        assert response.status_code == 401
        assert response.json()["error"] == "unauthorized"
    assert not Booking.objects.filter(partner=partner).exists()


def test_a_suspended_partners_key_stops_working(client, fresh_departure, tiers):
    partner = hotel()
    raw = key_of(partner)
    booking = partner_book(partner, fresh_departure, tiers)
    assert client.get(f"{BOOKINGS}{booking.reference}/", headers=bearer(raw)).status_code == 200
    for agreement in PartnerAgreement.objects.filter(partner=partner):
        agreement_suspend(agreement=agreement)
    response = client.get(f"{BOOKINGS}{booking.reference}/", headers=bearer(raw))
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert post(client, BOOKINGS, body(fresh_departure, tiers), **bearer(raw)).status_code == 401


def test_each_key_is_rate_limited_on_its_own(client, settings):
    settings.PARTNER_API_RATE_LIMIT = "2/m"
    partner = hotel()
    first, second = key_of(partner, "one"), key_of(partner, "two")
    assert client.get(BOOKINGS, headers=bearer(first)).status_code == 200
    assert client.get(BOOKINGS, headers=bearer(first)).status_code == 200
    limited = client.get(BOOKINGS, headers=bearer(first))
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert 1 <= int(limited["Retry-After"]) <= 60
    # Another key (even of the same partner, from the same address) has its own count.
    assert client.get(BOOKINGS, headers=bearer(second)).status_code == 200


def test_a_partners_posts_count_per_key_not_per_address(client, fresh_departure, tiers, settings):
    settings.BOOKING_RATE_LIMIT = "1/m"
    settings.PARTNER_API_RATE_LIMIT = "3/m"
    raw = key_of(hotel())
    for _ in range(3):
        assert (
            post(client, BOOKINGS, body(fresh_departure, tiers), **bearer(raw)).status_code == 201
        )
    over = post(client, BOOKINGS, body(fresh_departure, tiers), **bearer(raw))
    assert over.status_code == 429
    # The guest limit per address is its own: the partner's requests did not use it up.
    assert post(client, BOOKINGS, body(fresh_departure, tiers)).status_code == 201
    guest_over = post(client, BOOKINGS, body(fresh_departure, tiers))
    assert guest_over.status_code == 429 and 1 <= int(guest_over["Retry-After"]) <= 60
    assert post(Client(REMOTE_ADDR="10.0.0.9"), BOOKINGS, "{}", **bearer(raw)).status_code == 429
