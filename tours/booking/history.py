"""A booking's history: each change a booking service makes is recorded as a `BookingEvent`
(what happened, when, by whom), which staff read on the booking's page."""

import datetime as dt

from tours.models import Booking, BookingEvent


def booking_event_record(
    booking: Booking, kind: str, now: dt.datetime, note: str = "", user=None
) -> None:
    BookingEvent.objects.create(
        booking=booking, kind=kind, at=now, note=note[:300], user=user if user else None
    )
