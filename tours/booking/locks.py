"""Row locks of the sales side: taken here only, always in one order, on the named rows only.

Every state change of a booking runs in a transaction that first locks the booking's departure,
then the booking, then (for a refund) the refund: departure → booking → refund. A partner's
on-account booking first locks the partner's agreement with the BUMDes (its credit is counted
under that lock), so the order is agreement → departure → booking → refund. One order means
two paths can never wait on each other in a circle (a guest cancelling while a payment webhook
lands, a refund reported while it is recorded), so PostgreSQL never has to break a deadlock.

Each lock names its own row only (`SELECT ... FOR UPDATE OF <table>`), even when the query joins
other tables to read them: locking a departure does not lock its tour page, so bookings for
different departures of one tour never wait on each other, and publishing the page never waits
for a booking. Seats are counted under the departure's lock (invariant 1: never oversell).

The helpers refuse to run outside a transaction, where a lock would be released at once.
"""

from django.db import transaction

from tours.models import Booking, Departure, PartnerAgreement, Refund

SELF = ("self",)


def _in_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Rows are locked only inside a transaction.")


def agreement_lock(agreement_id: int) -> PartnerAgreement:
    """Lock a partner's agreement with a BUMDes (before any departure): its credit in use is
    counted under this lock, so two on-account bookings cannot both pass the limit."""
    _in_transaction()
    return (
        PartnerAgreement.objects.select_for_update(of=SELF)
        .select_related("partner", "counterparty")
        .get(pk=agreement_id)
    )


def departure_lock(departure_id: int) -> Departure:
    """Lock one departure (its row only); its tour and BUMDes are read along, unlocked."""
    _in_transaction()
    return (
        Departure.objects.select_for_update(of=SELF)
        .select_related("tour", "enterprise")
        .get(pk=departure_id)
    )


def booking_lock(booking_id: int) -> Booking:
    """Lock a booking's departure, then the booking: the one order every path follows."""
    _in_transaction()
    departure_id = Booking.objects.values_list("departure_id", flat=True).get(pk=booking_id)
    departure = departure_lock(departure_id)
    booking = (
        Booking.objects.select_for_update(of=SELF)
        .select_related("enterprise", "business_unit")
        .get(pk=booking_id)
    )
    booking.departure = departure
    return booking


def refund_lock(refund_id: int) -> Refund:
    """Lock a refund's booking (its departure first), then the refund."""
    _in_transaction()
    booking_id = Refund.objects.values_list("booking_id", flat=True).get(pk=refund_id)
    booking = booking_lock(booking_id)
    refund = Refund.objects.select_for_update(of=SELF).get(pk=refund_id)
    refund.booking = booking
    return refund
