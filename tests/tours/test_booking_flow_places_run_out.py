"""When the places run out: one message per problem, and a guest whose places went while they
were paying may book again with fewer people, without typing their details again."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.tours.guest_flow import GUEST, booking_from, guest_url, hold, url
from tours.booking.holds import booking_hold
from tours.models import Booking, BookingStatus, Departure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def _messages(html: str) -> list[str]:
    """The texts of the page's notices (errors, few places, released) in the order shown."""
    found = re.findall(r'class="(?:notice[^"]*|few-note)"[^>]*>(.*?)</(?:div|p)>', html, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", text).strip() for text in found]


def _places_taken_while_paying(client, departure, tiers, *, leave: int) -> Booking:
    """A guest holds 4 places and gives their details; their hold runs out and someone else
    takes all the places but `leave`."""
    Departure.objects.filter(pk=departure.pk).update(capacity=10)
    booking = booking_from(hold(client, departure, {tiers[0]: 4}, "en"))
    client.post(guest_url("booking_details", booking, "en"), {**GUEST, "language": "en"})
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    booking_hold(departure_id=departure.pk, lines=[(tiers[0].pk, 10 - leave)], language="id")
    return booking


def test_too_many_people_for_the_few_places_left_is_said_once(client, departure, tiers):
    Departure.objects.filter(pk=departure.pk).update(capacity=3)
    response = client.post(
        url("booking_start", "en", departure_id=departure.pk), {f"tier_{tiers[0].pk}": "5"}
    )
    assert _messages(response.content.decode()) == ["Not enough places left: 3 remaining."]
    # Asking the page again, the few places are shown as before.
    page = client.get(url("booking_start", "en", departure_id=departure.pk)).content.decode()
    assert _messages(page) == ["Only 3 places left on this date."]


def test_places_gone_while_paying_the_guest_books_fewer_people(client, departure, tiers):
    booking = _places_taken_while_paying(client, departure, tiers, leave=2)

    response = client.post(guest_url("booking_review", booking, "en"), {"payment_method": "cash"})
    assert response["Location"] == guest_url("booking_review", booking, "en")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    page = client.get(response["Location"]).content.decode()
    assert _messages(page) == ["Only 2 places are left on this date; you chose 4."]
    fewer = re.search(r'href="([^"]*/booking/new/\d+/\?from=[^"]+)"', page).group(1)
    assert "Book up to 2 places" in page and "Choose another date" in page

    fewer = fewer.replace("&amp;", "&")
    page = client.get(fewer).content.decode()
    assert _messages(page) == ["Only 2 places left on this date."]
    assert f'name="tier_{tiers[0].pk}" value="4"' in page  # what they chose, to lower

    response = client.post(fewer, {f"tier_{tiers[0].pk}": "2"})
    again = booking_from(response)
    assert response["Location"] == guest_url("booking_review", again, "en")
    assert (again.seats, again.customer_email, again.language) == (2, GUEST["email"], "en")
    client.post(guest_url("booking_review", again, "en"), {"payment_method": "cash"})
    again.refresh_from_db()
    assert again.status == BookingStatus.CONFIRMED


def test_no_places_left_leaves_only_another_date(client, departure, tiers):
    booking = _places_taken_while_paying(client, departure, tiers, leave=0)
    response = client.post(guest_url("booking_review", booking, "en"), {"payment_method": "cash"})
    page = client.get(response["Location"]).content.decode()
    assert _messages(page) == ["This departure is fully booked."]
    assert "/booking/new/" not in page and "#availability" in page


def test_a_wrong_token_carries_nothing_over(client, departure, tiers):
    booking = _places_taken_while_paying(client, departure, tiers, leave=2)
    client.post(guest_url("booking_review", booking, "en"), {"payment_method": "cash"})
    start = url("booking_start", "en", departure_id=departure.pk)
    forged = f"{start}?from={booking.reference}&t=wrong"
    page = client.get(forged).content.decode()
    assert 'value="4"' not in page
    again = booking_from(client.post(forged, {f"tier_{tiers[0].pk}": "1"}))
    assert again.customer_email == ""
