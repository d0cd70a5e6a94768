"""Community members are assigned fairly: fewest assignments this month first."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bumdes.models import Counterparty, Enterprise
from tours.booking.community import departure_assign, members_by_rotation
from tours.booking.errors import BookingInvalid
from tours.models import Departure, TourPage

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2027, 3, 2, 8, 0, tzinfo=JAKARTA)


def _departure(tour, day):
    return Departure.objects.create(
        tour=tour,
        enterprise=tour.business_unit.enterprise,
        starts_at=dt.datetime(2027, 3, day, 9, 13, tzinfo=JAKARTA),
        capacity=10,
    )


def test_rotation_puts_the_least_assigned_first():
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    enterprise = tour.business_unit.enterprise
    ana = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Ana", role="guide"
    )
    bima = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Bima", role="guide"
    )
    Counterparty.objects.create(enterprise=enterprise, kind="community", name="Cici", role="host")
    first = _departure(tour, 5)
    departure_assign(departure=first, member=ana, role="guide")
    departure_assign(departure=_departure(tour, 6), member=ana, role="guide")
    departure_assign(departure=_departure(tour, 7), member=bima, role="guide")

    order = members_by_rotation(departure=_departure(tour, 8), role="guide", now=NOW)
    guides = [m.name for m in order if m.role == "guide"]
    assert guides.index("Bima") < guides.index("Ana")
    assert order[-1].name == "Cici" or order.index(bima) < order.index(ana)
    assert all(m.enterprise == enterprise for m in order)


def test_members_of_another_bumdes_cannot_be_assigned():
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    other = Counterparty.objects.create(
        enterprise=Enterprise.objects.get(slug="plobangan"), kind="community", name="Dodi"
    )
    with pytest.raises(BookingInvalid):
        departure_assign(departure=_departure(tour, 9), member=other, role="guide")
