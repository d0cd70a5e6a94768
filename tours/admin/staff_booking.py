"""Staff bookings for walk-ins and phone calls: choose a departure, then people and guest.

Two plain steps that work on a phone and without JavaScript: a day's open departures of the
user's own experiences, then the form for one departure. The booking is made and confirmed by
`booking_create` (channel "staff", cash on arrival). A hidden key makes a double tap on a slow
connection return the first booking instead of making two.
"""

import datetime as dt
import secrets

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.formats import local_date, rupiah
from core.localtime import business_date, local_days_filter
from tours.admin.forms import DayForm, StaffBookingForm, add_service_errors
from tours.admin.permissions import scoped, staff_zone, user_tours
from tours.admin.shared import departure_when, guests_text
from tours.booking.booking_input import Customer
from tours.booking.errors import BookingError, BookingInvalid
from tours.models import Booking, Channel, Departure, DepartureStatus, PaymentMethod
from tours.models.availability import departure_is_bookable, with_seats_left
from tours.payments.paying import booking_create


class StaffBookingMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = Booking
    permission_required = "add"
    header_icon = "plus"
    page_title = gettext_lazy("New booking")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("bookings:index"), "label": _("Bookings")},
            {"url": "", "label": self.get_page_title()},
        ]


class StaffBookingChooseView(StaffBookingMixin, TemplateView):
    template_name = "tours/admin/staff_booking_choose.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        today = business_date(now, staff_zone(self.request.user))
        tours = user_tours(self.request.user)
        form = DayForm(self.request.GET or None, tours=tours, initial={"date": today})
        day, tour = today, None
        if form.is_bound and form.is_valid():
            day, tour = form.cleaned_data["date"], form.cleaned_data["tour"]
        departures = (
            scoped(Departure.objects.all(), self.request.user)
            .filter(local_days_filter("starts_at", "enterprise__time_zone", first=day, last=day))
            .filter(starts_at__gte=now, status=DepartureStatus.OPEN)
        )
        if tour is not None:
            departures = departures.filter(tour=tour)
        rows = []
        for departure in with_seats_left(departures.select_related("tour", "enterprise"), now=now):
            left = max(departure.capacity - departure.seats_taken, 0)
            bookable = departure_is_bookable(departure, now=now, channel=Channel.STAFF) and left > 0
            rows.append(
                {
                    "departure": departure,
                    "when": departure_when(departure),
                    "left": left,
                    "bookable": bookable,
                    "full": left == 0,
                    "url": reverse("bookings:add_for", args=[departure.pk]) if bookable else "",
                }
            )
        days = []
        for offset in range(3):
            other = today + dt.timedelta(days=offset)
            query = f"?date={other.isoformat()}" + (f"&tour={tour.pk}" if tour else "")
            days.append({"label": local_date(other), "url": query, "current": other == day})
        context.update({"form": form, "rows": rows, "day_label": local_date(day), "days": days})
        return context


class StaffBookingCreateView(StaffBookingMixin, FormView):
    template_name = "tours/admin/staff_booking_form.html"
    form_class = StaffBookingForm

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.departure = get_object_or_404(
            scoped(Departure.objects.select_related("tour"), request.user),
            pk=kwargs["departure_id"],
        )
        self.tiers = list(self.departure.tour.price_tiers.all())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "departure": self.departure, "tiers": self.tiers}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        departure = with_seats_left(Departure.objects.filter(pk=self.departure.pk), now=now).get()
        context.update(
            {
                "departure": self.departure,
                "tour": self.departure.tour,
                "when": departure_when(self.departure),
                "left": max(departure.capacity - departure.seats_taken, 0),
                "key": self.request.POST.get("key") or secrets.token_urlsafe(16),
                "choose_url": reverse("bookings:add")
                + f"?date={self.departure.local_date.isoformat()}",
                "bookable": departure_is_bookable(self.departure, now=now, channel=Channel.STAFF),
                "total": rupiah(context["form"].total()),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        lines = form.lines()
        key = self.request.POST.get("key", "")[:64]
        try:
            booking, created = booking_create(
                departure_id=self.departure.pk,
                lines=lines,
                customer=Customer(
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    country=data["country"],
                    language=data["language"],
                ),
                payment_method=PaymentMethod.CASH,
                channel=Channel.STAFF,
                idempotency_key=f"staff-{self.request.user.pk}-{key}" if key else None,
                user=self.request.user,
            )
        except BookingInvalid as error:
            fields = {
                "customer.name": "name",
                "customer.email": "email",
                "customer.phone": "phone",
                "customer.country": "country",
                "customer.language": "language",
            }
            for index, (tier_id, _quantity) in enumerate(lines):
                fields[f"lines.{index}.quantity"] = f"tier_{tier_id}"
                fields[f"lines.{index}.tier"] = f"tier_{tier_id}"
            add_service_errors(form, error, fields)
            return self.form_invalid(form)
        except BookingError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        if created:
            messages.success(
                self.request,
                _(
                    "Booking %(reference)s is made: %(guests)s. Not paid yet: the guest pays "
                    "%(total)s in cash on arrival."
                )
                % {
                    "reference": booking.reference,
                    "guests": guests_text(booking.seats),
                    "total": rupiah(booking.total),
                },
            )
        return redirect(reverse("bookings:inspect", args=[quote(booking.pk)]))
