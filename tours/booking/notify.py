"""E-mail a guest once the current transaction commits (never about a change that rolled back)."""

from django.db import transaction

from tours.booking.notifications import booking_email_send


def notify_after_commit(booking, kind: str) -> None:
    """Queue the `kind` e-mail (`tours.booking.notifications`) for `booking` after the commit."""
    booking_pk = booking.pk
    transaction.on_commit(lambda: booking_email_send.enqueue(booking_pk, kind))
