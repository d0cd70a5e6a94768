"""Invariant 2: prices are frozen at booking. Whatever an editor does to the page afterwards
(new prices, new labels, a removed tier, a new revision published, the page unpublished), an
existing booking keeps its lines, its total and its labels.
"""

import pytest
from django.core import mail

from tests.tours.factories import (
    GUEST_EN,
    DepartureFactory,
    confirmed,
    hold,
    per_person,
    student,
    tour,
)
from tours.booking.notifications import booking_email
from tours.models import Booking, PriceTier, TourPage

pytestmark = pytest.mark.django_db


def _snapshot(booking: Booking) -> tuple:
    booking = Booking.objects.get(pk=booking.pk)
    lines = [(line.label, line.unit_price, line.quantity) for line in booking.lines.all()]
    return booking.total, booking.seats, lines


def _reprice(page: TourPage, changes: dict[int, tuple[str, int]]) -> None:
    """Edit tiers as the editor does: on the page, saved as a revision and published."""
    page = TourPage.objects.get(pk=page.pk)
    tiers = list(page.price_tiers.all())
    for tier in tiers:
        if tier.pk in changes:
            tier.label, tier.price = changes[tier.pk]
    page.price_tiers = tiers
    page.save_revision().publish()


def test_repricing_and_relabelling_a_tier_leaves_the_booking_as_it_was():
    departure = DepartureFactory(capacity=40)
    page = departure.tour
    adult, school = per_person(page), student(page)
    booking = confirmed(departure, lines=[(adult.pk, 2), (school.pk, 10)])
    assert _snapshot(booking) == (
        950_000,
        12,
        [("Per orang", 100_000, 2), ("Pelajar, rombongan sekolah (min. 10 orang)", 75_000, 10)],
    )

    _reprice(page, {adult.pk: ("Dewasa (harga baru)", 150_000), school.pk: ("Pelajar", 90_000)})

    assert PriceTier.objects.get(pk=adult.pk).price == 150_000  # the edit did land
    assert _snapshot(booking) == (
        950_000,
        12,
        [("Per orang", 100_000, 2), ("Pelajar, rombongan sekolah (min. 10 orang)", 75_000, 10)],
    )
    # A new booking gets the new price; the old one keeps its own.
    newer = confirmed(departure, lines=[(adult.pk, 2)])
    assert _snapshot(newer) == (300_000, 2, [("Dewasa (harga baru)", 150_000, 2)])


def test_removing_the_tier_keeps_the_lines_label_and_price():
    departure = DepartureFactory(capacity=40)
    page = departure.tour
    adult, school = per_person(page), student(page)
    booking = hold(departure, 3)

    fresh = TourPage.objects.get(pk=page.pk)
    fresh.price_tiers = [t for t in fresh.price_tiers.all() if t.pk != adult.pk]
    fresh.save_revision().publish()

    assert not PriceTier.objects.filter(pk=adult.pk).exists()
    assert PriceTier.objects.filter(pk=school.pk).exists()
    assert _snapshot(booking) == (300_000, 3, [("Per orang", 100_000, 3)])


def test_unpublishing_the_page_leaves_the_booking_and_its_e_mail_as_they_were():
    departure = DepartureFactory(capacity=40)
    booking = confirmed(departure, 4)
    before = _snapshot(booking)

    TourPage.objects.get(pk=departure.tour.pk).unpublish()
    assert not TourPage.objects.get(pk=departure.tour.pk).live

    assert _snapshot(booking) == before == (400_000, 4, [("Per orang", 100_000, 4)])
    booking = Booking.objects.get(pk=booking.pk)
    assert booking.reference and booking.total == 400_000
    # The guest's e-mail can still be written from the booking alone.
    booking_email(booking, "confirmation").send()
    assert mail.outbox[-1].to == ["siti@contoh.id"]


def test_an_english_booking_keeps_the_english_label_it_was_sold_with():
    departure = DepartureFactory(capacity=40)
    booking = confirmed(departure, 2, customer=GUEST_EN)
    assert _snapshot(booking) == (200_000, 2, [("Per person", 100_000, 2)])

    english = tour(language="en")
    _reprice(english, {t.pk: ("Adult", 120_000) for t in english.price_tiers.all()})
    _reprice(departure.tour, {per_person(departure.tour).pk: ("Dewasa", 120_000)})

    assert _snapshot(booking) == (200_000, 2, [("Per person", 100_000, 2)])
