"""Check-in at the meeting point, made for a phone in one hand.

One tap opens the camera and reads the ticket's QR code (where the browser has BarcodeDetector;
the button stays hidden otherwise), or staff type the reference. The answer is a big green
"OK — 3 guests" with names, tiers and the IDs to see, or a red reason. It is a plain form POST,
so it works without JavaScript too. A booking of another BUMDes is answered like an unknown one.
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from core.formats import local_date, rupiah
from tours.admin.forms import CheckInForm
from tours.admin.panels import todays_departures
from tours.admin.permissions import staff_zone
from tours.admin.shared import departure_when, guests_text, scoped_bookings
from tours.booking.checkin import booking_check_in, reference_from_scan
from tours.booking.errors import AlreadyCheckedIn, BookingError
from tours.models import Booking, PaymentMethod, PaymentStatus


def _nowrap_reference(message: str, reference: str) -> str:
    """The message with the reference kept on one line (a phone would break it at the dash)."""
    return mark_safe(
        conditional_escape(message)
        % {"reference": format_html('<span class="desa-nowrap">{}</span>', reference)}
    )


def booking_summary(booking: Booking) -> dict:
    lines = list(booking.lines.all())
    # Cash on arrival is recorded as received by the check-in itself (the books get it now);
    # the operator is told how much to take.
    collected = sum(
        payment.amount
        for payment in booking.payments.all()
        if payment.method == PaymentMethod.CASH and payment.received_at == booking.checked_in_at
    )
    unpaid = (
        booking.payment_status == PaymentStatus.UNPAID
        and booking.payment_method == PaymentMethod.CASH
    )
    due = rupiah(collected) if collected else (rupiah(booking.total) if unpaid else "")
    return {
        "booking": booking,
        "guests": guests_text(booking.seats),
        "tour": booking.departure.tour.title,
        "when": departure_when(booking.departure),
        "lines": lines,
        "id_lines": [line for line in lines if line.requires_id],
        "due": due,
        "url": reverse("bookings:inspect", args=[booking.pk]),
    }


class CheckInView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    model = Booking
    permission_required = "change"
    template_name = "tours/admin/checkin.html"
    form_class = CheckInForm
    page_title = gettext_lazy("Check-in")
    header_icon = "check"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, result=None, **kwargs):
        context = super().get_context_data(**kwargs)
        if result is not None:
            # The next guest: an empty field, ready to type or scan.
            context["form"] = self.form_class()
        context.update(
            {
                "result": result,
                "today": local_date(timezone.now(), zone=staff_zone(self.request.user)),
                "departures": todays_departures(self.request.user),
            }
        )
        return context

    def form_valid(self, form):
        return self.render_to_response(self.get_context_data(result=self.check_in(form)))

    def form_invalid(self, form):
        result = {"ok": False, "reason": _("Type the booking reference, e.g. LPS-7K3Q9.")}
        return self.render_to_response(self.get_context_data(form=form, result=result))

    def check_in(self, form) -> dict:
        code = form.cleaned_data["code"]
        reference = reference_from_scan(code)
        if not reference:
            return {
                "ok": False,
                "reason": _("“%(code)s” is not a booking reference. It looks like LPS-7K3Q9.")
                % {"code": code[:40]},
            }
        booking = (
            scoped_bookings(self.request.user)
            .prefetch_related("lines")
            .filter(reference=reference)
            .first()
        )
        if booking is None:
            # Another BUMDes's booking is answered exactly like one that does not exist.
            return {
                "ok": False,
                "reason": _nowrap_reference(_("No booking %(reference)s found."), reference),
            }
        try:
            booking = booking_check_in(booking=booking, user=self.request.user)
        except AlreadyCheckedIn as error:
            return {"ok": False, "reason": str(error.message), **booking_summary(booking)}
        except BookingError as error:
            return {"ok": False, "reason": str(error.message), **booking_summary(booking)}
        summary = booking_summary(booking)
        return {
            "ok": True,
            "headline": _("OK — %(guests)s") % {"guests": summary["guests"]},
            **summary,
        }


class CheckInViewSet(ViewSet):
    name = "check-in"
    icon = "check"
    menu_label = gettext_lazy("Check-in")
    menu_name = "check-in"

    @property
    def menu_item_class(self):
        def is_shown(item, request):
            policy = policy_registry.get_by_type(Booking)
            return policy.user_has_permission(request.user, "change")

        return type("CheckInMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return [path("", CheckInView.as_view(), name="index")]


class NewBookingMenu(ViewSet):
    """The "New booking" entry of the bookings menu; its screens live in the bookings viewset."""

    name = "new-booking"
    icon = "plus"
    menu_label = gettext_lazy("New booking")
    menu_name = "new-booking"

    @property
    def menu_url(self):
        return reverse("bookings:add")

    @property
    def menu_item_class(self):
        def is_shown(item, request):
            policy = policy_registry.get_by_type(Booking)
            return policy.user_has_permission(request.user, "add")

        return type("NewBookingMenuItem", (MenuItem,), {"is_shown": is_shown})
