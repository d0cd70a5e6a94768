"""Partners, as the issue that asked for them is accepted: a hotel's desk books two guests on
account, one through the portal and one through the API; it sees both bookings and the month's
statement; the BUMDes's treasurer sees the receivable in the books; another partner's key gets
404 on those bookings."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from bumdes.services import staff_assign
from tests.tours.api_calls import BOOKINGS, body, post
from tests.tours.partners.factories import partner_user, partner_with_agreement
from tests.tours.partners.test_portal import book as portal_book
from tours.booking.books import departure_deliver
from tours.booking.partner_terms import net_of_commission
from tours.models import Booking, BookingStatus, PartnerKind, PaymentStatus, Settlement
from tours.partners.keys import api_key_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_a_hotel_books_on_account_by_portal_and_api_and_the_books_agree(client, departure, tiers):
    hotel = partner_with_agreement(
        "hotel-kledung",
        kind=PartnerKind.HOTEL,
        commission_percent=10,
        settlement=Settlement.ON_ACCOUNT,
        credit_limit=5_000_000,
    )
    client.force_login(partner_user(hotel))
    answer = portal_book(client, departure, tiers[0])
    assert answer.status_code == 302
    by_portal = Booking.objects.get(partner=hotel)
    key = api_key_create(partner=hotel, name="front office")[1]
    api = Client()
    data = body(departure, tiers, payment_method="partner_account")
    created = post(api, BOOKINGS, data, authorization=f"Bearer {key}")
    assert created.status_code == 201, created.content
    by_api = Booking.objects.get(reference=created.json()["reference"])
    for booking in (by_portal, by_api):
        booking.refresh_from_db()
        assert booking.partner == hotel and booking.status == BookingStatus.CONFIRMED
        assert booking.payment_status == PaymentStatus.ON_ACCOUNT

    listing = client.get(reverse("partner_bookings")).content.decode()
    assert by_portal.reference in listing and by_api.reference in listing

    departure_deliver(departure=departure, now=departure.starts_at + dt.timedelta(hours=4))
    agreement = hotel.agreements.get()
    local = departure.starts_at.astimezone(agreement.enterprise.zone)
    statement = client.get(
        reverse("partner_statement", args=[agreement.pk, local.year, local.month])
    ).content.decode()
    assert by_portal.reference in statement and by_api.reference in statement
    owed = net_of_commission(by_portal) + net_of_commission(by_api)

    treasurer = get_user_model().objects.create_user("bendahara-uji", password="x")
    staff_assign(user=treasurer, enterprise=agreement.enterprise, roles=["treasurer"])
    books = Client()
    books.force_login(treasurer)
    day = local.date().isoformat()
    report = books.get("/admin/books/reports/subledgers/", {"date_from": day, "date_to": day})
    assert report.status_code == 200
    html = report.content.decode()
    assert hotel.name in html and f"{owed:,}".replace(",", ".") in html

    other = partner_with_agreement("agen-lain", commission_percent=10)
    other_key = api_key_create(partner=other, name="x")[1]
    for reference in (by_portal.reference, by_api.reference):
        answer = api.get(
            f"{BOOKINGS}{reference}/", headers={"authorization": f"Bearer {other_key}"}
        )
        assert answer.status_code == 404
