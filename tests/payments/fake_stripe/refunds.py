"""Refunds: made against a PaymentIntent's charge (never more than is left of it), listed by
charge or PaymentIntent, and moved on by Stripe later (succeeded, failed, canceled)."""

import copy
import time

from tests.payments.fake_stripe.store import new_id


class Refunds:
    def _refund_create(self, form: dict, account: str | None):
        intent_id = form.get("payment_intent")
        intent = self._find(intent_id, account) if intent_id else None
        charge = self._find(intent["latest_charge"], account) if intent else None
        if intent is None or charge is None:
            return 400, _refund_error(
                "resource_missing", "payment_intent", f"No such payment_intent: '{intent_id}'"
            )
        left = charge["amount"] - charge["amount_refunded"]
        amount = int(form["amount"]) if "amount" in form else left
        if amount <= 0 or amount > left:
            return 400, _refund_error(
                "amount_too_large",
                "amount",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
            )
        txn = self._balance_transaction(-amount, account, fee=self.refund_fee, kind="refund")
        refund = {
            "id": new_id("re_"),
            "object": "refund",
            "amount": amount,
            "currency": "idr",
            "created": int(time.time()),
            "payment_intent": intent["id"],
            "charge": charge["id"],
            "metadata": form.get("metadata", {}),
            "reason": form.get("reason"),
            "status": self.refund_status,
            "failure_reason": None,
            "balance_transaction": txn["id"],
        }
        txn["source"] = refund["id"]
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
        return 200, self._store(refund, account)

    def _refund_list(self, form: dict, account: str | None) -> dict:
        refunds = [
            refund
            for refund in self.refunds.values()
            if self.owners.get(refund["id"]) == account
            and (not form.get("charge") or refund["charge"] == form["charge"])
            and (
                not form.get("payment_intent") or refund["payment_intent"] == form["payment_intent"]
            )
        ]
        refunds.sort(key=lambda refund: refund["created"], reverse=True)
        return {"object": "list", "url": "/v1/refunds", "has_more": False, "data": refunds}

    def refund_update(self, refund_id: str, status: str, failure_reason: str | None = None):
        """Stripe moves a refund on (`succeeded`, `failed`, `canceled`); a failed one gives
        the money back to the balance and the charge."""
        with self.lock:
            refund = self.refunds[refund_id]
            was = refund["status"]
            refund["status"] = status
            if status in ("failed", "canceled") and was not in ("failed", "canceled"):
                refund["failure_reason"] = failure_reason or "unknown"
                charge = self.charges[refund["charge"]]
                charge["amount_refunded"] -= refund["amount"]
                charge["refunded"] = False
                back = self._balance_transaction(
                    refund["amount"], self.owners[refund_id], fee=0, kind="refund_failure"
                )
                refund["failure_balance_transaction"] = back["id"]
            return copy.deepcopy(refund)


def _refund_error(code: str, param: str, message: str) -> dict:
    return {
        "error": {
            "type": "invalid_request_error",
            "code": code,
            "param": param,
            "message": message,
        }
    }
