"""Admin hooks of the sales side: the "Bookings" menu, the "Partners" screens, the BUMDes's
payment screens in the "Books" menu, today's panel, and the page delete guard.

The permission policies are registered first, before any viewset asks for a fallback policy.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from tours.admin.permissions import EnterprisePermissionPolicy
from tours.models import Booking, Departure, TourPage

register_permission_policy(Booking, EnterprisePermissionPolicy(Booking))
register_permission_policy(Departure, EnterprisePermissionPolicy(Departure))

from tours.admin.bookings import BookingViewSet  # noqa: E402
from tours.admin.checkin import CheckInViewSet, NewBookingMenu  # noqa: E402
from tours.admin.departures import DepartureViewSet  # noqa: E402
from tours.admin.panels import TodayPanel  # noqa: E402
from tours.admin.partners import PartnersViewSet  # noqa: E402
from tours.admin.payment_methods import PaymentMethodsViewSet  # noqa: E402
from tours.admin.refunds import RefundsViewSet  # noqa: E402
from tours.admin.stripe_connect import StripeConnectViewSet  # noqa: E402
from tours.admin.suspicious import SuspiciousHoldsViewSet  # noqa: E402
from tours.admin.transfers import TransfersViewSet  # noqa: E402


class BookingsMenu(ViewSetGroup):
    menu_label = gettext_lazy("Bookings")
    menu_name = "bookings-menu"
    menu_icon = "calendar-check"
    menu_order = 150
    items = (
        BookingViewSet,
        DepartureViewSet,
        CheckInViewSet,
        NewBookingMenu,
        TransfersViewSet,
        SuspiciousHoldsViewSet,
    )


@hooks.register("register_admin_viewset")
def register_bookings_menu():
    return BookingsMenu()


@hooks.register("register_admin_viewset")
def register_partners():
    return PartnersViewSet()


@hooks.register("register_admin_viewset")
def register_refunds():
    # Reached from a booking's detail page; no menu item of its own.
    return RefundsViewSet()


@hooks.register("register_admin_viewset")
def register_payment_methods():
    return PaymentMethodsViewSet()


@hooks.register("register_admin_viewset")
def register_stripe_connect():
    return StripeConnectViewSet()


@hooks.register("register_log_actions")
def register_stripe_actions(actions):
    actions.register_action(
        "bumdes.stripe.account_create", _("Create Stripe account"), _("Stripe account created")
    )
    actions.register_action(
        "bumdes.stripe.connect", _("Connect Stripe account"), _("Stripe account connected")
    )
    actions.register_action(
        "bumdes.stripe.status", _("Update Stripe status"), _("Stripe account status updated")
    )


@hooks.register("construct_homepage_panels")
def add_today_panel(request, panels):
    panels.append(TodayPanel(request))


@hooks.register("insert_global_admin_css")
def staff_css():
    return format_html('<link rel="stylesheet" href="{}">', static("tours/admin/staff.css"))


def _tours_with_departures(page: Page) -> list[str]:
    """Titles of the experiences at or under `page` that have departures (so maybe bookings)."""
    tours = TourPage.objects.descendant_of(page, inclusive=True)
    return list(
        tours.filter(departures__isnull=False)
        .distinct()
        .order_by("title")
        .values_list("title", flat=True)
    )


def _refuse_delete(request, titles: list[str], back_to: Page):
    messages.error(
        request,
        _(
            "%(titles)s cannot be deleted: it has departures, and bookings must never lose "
            "their experience. Unpublish the page instead, and close its departures."
        )
        % {"titles": ", ".join(titles)},
    )
    return redirect("wagtailadmin_explore", back_to.pk)


@hooks.register("before_delete_page")
def refuse_deleting_tours_with_departures(request, page):
    titles = _tours_with_departures(page)
    if titles:
        return _refuse_delete(request, titles, page.get_parent() or page)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_tours_with_departures(request, action_type, objects, action_class):
    if action_type != "delete":
        return None
    for page in objects:
        if isinstance(page, Page):
            titles = _tours_with_departures(page)
            if titles:
                return _refuse_delete(request, titles, page.get_parent() or page)
    return None
