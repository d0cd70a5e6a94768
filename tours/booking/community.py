"""Assigning community members to departures, fairly.

Operators assign guides, teachers and hosts to each departure from its admin page. The suggestion
puts first the members of that role with the fewest assignments this month, so no family is left
out of the income the tours bring.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes.models import Counterparty, CounterpartyKind
from core.localtime import business_date, day_start
from tours.booking.errors import BookingInvalid
from tours.models import Departure, DepartureAssignment, TourShare


def share_roles(departure: Departure) -> list[str]:
    return list(TourShare.objects.filter(page_id=departure.tour_id).values_list("role", flat=True))


def members_by_rotation(
    *, departure: Departure, role: str, now: dt.datetime | None = None
) -> list[Counterparty]:
    """Active community members of the departure's BUMDes, fewest assignments this month
    first (members of the role before the others), in one query."""
    now = now or timezone.now()
    zone = departure.zone
    month_start = day_start(business_date(now, zone).replace(day=1), zone)
    members = (
        Counterparty.objects.filter(
            enterprise_id=departure.enterprise_id, kind=CounterpartyKind.COMMUNITY, is_active=True
        )
        .annotate(
            this_month=Count(
                "assignments",
                filter=Q(assignments__departure__starts_at__gte=month_start),
            )
        )
        .order_by("this_month", "name")
    )
    role_key = role.strip().lower()
    members = list(members)
    return sorted(members, key=lambda m: (m.role.strip().lower() != role_key, m.this_month))


@transaction.atomic
def departure_assign(
    *, departure: Departure, member: Counterparty, role: str
) -> DepartureAssignment:
    if member.enterprise_id != departure.enterprise_id:
        raise BookingInvalid({"member": _("This person is not with this BUMDes.")})
    if departure.delivered_at is not None:
        raise BookingInvalid({"member": _("This departure is already booked in the accounts.")})
    if not role.strip():
        raise BookingInvalid({"role": _("Choose a role.")})
    assignment, _created = DepartureAssignment.objects.get_or_create(
        departure=departure, member=member, role=role.strip()
    )
    return assignment


@transaction.atomic
def departure_unassign(*, assignment: DepartureAssignment) -> None:
    if assignment.departure.delivered_at is not None:
        raise BookingInvalid({"member": _("This departure is already booked in the accounts.")})
    assignment.delete()
