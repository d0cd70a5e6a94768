"""Suspicious holds: guests' unpaid bookings that hold many places, or several from one e-mail or
address, with a "Release" action (a confirmation page, then a POST) that frees the places and
records who did it. Operators and managers (the bookings' "change" permission), own BUMDes only.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from core.formats import rupiah
from tours.admin.shared import departure_when, guests_text, scoped_bookings, show_error
from tours.booking.errors import BookingError
from tours.booking.releasing import booking_release, holds_suspicious
from tours.models import Booking

REASONS = {
    "large": gettext_lazy("Many places, unpaid"),
    "email": gettext_lazy("Several holds from one e-mail"),
    "address": gettext_lazy("Several holds from one address"),
}


class SuspiciousMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = Booking
    permission_required = "change"
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class SuspiciousHoldsView(SuspiciousMixin, TemplateView):
    template_name = "tours/admin/suspicious_holds.html"
    page_title = gettext_lazy("Suspicious holds")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = holds_suspicious(scoped_bookings(self.request.user), now=timezone.now())
        context["rows"] = [
            {
                "booking": booking,
                "when": departure_when(booking.departure),
                "reasons": [REASONS[reason] for reason in reasons],
                "release_url": reverse("suspicious_holds:release", args=[booking.pk]),
                "inspect_url": reverse("bookings:inspect", args=[booking.pk]),
            }
            for booking, reasons in rows
        ]
        return context


class ReleaseView(SuspiciousMixin, TemplateView):
    template_name = "tours/admin/suspicious_release.html"
    page_title = gettext_lazy("Release places")

    def dispatch(self, request, *args, **kwargs):
        # 403 without the permission, then 404 for another BUMDes's booking.
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.booking = get_object_or_404(scoped_bookings(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "booking": self.booking,
                "when": departure_when(self.booking.departure),
                "guests": guests_text(self.booking.seats),
                "total": rupiah(self.booking.total),
                "back_url": reverse("suspicious_holds:index"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            booking_release(booking=self.booking, user=request.user)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("The places of %(reference)s are free again.")
                % {"reference": self.booking.reference},
            )
        return redirect("suspicious_holds:index")


class SuspiciousHoldsViewSet(ViewSet):
    name = "suspicious_holds"
    icon = "warning"
    menu_label = gettext_lazy("Suspicious holds")
    menu_name = "suspicious-holds"
    add_to_admin_menu = False

    @property
    def menu_item_class(self):
        def is_shown(item, request):
            policy = policy_registry.get_by_type(Booking)
            return policy.user_has_permission(request.user, "change")

        return type("SuspiciousHoldsMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return [
            path("", SuspiciousHoldsView.as_view(), name="index"),
            path("<int:pk>/release/", ReleaseView.as_view(), name="release"),
        ]
