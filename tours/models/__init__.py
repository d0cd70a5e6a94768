"""The sales side's records — pages, schedules, departures, bookings, payments — and the reads
every screen shares (availability, the month calendar, listings, schema.org data)."""

from tours.models.bookings import (
    SEAT_TAKING,
    Booking,
    BookingEvent,
    BookingLine,
    BookingStatus,
    Channel,
    PaymentMethod,
    PaymentStatus,
)
from tours.models.community import DepartureAssignment, TourShare
from tours.models.departures import Departure, DepartureStatus, ScheduleRule
from tours.models.listings import TourIndexPage
from tours.models.partner_pages import PartnerIndexPage, PartnerPage, PartnerPageTour
from tours.models.partners import (
    Partner,
    PartnerAgreement,
    PartnerApiKey,
    PartnerKind,
    PartnerNetRate,
    PartnerSettlement,
    PartnerStatus,
    PartnerTourTerms,
    Settlement,
    Terms,
)
from tours.models.payments import Payment, Refund
from tours.models.tour import Category, PriceTier, TourGalleryImage, TourPage, UnpaidBalance
from tours.models.village import VillageGalleryImage, VillagePage
from tours.models.webhooks import WebhookEvent

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
    "Partner",
    "PartnerAgreement",
    "PartnerApiKey",
    "PartnerKind",
    "PartnerIndexPage",
    "PartnerNetRate",
    "PartnerPage",
    "PartnerPageTour",
    "PartnerSettlement",
    "PartnerStatus",
    "PartnerTourTerms",
    "Payment",
    "PaymentMethod",
    "PaymentStatus",
    "PriceTier",
    "Refund",
    "ScheduleRule",
    "Settlement",
    "Terms",
    "TourGalleryImage",
    "TourIndexPage",
    "TourPage",
    "TourShare",
    "VillageGalleryImage",
    "VillagePage",
    "WebhookEvent",
]
