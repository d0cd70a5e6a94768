"""Payouts from a connected account's balance to its bank, made and moved on by Stripe."""

import copy
import time

from tests.payments.fake_stripe.store import new_id


class Payouts:
    def payout_create(self, account: str, amount: int, status: str = "pending") -> dict:
        with self.lock:
            payout = {
                "id": new_id("po_"),
                "object": "payout",
                "amount": amount,
                "currency": "idr",
                "arrival_date": int(time.time()) + 2 * 86400,
                "automatic": True,
                "status": status,
                "failure_code": None,
                "failure_message": None,
                "method": "standard",
                "type": "bank_account",
            }
            return copy.deepcopy(self._store(payout, account))

    def payout_update(self, payout_id: str, status: str, failure_message: str | None = None):
        with self.lock:
            payout = self.payouts[payout_id]
            payout["status"] = status
            if status in ("failed", "canceled"):
                payout["failure_code"] = "account_closed"
                payout["failure_message"] = failure_message or "The bank account has been closed."
            return copy.deepcopy(payout)
