"""The data migration that rewrites bookings' phone numbers stored before E.164."""

import importlib

import pytest
from django.apps import apps

from tests.tours.factories import DepartureFactory, confirmed
from tours.models import Booking

pytestmark = pytest.mark.django_db

migration = importlib.import_module("tours.migrations.0007_booking_phones_e164")

STORED_BEFORE = [
    # (stored, the guest's country, afterwards)
    ("081234567890", "ID", "+6281234567890"),  # "0812 3456 7890" with the spaces taken out
    ("+62081234567890", "ID", "+6281234567890"),  # the pre-filled +62, then the trunk 0
    ("6281234567890", "ID", "+6281234567890"),
    ("0612345678", "NL", "+31612345678"),  # a Dutch number without its country code
    ("081234567890", "NL", "+6281234567890"),  # an Indonesian SIM card of a Dutch guest
    ("+442079460000", "GB", "+442079460000"),  # already E.164
    ("12345", "ID", "12345"),  # does not parse: left as it was
    ("tanya resepsionis", "ID", "tanya resepsionis"),
    ("", "ID", ""),
]


def test_stored_numbers_become_e164_where_they_parse():
    departure = DepartureFactory(capacity=len(STORED_BEFORE))
    bookings = []
    for stored, country, _after in STORED_BEFORE:
        booking = confirmed(departure, 1)
        Booking.objects.filter(pk=booking.pk).update(
            customer_phone=stored, customer_country=country
        )
        bookings.append(booking)

    migration.normalise_phones(apps, None)

    after = [Booking.objects.get(pk=booking.pk).customer_phone for booking in bookings]
    assert after == [expected for _stored, _country, expected in STORED_BEFORE]


def test_running_it_twice_changes_nothing_more():
    booking = confirmed(DepartureFactory(), 1)
    Booking.objects.filter(pk=booking.pk).update(customer_phone="081234567890")
    migration.normalise_phones(apps, None)
    migration.normalise_phones(apps, None)
    assert Booking.objects.get(pk=booking.pk).customer_phone == "+6281234567890"
