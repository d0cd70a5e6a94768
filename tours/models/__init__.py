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
from .departures import Departure, DepartureStatus, ScheduleRule
from .pages import (
    Category,
    PriceTier,
    TourGalleryImage,
    TourIndexPage,
    TourPage,
    VillageGalleryImage,
    VillagePage,
)

__all__ = [
    "SEAT_TAKING",
    "Booking",
    "BookingEvent",
    "BookingLine",
    "BookingStatus",
    "Category",
    "Channel",
    "Departure",
    "DepartureStatus",
    "PaymentMethod",
    "PaymentStatus",
    "PriceTier",
    "ScheduleRule",
    "TourGalleryImage",
    "TourIndexPage",
    "TourPage",
    "VillageGalleryImage",
    "VillagePage",
]
