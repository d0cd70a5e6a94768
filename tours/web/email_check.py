"""The link a guest with a large unpaid booking opens to confirm the e-mail
(`tours.booking.guards`): it keeps the places for the usual time, then shows the booking."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tours.models import BookingStatus
from tours.payments.paying import booking_email_confirm
from tours.web.guest import guest_url, private_page


@private_page()
@require_GET
def booking_email_confirm_view(request, reference: str):
    booking = booking_email_confirm(signature=request.GET.get("s", ""))
    if booking is None or booking.reference != reference.upper():
        raise Http404
    if booking.status == BookingStatus.CONFIRMED:
        messages.success(
            request, _("Thank you, your e-mail is confirmed. Your booking is confirmed.")
        )
    elif booking.status == BookingStatus.HELD:
        messages.success(
            request,
            _(
                "Thank you, your e-mail is confirmed. Your places are kept: please transfer "
                "in time."
            ),
        )
    return redirect(guest_url("booking_manage", booking))
