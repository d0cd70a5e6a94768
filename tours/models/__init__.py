from .bookings import (
    SEAT_TAKING,
    Booking,
    BookingEvent,
    BookingLine,
    BookingStatus,
    Channel,
    PaymentMethod,
    PaymentStatus,
)
from .community import DepartureAssignment, TourShare
from .departures import Departure, DepartureStatus, ScheduleRule
from .pages import (
    Category,
    PriceTier,
    TourGalleryImage,
    TourIndexPage,
    TourPage,
    UnpaidBalance,
    VillageGalleryImage,
    VillagePage,
)
from .payments import Payment, Refund
from .webhooks import WebhookEvent

__all__ = [
    "SEAT_TAKING",
    "Booking",
    "BookingEvent",
    "BookingLine",
    "BookingStatus",
    "Category",
    "UnpaidBalance",
    "Channel",
    "Departure",
    "DepartureAssignment",
    "DepartureStatus",
    "Payment",
    "PaymentMethod",
    "PaymentStatus",
    "PriceTier",
    "Refund",
    "ScheduleRule",
    "TourGalleryImage",
    "TourIndexPage",
    "TourPage",
    "TourShare",
    "VillageGalleryImage",
    "VillagePage",
    "WebhookEvent",
]
