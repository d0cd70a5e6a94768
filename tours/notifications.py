"""E-mails to guests: confirmation (with the ticket), cancellation and the day-before reminder.

Sent by a background task after the change that caused them has committed, in the guest's
language, as HTML with a plain-text alternative. The ticket's QR code and a calendar file are
attached to the confirmation.
"""

import datetime as dt

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import tickets
from .availability import tour_in_language
from .models import Booking, BookingEvent, BookingStatus

SUBJECTS = {
    "confirmation": lambda b, t: (
        _("Your booking %(ref)s: %(tour)s") % {"ref": b.reference, "tour": t}
    ),
    "cancellation": lambda b, t: _("Cancelled: booking %(ref)s") % {"ref": b.reference},
    "reminder": lambda b, t: _("Tomorrow: %(tour)s (%(ref)s)") % {"ref": b.reference, "tour": t},
}


def booking_context(booking: Booking) -> dict:
    tour = tour_in_language(booking.departure.tour, booking.language)
    village = tour.get_parent().specific
    return {
        "booking": booking,
        "tour": tour,
        "village": village,
        "enterprise": booking.enterprise,
        "lines": list(booking.lines.all()),
        "manage_url": tickets.manage_url(booking),
    }


def booking_email(booking: Booking, kind: str) -> EmailMultiAlternatives:
    with translation.override(booking.language):
        context = booking_context(booking)
        subject = SUBJECTS[kind](booking, context["tour"].title)
        text = render_to_string(f"tours/email/{kind}.txt", context)
        html = render_to_string(f"tours/email/{kind}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[booking.customer_email])
    message.attach_alternative(html, "text/html")
    if booking.enterprise.email:
        message.reply_to = [booking.enterprise.email]
    if kind in ("confirmation", "reminder"):
        message.attach(f"{booking.reference}.ics", tickets.ics(booking), "text/calendar")
        message.attach(f"{booking.reference}-qr.png", tickets.qr_png(booking), "image/png")
    return message


@task()
def booking_email_send(booking_id: int, kind: str) -> None:
    booking = Booking.objects.select_related("departure__tour", "enterprise").get(pk=booking_id)
    if not booking.customer_email:
        return
    booking_email(booking, kind).send()
    BookingEvent.objects.create(booking=booking, kind=f"email_{kind}", at=timezone.now())


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """E-mail every confirmed guest whose departure is tomorrow (local date), once."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    due = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        departure__starts_at__date=tomorrow,
    ).exclude(customer_email="")
    sent = 0
    for booking in due:
        with transaction.atomic():
            updated = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if updated:
                booking_pk = booking.pk
                transaction.on_commit(
                    lambda pk=booking_pk: booking_email_send.enqueue(pk, "reminder")
                )
                sent += 1
    return sent
