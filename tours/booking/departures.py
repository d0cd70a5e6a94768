"""Departures: generated ahead from schedule rules, then edited one by one by staff.

Generation never touches a departure that already exists, so a date staff closed or a capacity
they changed stays as they left it. Capacity never drops below the places already taken.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.localtime import business_date, local_datetime
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.booking.locks import departure_lock
from tours.models import Departure, DepartureStatus, TourPage
from tours.models.availability import seats_taken

DEFAULT_DAYS_AHEAD = 120


def departures_generate(
    *, tour: TourPage | None = None, days: int = DEFAULT_DAYS_AHEAD, now: dt.datetime | None = None
) -> int:
    """Create the missing departures of the next `days` days from each tour's rules.

    Returns how many were created. Runs for every live tour of the default language unless
    one tour is given.
    """
    now = now or timezone.now()
    tours = (
        [tour]
        if tour is not None
        else TourPage.objects.live().filter(locale=Locale.get_default()).specific()
    )
    created = 0
    for page in tours:
        rules = list(page.schedule_rules.all())
        enterprise_id = page.business_unit.enterprise_id if page.business_unit_id else None
        if not rules or enterprise_id is None:
            continue
        # The rules say "Saturdays at 08.00" on the village's own clock.
        zone = page.zone
        today = business_date(now, zone)
        wanted = {}
        for offset in range(days):
            day = today + dt.timedelta(days=offset)
            for rule in rules:
                if rule.applies_on(day):
                    starts_at = local_datetime(day, rule.start_time, zone)
                    if starts_at > now:
                        wanted[starts_at] = rule
        existing = set(
            Departure.objects.filter(tour=page, starts_at__in=list(wanted)).values_list(
                "starts_at", flat=True
            )
        )
        missing = [
            Departure(
                tour=page,
                enterprise_id=enterprise_id,
                starts_at=starts_at,
                capacity=rule.capacity,
                rule=rule,
            )
            for starts_at, rule in wanted.items()
            if starts_at not in existing
        ]
        Departure.objects.bulk_create(missing, ignore_conflicts=True)
        created += len(missing)
    return created


@transaction.atomic
def departure_set_capacity(*, departure: Departure, capacity: int, now=None) -> Departure:
    locked = departure_lock(departure.pk)
    taken = seats_taken(locked, now=now)
    if capacity < taken:
        raise BookingInvalid(
            {
                "capacity": _("At least %(n)d places are already taken; capacity cannot be less.")
                % {"n": taken}
            }
        )
    locked.capacity = capacity
    locked.save(update_fields=["capacity", "updated_at"])
    return locked


@transaction.atomic
def departure_set_status(*, departure: Departure, status: str) -> Departure:
    """Close or reopen a departure. Cancelling goes through `departure_cancel`."""
    locked = departure_lock(departure.pk)
    if locked.status == DepartureStatus.CANCELLED:
        raise NotAllowed(_("A cancelled departure cannot be reopened."))
    if status not in (DepartureStatus.OPEN, DepartureStatus.CLOSED):
        raise BookingInvalid({"status": _("Choose open or closed.")})
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    return locked


def departure_add_extra(
    *, tour: TourPage, starts_at: dt.datetime, capacity: int, now: dt.datetime | None = None
) -> Departure:
    """An extra slot added by staff, outside the schedule rules."""
    now = now or timezone.now()
    errors = {}
    if starts_at <= now:
        errors["starts_at"] = _("Choose a time in the future.")
    if capacity <= 0:
        errors["capacity"] = _("Give at least one place.")
    if tour.business_unit_id is None:
        errors["tour"] = _("This experience has no business unit yet.")
    if not errors and Departure.objects.filter(tour=tour, starts_at=starts_at).exists():
        errors["starts_at"] = _("There is already a departure at this time.")
    if errors:
        raise BookingInvalid(errors)
    return Departure.objects.create(
        tour=tour,
        enterprise_id=tour.business_unit.enterprise_id,
        starts_at=starts_at,
        capacity=capacity,
        is_extra=True,
    )
