"""Test data for the booking engine: departures on the demo's tours, bookings made through the
services (never by writing rows directly, so every booking is one the engine could have made),
and a small village of its own for transactional tests that cannot rely on the demo.

Times are fixed and far from the demo's own departures (which cover the 120 days after the real
date the session started): the tests pass `now=` to every service.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from wagtail.models import Collection, Locale, Page

from bumdes.models import BusinessUnit
from bumdes.services import enterprise_create
from tours.booking.booking_input import Customer
from tours.booking.holds import booking_hold
from tours.models import (
    Booking,
    BookingEvent,
    BookingLine,
    Departure,
    PaymentMethod,
    PriceTier,
    TourPage,
    VillagePage,
)
from tours.payments.paying import booking_create

JAKARTA = ZoneInfo("Asia/Jakarta")
UTC = dt.UTC


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A moment given in Western Indonesian Time (UTC+7), as it is scheduled and shown."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=JAKARTA)


# Saturday 16 March 2030, 10.00 WIB: no demo rule starts at 10.00, so no clash with the demo.
STARTS_AT = wib(2030, 3, 16, 10, 0)
# Ten days before: bookable (the demo tours close 12 hours before the start).
BOOKED_AT = wib(2030, 3, 6, 9, 0)

GUEST = Customer(
    name="Siti Rahayu",
    email="siti@contoh.id",
    phone="+62 812-3456-7890",
    country="ID",
    language="id",
)
GUEST_EN = Customer(
    name="Emma Clarke",
    email="emma@example.com",
    phone="+44 20 7946 0000",
    country="GB",
    language="en",
)


def tour(slug: str = "kelas-membatik", language: str = "id") -> TourPage:
    """A demo tour page by its Indonesian slug, in language. Kelas Membatik (Lipursari) has two
    tiers: per person Rp 100.000 and school group Rp 75.000 (at least 10), 1–40 people per
    booking, full refund 48 h before, 50% 24 h before."""
    page = TourPage.objects.get(slug=slug, locale__language_code="id")
    if language == "id":
        return page
    return TourPage.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )


def tier(page: TourPage, price: int) -> PriceTier:
    return page.price_tiers.get(price=price)


def per_person(page: TourPage | None = None) -> PriceTier:
    return tier(page or tour(), 100_000)


def student(page: TourPage | None = None) -> PriceTier:
    return tier(page or tour(), 75_000)


class DepartureFactory(factory.django.DjangoModelFactory):
    """An extra departure on a demo tour (Kelas Membatik unless `tour=` is given)."""

    class Meta:
        model = Departure

    tour = factory.LazyFunction(tour)
    enterprise = factory.LazyAttribute(lambda o: o.tour.business_unit.enterprise)
    # Saturday afternoon, a second apart: never the same (tour, starts_at) as another factory
    # departure or as the explicit times the tests give (STARTS_AT, midnight slots...).
    starts_at = factory.Sequence(lambda n: wib(2030, 3, 16, 14, 0) + dt.timedelta(seconds=n))
    capacity = 10
    is_extra = True


def hold(
    departure: Departure,
    quantity: int = 1,
    *,
    now: dt.datetime = BOOKED_AT,
    customer: Customer | None = GUEST,
    **kwargs,
) -> Booking:
    """A held booking of `quantity` people at the per-person price."""
    lines = kwargs.pop("lines", None) or [(per_person(departure.tour).pk, quantity)]
    booking, created = booking_hold(
        departure_id=departure.pk,
        lines=lines,
        language=(customer or GUEST).language,
        customer=customer,
        now=now,
        **kwargs,
    )
    assert created
    return booking


def confirmed(
    departure: Departure,
    quantity: int = 1,
    *,
    now: dt.datetime = BOOKED_AT,
    customer: Customer = GUEST,
    **kwargs,
) -> Booking:
    """A confirmed booking paid in cash on arrival (hold and confirm in one step)."""
    lines = kwargs.pop("lines", None) or [(per_person(departure.tour).pk, quantity)]
    booking, created = booking_create(
        departure_id=departure.pk,
        lines=lines,
        customer=customer,
        payment_method=PaymentMethod.CASH,
        now=now,
        **kwargs,
    )
    assert created
    return booking


def written() -> tuple[int, int, int]:
    """What a refused booking must not change."""
    return (Booking.objects.count(), BookingLine.objects.count(), BookingEvent.objects.count())


# A village of its own, for transactional tests ------------------------------------------------


def village_tour_create(*, slug: str = "uji", prefix: str = "UJI", price: int = 50_000):
    """An enterprise, a village page and one tour page with one tier, built from scratch.

    Works in a flushed database too (no Wagtail root page, locale or collection), which is what
    a transactional test leaves behind. Returns (tour, tier).
    """
    locale, _ = Locale.objects.get_or_create(language_code="id")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    enterprise = enterprise_create(
        slug=slug,
        name=f"BUMDes {slug.title()}",
        ref_prefix=prefix,
        village=slug.title(),
        legal_name=f"Badan Usaha Milik Desa {slug.title()}",
    )
    village = root.add_child(
        instance=VillagePage(
            title=f"Desa {slug.title()}", slug=f"desa-{slug}", locale=locale, enterprise=enterprise
        )
    )
    page = village.add_child(
        instance=TourPage(
            title=f"Tur {slug.title()}",
            slug=f"tur-{slug}",
            locale=locale,
            business_unit=BusinessUnit.objects.get(enterprise=enterprise),
            min_participants=1,
            max_participants=10,
        )
    )
    price_tier = PriceTier.objects.create(page=page, label="Dewasa", price=price, locale=locale)
    return TourPage.objects.get(pk=page.pk), price_tier
