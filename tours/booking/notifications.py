"""E-mails to guests: confirmation (with the ticket), cancellation and the day-before reminder;
the payment link of a booking a partner made for its guest;
for groups that paid a deposit, the balance (`balance_due`): its reminder with the payment link a
few days before the due date, and what happens when the due date passed unpaid.

Sent by a background task after the change that caused them has committed, in the guest's
language, as HTML with a plain-text alternative. The ticket's QR code and a calendar file are
attached to the confirmation.
"""

import datetime as dt

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.formats import local_date
from core.links import absolute_url
from core.localtime import business_date, local_days_filter
from tours.booking import tickets
from tours.booking.cancellation import cancellation_refund
from tours.booking.deposits import (
    REMINDER_DAYS_BEFORE,
    amount_due_now,
    balance_reminder_at,
    balance_summary,
    has_balance_schedule,
)
from tours.booking.guards import email_confirm_url
from tours.models import Booking, BookingEvent, BookingStatus, PaymentStatus
from tours.models.availability import tour_in_language

SUBJECTS = {
    "confirmation": lambda b, t: (
        _("Your booking %(ref)s: %(tour)s") % {"ref": b.reference, "tour": t}
    ),
    "cancellation": lambda b, t: _("Cancelled: booking %(ref)s") % {"ref": b.reference},
    "reminder": lambda b, t: _("Tomorrow: %(tour)s (%(ref)s)") % {"ref": b.reference, "tour": t},
    # Sent when a refund reached the guest (paid by hand, or reported paid by Stripe).
    "refund": lambda b, t: _("Refund for booking %(ref)s") % {"ref": b.reference},
    "balance_due": lambda b, t: _balance_subject(b, t),
    "transfer": lambda b, t: (
        _("Please transfer for booking %(ref)s: %(tour)s") % {"ref": b.reference, "tour": t}
    ),
    # A large unpaid booking waits for the guest to confirm the e-mail (`tours.booking.guards`).
    "email_confirm": lambda b, t: (
        _("Please confirm your e-mail for booking %(ref)s") % {"ref": b.reference}
    ),
    # A partner booked for the guest, who pays on the booking's own page.
    "payment_link": lambda b, t: (
        _("Please pay for booking %(ref)s: %(tour)s") % {"ref": b.reference, "tour": t}
    ),
}


def booking_context(booking: Booking) -> dict:
    tour = tour_in_language(booking.departure.tour, booking.language)
    village = tour.get_parent().specific
    return {
        "booking": booking,
        "tour": tour,
        "village": village,
        "enterprise": booking.enterprise,
        "zone": booking.zone,
        "lines": list(booking.lines.all()),
        "manage_url": tickets.manage_url(booking),
        "amount_due": amount_due_now(booking),
        "balance": balance_summary(booking),
        "balance_url": balance_url(booking),
        "refund": cancellation_refund(booking),
        "email_confirm_url": email_confirm_url(booking),
    }


def balance_url(booking: Booking) -> str:
    """The guest's page to pay a group booking's balance (with the booking's token)."""
    with translation.override(booking.language):
        path = reverse("booking_pay_balance", kwargs={"reference": booking.reference})
    return absolute_url(f"{path}?t={booking.token}", page=booking.departure.tour)


def _balance_settled(booking: Booking) -> bool:
    summary = balance_summary(booking)
    return summary is None or summary.state == "paid"


def _balance_subject(booking: Booking, tour_title: str) -> str:
    summary = balance_summary(booking)
    values = {"ref": booking.reference, "tour": tour_title}
    if summary is not None and summary.state == "cancelled":
        return _("Booking %(ref)s cancelled: the balance was not paid") % values
    if booking.balance_on_arrival:
        return _("Please bring the balance on the day: %(tour)s (%(ref)s)") % values
    values["date"] = local_date(booking.balance_due_at, booking.language, zone=booking.zone)
    return _("Balance due by %(date)s: %(tour)s (%(ref)s)") % values


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
    if kind == "balance_due" and _balance_settled(booking):
        return  # paid in the meantime: nothing to tell
    booking_email(booking, kind).send()
    BookingEvent.objects.create(booking=booking, kind=f"email_{kind}", at=timezone.now())


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """E-mail every confirmed guest whose departure is tomorrow in the village, once."""
    now = now or timezone.now()

    def tomorrow(zone: str) -> dt.date:
        return business_date(now, zone) + dt.timedelta(days=1)

    due = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED, reminder_sent_at__isnull=True)
        .filter(
            local_days_filter(
                "departure__starts_at", "enterprise__time_zone", first=tomorrow, last=tomorrow
            )
        )
        .exclude(customer_email="")
    )
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


def balance_reminders_send(*, now: dt.datetime | None = None) -> int:
    """E-mail the payment link to every group whose balance is due in a few days (from the
    morning `REMINDER_DAYS_BEFORE` days before the due date), once per booking. A booking
    confirmed after that morning is not reminded: its confirmation told it the balance."""
    now = now or timezone.now()
    candidates = (
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            deposit_amount__gt=0,
            balance_due_at__gt=now,
            balance_due_at__lte=now + dt.timedelta(days=REMINDER_DAYS_BEFORE + 1),
            balance_reminder_sent_at__isnull=True,
            balance_on_arrival=False,
        )
        .exclude(customer_email="")
        .exclude(payment_status=PaymentStatus.PAID)
        .select_related("departure")
    )
    sent = 0
    for booking in candidates:
        if not has_balance_schedule(booking) or now < balance_reminder_at(booking):
            continue
        if booking.confirmed_at and booking.confirmed_at >= balance_reminder_at(booking):
            continue
        if amount_due_now(booking) <= 0:
            continue
        with transaction.atomic():
            updated = Booking.objects.filter(
                pk=booking.pk, balance_reminder_sent_at__isnull=True
            ).update(balance_reminder_sent_at=now)
            if updated:
                booking_pk = booking.pk
                transaction.on_commit(
                    lambda pk=booking_pk: booking_email_send.enqueue(pk, "balance_due")
                )
                sent += 1
    return sent
