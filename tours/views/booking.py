"""Public booking flow: people → details → review → confirmation and the guest's manage page.

Placeholder views; the full flow is built on the booking services.
"""

from django.http import Http404


def _missing(request, *args, **kwargs):
    raise Http404


booking_start = booking_details = booking_review = booking_ticket = _missing
booking_calendar = booking_cancel = booking_manage = _missing
