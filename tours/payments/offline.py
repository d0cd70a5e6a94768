"""Offline providers: they work with no keys (the default of `make run`).

- `cash`: paid on arrival; the operator records it at check-in (`payment_record`).
- `bank_transfer`: the guest transfers to the BUMDes's bank account quoting the reference; the
  treasurer confirms receipt. Offered only when the BUMDes has a bank account number.

Each BUMDes chooses which of these its guests are offered (`Enterprise.offer_*`).
- `partner_account`: a partner's booking charged to its account (the partners issue); not offered
  to guests.

None of them redirects anywhere, and their refunds are paid by hand and recorded by staff with
`tours.services.books.refund_mark_paid`, so `refund` does nothing here.
"""

from tours.models import PaymentMethod

from .base import PaymentProvider


class OfflineProvider(PaymentProvider):
    def available_for(self, enterprise) -> bool:
        return True

    def start(self, booking, request) -> None:
        return None

    def refund(self, refund) -> None:
        return None


class CashProvider(OfflineProvider):
    code = PaymentMethod.CASH.value

    def available_for(self, enterprise) -> bool:
        return enterprise.offer_cash


class BankTransferProvider(OfflineProvider):
    code = PaymentMethod.BANK_TRANSFER.value

    def available_for(self, enterprise) -> bool:
        return enterprise.offer_bank_transfer and bool(enterprise.bank_account_number.strip())


class PartnerAccountProvider(OfflineProvider):
    code = PaymentMethod.PARTNER_ACCOUNT.value
    guest_selectable = False
