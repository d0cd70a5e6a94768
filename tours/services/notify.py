"""E-mail a guest once the current transaction commits (never about a change that rolled back)."""

from django.db import transaction


def notify_after_commit(booking, kind: str) -> None:
    """Queue the `kind` e-mail (tours.notifications) for `booking` after the commit."""
    from ..notifications import booking_email_send  # notifications imports the services

    booking_pk = booking.pk
    transaction.on_commit(lambda: booking_email_send.enqueue(booking_pk, kind))
