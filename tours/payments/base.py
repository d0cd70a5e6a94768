"""The small interface every payment provider implements (DESIGN.md §4).

- `available_for(enterprise)`: may this BUMDes offer the method to guests?
- `start(booking, request)`: begin paying for a held booking. Online providers return the URL to
  send the guest to (e.g. a hosted Checkout page); offline ones return None (the booking is
  confirmed by the booking flow and the money is recorded later by staff).
- `refund(refund)`: send a refund out. Offline refunds are paid by hand and recorded with
  `tours.services.books.refund_mark_paid`; online ones call the provider and are posted when the
  provider reports them.

A provider's callback (webhook) is handled by its own view (`tours.payments.webhooks`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

    from bumdes.models import Enterprise
    from tours.models import Booking, Refund


class PaymentProvider:
    code: str = ""
    # Offered to guests in the public booking flow (the partner account is for partners only).
    guest_selectable: bool = True

    def available_for(self, enterprise: Enterprise) -> bool:
        raise NotImplementedError

    def start(self, booking: Booking, request: HttpRequest | None) -> str | None:
        raise NotImplementedError

    def refund(self, refund: Refund) -> None:
        raise NotImplementedError
