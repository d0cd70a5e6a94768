"""One booking's page for staff (lines, guest, payments, history) and its actions: check in,
mark a no-show, cancel. Each action is one service call; a refusal is shown as an admin message.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.countries import country_name
from core.formats import local_date, local_time, rupiah
from tours.admin.forms import BookingCancelForm
from tours.admin.shared import (
    departure_when,
    guests_text,
    id_lines,
    scoped_bookings,
    short_when,
    show_error,
)
from tours.booking.balances import booking_paid_amount
from tours.booking.cancellation import cancellation_refund, refund_quote
from tours.booking.cancelling import booking_cancel
from tours.booking.checkin import booking_check_in, booking_mark_no_show, check_in_day_is_today
from tours.booking.deposits import has_balance_schedule
from tours.booking.errors import BookingError
from tours.models import Booking, BookingStatus, PaymentMethod, PaymentStatus

EVENT_LABELS = {
    "held": gettext_lazy("Places held"),
    "confirmed": gettext_lazy("Confirmed"),
    "released": gettext_lazy("Hold released"),
    "expired": gettext_lazy("Hold expired"),
    "cancelled": gettext_lazy("Cancelled"),
    "no_show": gettext_lazy("Marked as not arrived"),
    "checked_in": gettext_lazy("Checked in"),
    "payment": gettext_lazy("Payment received"),
    "email_confirmation": gettext_lazy("Confirmation e-mailed"),
    "email_cancellation": gettext_lazy("Cancellation e-mailed"),
    "email_reminder": gettext_lazy("Reminder e-mailed"),
    "email_balance_due": gettext_lazy("Balance e-mailed"),
    "balance_overdue": gettext_lazy("Balance not paid in time"),
    "balance_on_arrival": gettext_lazy("Balance to collect on arrival"),
    "awaiting_payment": gettext_lazy("Waiting for the payment"),
    "email_transfer": gettext_lazy("Transfer details e-mailed"),
    "email_refund": gettext_lazy("Refund e-mailed"),
    "refund_due": gettext_lazy("Refund due"),
    "refund_sent": gettext_lazy("Refund sent to Stripe"),
    "refund_paid": gettext_lazy("Refund paid"),
    "refund_failed": gettext_lazy("Refund failed"),
}


STATUS_CLASSES = {
    BookingStatus.CONFIRMED: "w-status--primary",
    BookingStatus.COMPLETED: "w-status--primary",
}


class BookingInspectView(generic.InspectView):
    """The booking's detail page: departure, guest, lines, check-in, history and actions."""

    template_name = "tours/admin/booking_inspect.html"
    page_title = gettext_lazy("Booking")

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_bookings(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.reference

    def can_change(self) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.object
        now = timezone.now()
        departure = booking.departure
        started = departure.starts_at <= now
        can_change = self.can_change()
        urls = {name: reverse(f"bookings:{name}", args=[quote(booking.pk)]) for name in ACTIONS}
        context.update(
            {
                "zone": booking.zone,
                "booking": booking,
                "departure": departure,
                "tour": departure.tour,
                "when": departure_when(departure),
                "lines": list(booking.lines.all()),
                "id_lines": id_lines(booking),
                "country": country_name(booking.customer_country),
                "events": history(booking),
                "total": rupiah(booking.total),
                "status_class": STATUS_CLASSES.get(booking.status, ""),
                "checked_in": (
                    f"{local_date(booking.checked_in_at, zone=booking.zone)}, "
                    f"{local_time(booking.checked_in_at, zone=booking.zone)}"
                    if booking.checked_in_at
                    else ""
                ),
                "checked_in_by": (
                    get_user_display_name(booking.checked_in_by) if booking.checked_in_by else ""
                ),
                "can_change": can_change,
                "can_check_in": can_change
                and booking.status == BookingStatus.CONFIRMED
                and not booking.checked_in_at
                and check_in_day_is_today(booking, now=now),
                "can_no_show": can_change
                and booking.status == BookingStatus.CONFIRMED
                and not booking.checked_in_at
                and started,
                "can_cancel": can_change
                and booking.status in (BookingStatus.HELD, BookingStatus.CONFIRMED)
                and not booking.checked_in_at,
                "is_cash_due": booking.payment_status == PaymentStatus.UNPAID
                and booking.payment_method == PaymentMethod.CASH,
                "urls": urls,
                "departure_url": reverse("departures:edit", args=[departure.pk]),
                "manifest_url": reverse("departures:manifest", args=[departure.pk]),
                "guests": guests_text(booking.seats),
                "deposit": deposit_text(booking),
            }
        )
        return context


def history(booking: Booking) -> list[dict]:
    """The booking's events for its page, on the village's clock."""
    return [
        {
            "at": event.at,
            "when": short_when(event.at, booking.zone),
            "label": EVENT_LABELS.get(event.kind, event.kind.replace("_", " ")),
            "note": event.note,
            "user": get_user_display_name(event.user) if event.user else "",
        }
        for event in booking.events.select_related("user")
    ]


def deposit_text(booking: Booking) -> dict | None:
    """A group booking's deposit, what is paid and owed, and the balance's due date."""
    if not booking.deposit_amount or not booking.balance_due_at:
        return None
    paid = booking_paid_amount(booking)
    owed = max(booking.total - paid, 0)
    return {
        "deposit": rupiah(booking.deposit_amount),
        "paid": rupiah(paid),
        "owed": rupiah(owed) if owed else "",
        "due": (
            f"{local_date(booking.balance_due_at, zone=booking.zone)}, "
            f"{local_time(booking.balance_due_at, zone=booking.zone)}"
        ),
        "on_arrival": booking.balance_on_arrival and owed > 0,
        "pay_in_one_go": not has_balance_schedule(booking),
    }


class BookingActionMixin(PermissionCheckedMixin):
    """A change to one booking of the user's own BUMDes (404 for any other)."""

    model = Booking
    permission_required = "change"

    def dispatch(self, request, *args, **kwargs):
        # Permission first (treasurers and editors get 403), then the row (404 outside the BUMDes).
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_bookings(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def inspect_url(self):
        return reverse("bookings:inspect", args=[quote(self.object.pk)])


class BookingCheckInView(BookingActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            booking = booking_check_in(booking=self.object, user=request.user)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(reference)s checked in: %(guests)s.")
                % {"reference": booking.reference, "guests": guests_text(booking.seats)},
            )
        return redirect(self.inspect_url())


class BookingNoShowView(BookingActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            booking = booking_mark_no_show(booking=self.object, user=request.user)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(reference)s is marked as not arrived.") % {"reference": booking.reference},
            )
        return redirect(self.inspect_url())


class BookingCancelView(BookingActionMixin, WagtailAdminTemplateMixin, FormView):
    """Cancel with a reason; the refund follows the policy unless the village cancels (100%)."""

    template_name = "tours/admin/booking_cancel.html"
    form_class = BookingCancelForm
    page_title = gettext_lazy("Cancel booking")
    header_icon = "cross"

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("bookings:index"), "label": _("Bookings")},
            {"url": self.inspect_url(), "label": self.object.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        now = timezone.now()
        started = self.object.departure.starts_at <= now
        return {
            **super().get_form_kwargs(),
            "policy": None if started else refund_quote(self.object, now=now),
            "full": refund_quote(self.object, now=now, percent=100),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "booking": self.object,
                "when": departure_when(self.object.departure),
                "guests": guests_text(self.object.seats),
                "total": rupiah(self.object.total),
                "inspect_url": self.inspect_url(),
                "policy_text": self.object.departure.tour.cancellation_policy_text(),
                "can_cancel": self.object.status in (BookingStatus.HELD, BookingStatus.CONFIRMED),
            }
        )
        return context

    def form_valid(self, form):
        try:
            booking = booking_cancel(
                booking=self.object,
                reason=form.cleaned_data["reason"],
                refund_percent=form.refund_percent,
                user=self.request.user,
            )
        except BookingError as error:
            show_error(self.request, error)
            return self.form_invalid(form)
        if booking.status == BookingStatus.CANCELLED:
            refund = cancellation_refund(booking)
            messages.success(
                self.request,
                _("%(reference)s is cancelled; refund %(amount)s. The guest gets an e-mail.")
                % {
                    "reference": booking.reference,
                    "amount": rupiah(refund.amount if refund else 0),
                },
            )
        else:
            messages.success(
                self.request,
                _("%(reference)s: the held places are free again.")
                % {"reference": booking.reference},
            )
        return redirect(self.inspect_url())


ACTIONS = {
    "check_in": BookingCheckInView,
    "no_show": BookingNoShowView,
    "cancel": BookingCancelView,
}
