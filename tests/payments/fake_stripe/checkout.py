"""Checkout Sessions, and what paying one makes: a PaymentIntent whose latest charge has a
balance transaction (session.payment_intent → PaymentIntent.latest_charge →
Charge.balance_transaction)."""

import copy

from tests.payments.fake_stripe.store import new_id


class Checkout:
    def _session_create(self, form: dict, account: str | None) -> dict:
        amount = sum(
            int(item["price_data"]["unit_amount"]) * int(item["quantity"])
            for item in form.get("line_items", [])
        )
        session = self._new_session(
            account,
            amount=amount,
            reference=form.get("client_reference_id"),
            currency=form.get("currency") or "idr",
        )
        session.update(
            customer_email=form.get("customer_email"),
            metadata=form.get("metadata", {}),
            expires_at=int(form["expires_at"]) if "expires_at" in form else None,
            mode=form.get("mode", "payment"),
            locale=form.get("locale"),
            success_url=form.get("success_url"),
            cancel_url=form.get("cancel_url"),
            payment_intent_data=form.get("payment_intent_data", {}),
        )
        return session

    def _new_session(self, account, *, amount: int, reference, currency="idr", session_id=None):
        session_id = session_id or new_id("cs_")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"{self.url}/pay/{session_id}",
            "amount_total": amount,
            "currency": currency,
            "client_reference_id": reference,
            "customer_email": None,
            "metadata": {"booking": reference} if reference else {},
            "expires_at": None,
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "mode": "payment",
            "locale": None,
            "success_url": None,
            "cancel_url": None,
            "account": account,
        }
        return self._store(session, account)

    def session_complete(self, session_id: str, fee: int | None = None) -> dict:
        """The guest paid on the fake checkout page: the session completes with a PaymentIntent
        whose charge has a balance transaction (fee: 3% unless given, in Stripe units)."""
        with self.lock:
            session = self.sessions[session_id]
            account = self.owners[session_id]
            amount = session["amount_total"]
            txn = self._balance_transaction(amount, account, fee=fee)
            intent_id = new_id("pi_")
            charge = self._store(
                {
                    "id": new_id("ch_"),
                    "object": "charge",
                    "amount": amount,
                    "amount_captured": amount,
                    "amount_refunded": 0,
                    "currency": session["currency"],
                    "paid": True,
                    "refunded": False,
                    "status": "succeeded",
                    "payment_intent": intent_id,
                    "balance_transaction": txn["id"],
                    "metadata": {},
                },
                account,
            )
            txn["source"] = charge["id"]
            metadata = (session.get("payment_intent_data") or {}).get("metadata") or {
                "booking": session["client_reference_id"]
            }
            self._store(
                {
                    "id": intent_id,
                    "object": "payment_intent",
                    "amount": amount,
                    "amount_received": amount,
                    "currency": session["currency"],
                    "status": "succeeded",
                    "latest_charge": charge["id"],
                    "metadata": metadata,
                },
                account,
            )
            session.update(status="complete", payment_status="paid", payment_intent=intent_id)
            return copy.deepcopy(session)

    def paid_session(
        self,
        account: str,
        reference: str,
        amount: int,
        *,
        session_id: str | None = None,
        fee: int | None = None,
    ) -> dict:
        """A Checkout Session for `reference` of `amount` Stripe units, already paid (for tests
        that deliver `checkout.session.completed` without going through the booking flow)."""
        with self.lock:
            if session_id in self.sessions:  # asked again: the same paid session
                return copy.deepcopy(self.sessions[session_id])
            session = self._new_session(
                account, amount=amount, reference=reference, session_id=session_id
            )
        return self.session_complete(session["id"], fee=fee)

    def charge_of(self, session_id: str) -> dict:
        intent = self.payment_intents[self.sessions[session_id]["payment_intent"]]
        return self.charges[intent["latest_charge"]]
