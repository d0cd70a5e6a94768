"""Who may see and change which bookings and departures.

The model permissions come from the staff roles (`bumdes.services.MODEL_PERMISSIONS`): operators
and managers view, add and change bookings and departures, treasurers only view them. Rows are
narrowed to the user's own BUMDes; superusers see every BUMDes. Bookings and departures are never
deleted from the admin, whoever asks: a booking must never lose its history or its money trail.
The scoping itself lives with the enterprises, in `bumdes.admin.permissions`.
"""

from django.db.models import QuerySet
from wagtail.models import Locale

from bumdes.admin.permissions import (
    EnterprisePermissionPolicy,
    scoped,
    staff_enterprise,
    staff_zone,
)
from tours.models import TourPage

__all__ = ["EnterprisePermissionPolicy", "scoped", "staff_enterprise", "staff_zone", "user_tours"]


def user_tours(user) -> QuerySet[TourPage]:
    """The user's own experience pages in the default language (where departures live)."""
    tours = TourPage.objects.filter(locale=Locale.get_default()).order_by("title")
    return scoped(tours, user, field="business_unit__enterprise")
