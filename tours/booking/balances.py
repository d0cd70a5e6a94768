"""What a booking has paid and what it has been given back, read from its payments and refunds.

These are the figures every money rule starts from: what is still owed, what a cancellation
gives back, what may still be refunded. Each is one aggregate query.
"""

from django.db.models import Sum

from tours.models import Booking, Payment, PaymentMethod


def booking_paid_amount(booking: Booking) -> int:
    """Money received for the booking (succeeded payments)."""
    paid = booking.payments.filter(status=Payment.Status.SUCCEEDED).aggregate(s=Sum("amount"))
    return paid["s"] or 0


def refunds_total(booking: Booking) -> int:
    """What was given back or is owed back to the guest: every refund decided, failed ones too
    (a failed refund is still owed; the treasurer sends it again)."""
    return booking.refunds.aggregate(s=Sum("amount"))["s"] or 0


def refundable_amount(booking: Booking) -> int:
    """What may still be given back: paid, less every refund decided already."""
    return max(0, booking_paid_amount(booking) - refunds_total(booking))


def refund_method_for(booking: Booking) -> str:
    """Money goes back the way it came: the method of the latest payment received."""
    return (
        booking.payments.filter(status=Payment.Status.SUCCEEDED)
        .order_by("received_at", "pk")
        .values_list("method", flat=True)
        .last()
        or PaymentMethod.CASH
    )
