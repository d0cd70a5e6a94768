"""Balance Transactions: what a charge, a refund or a failed refund does to the balance of the
connected account, with Stripe's fee."""

from tests.payments.fake_stripe.store import new_id

FEE_PERCENT = 3  # the fake balance transaction's fee: 3% of the amount (in Stripe units)


class Balance:
    def _balance_transaction(
        self, amount: int, account: str | None, fee: int | None = None, kind: str = "charge"
    ) -> dict:
        fee = abs(amount) * FEE_PERCENT // 100 if fee is None else fee
        txn = {
            "id": new_id("txn_"),
            "object": "balance_transaction",
            "amount": amount,
            "fee": fee,
            "fee_details": [
                {"amount": fee, "currency": "idr", "type": "stripe_fee", "description": "fee"}
            ]
            if fee
            else [],
            "net": amount - fee,
            "currency": "idr",
            "type": kind,
            "status": "pending",
        }
        return self._store(txn, account)
