"""A small local fake of Stripe's API, for the real `stripe` SDK pointed at it through
`STRIPE_API_BASE` (stripe-mock cannot be installed here; see FACTS.md).

Implements what the payments code uses, in Stripe's own shapes: Checkout Sessions (create,
retrieve, and a fake hosted checkout page), PaymentIntents and Charges (made when a session is
paid: session.payment_intent → PaymentIntent.latest_charge → Charge.balance_transaction),
Refunds (create, retrieve, list by charge or PaymentIntent), Balance Transactions, Payouts and
Account Links. `expand` works on ids of these objects, lists included (`data.balance_transaction`).
Connected Accounts (create, retrieve) live on the platform, as on Stripe.

Objects belong to the connected account they were made on: asked for with another
`Stripe-Account` header they do not exist (404), as on Stripe. Every request is recorded with its
parsed form body (or query), its `Stripe-Account` header and its `Idempotency-Key`, so tests can
assert the connected account and the keys. A repeated idempotency key returns the first
response, as Stripe does. `down = True` answers every API call with a 500 (and asks the SDK not
to retry), like an outage.
"""

import copy
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

FEE_PERCENT = 3  # the fake balance transaction's fee: 3% of the amount (in Stripe units)

PREFIXES = {
    "cs_": "sessions",
    "pi_": "payment_intents",
    "ch_": "charges",
    "re_": "refunds",
    "txn_": "balance_transactions",
    "po_": "payouts",
}


def parse_form(body: str) -> dict:
    """Form-encode as the SDK sends it (`a[b][0][c]=1`) → nested dicts and lists."""
    result: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        _put(result, key.replace("]", "").split("["), value)
    return _lists(result)


def _put(root: dict, parts: list[str], value: str) -> None:
    node = root
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _lists(node):
    """Dicts whose keys are all digits become lists (line_items[0], line_items[1]…)."""
    if isinstance(node, dict):
        converted = {k: _lists(v) for k, v in node.items()}
        if converted and all(k.isdigit() for k in converted):
            return [converted[k] for k in sorted(converted, key=int)]
        return converted
    return node


def _new_id(prefix: str) -> str:
    return f"{prefix}test_{secrets.token_hex(12)}"


@dataclass
class Recorded:
    method: str
    path: str
    form: dict
    stripe_account: str | None
    idempotency_key: str | None


@dataclass
class FakeStripe:
    server: ThreadingHTTPServer
    thread: threading.Thread
    requests: list[Recorded] = field(default_factory=list)
    sessions: dict = field(default_factory=dict)
    payment_intents: dict = field(default_factory=dict)
    charges: dict = field(default_factory=dict)
    refunds: dict = field(default_factory=dict)
    balance_transactions: dict = field(default_factory=dict)
    payouts: dict = field(default_factory=dict)
    accounts: dict = field(default_factory=dict)
    # object id → the connected account it lives on (None: the platform)
    owners: dict = field(default_factory=dict)
    idempotent: dict = field(default_factory=dict)
    # How the next refunds come back, and the fee (in Stripe units) their balance transaction
    # reports: tests change these to play pending, failed or charged-for refunds.
    refund_status: str = "succeeded"
    refund_fee: int = 0
    down: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    STORES = (
        "requests",
        "sessions",
        "payment_intents",
        "charges",
        "refunds",
        "balance_transactions",
        "payouts",
        "accounts",
        "owners",
        "idempotent",
    )

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def reset(self) -> None:
        with self.lock:
            for store in self.STORES:
                getattr(self, store).clear()
            self.refund_status = "succeeded"
            self.refund_fee = 0
            self.down = False

    def posted(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    def got(self, prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == "GET" and r.path.startswith(prefix)]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    # --- storage ---------------------------------------------------------------------------

    def _store(self, obj: dict, account: str | None) -> dict:
        for prefix, store in PREFIXES.items():
            if obj["id"].startswith(prefix):
                getattr(self, store)[obj["id"]] = obj
                self.owners[obj["id"]] = account
                return obj
        raise ValueError(obj["id"])

    def _find(self, object_id: str, account: str | None) -> dict | None:
        for prefix, store in PREFIXES.items():
            if object_id.startswith(prefix):
                found = getattr(self, store).get(object_id)
                if found is not None and self.owners.get(object_id) == account:
                    return found
                return None
        return None

    def _expanded(self, obj: dict, paths, account: str | None) -> dict:
        obj = copy.deepcopy(obj)
        for path in paths or []:
            self._expand_path(obj, path.split("."), account)
        return obj

    def _expand_path(self, node, parts: list[str], account: str | None) -> None:
        if not parts or not isinstance(node, dict):
            return
        head, rest = parts[0], parts[1:]
        if head == "data" and isinstance(node.get("data"), list):
            for item in node["data"]:
                self._expand_path(item, rest, account)
            return
        value = node.get(head)
        if isinstance(value, str):
            found = self._find(value, account)
            if found is not None:
                node[head] = value = copy.deepcopy(found)
        if isinstance(value, dict):
            self._expand_path(value, rest, account)

    # --- the API -------------------------------------------------------------------------

    def handle(self, method: str, path: str, form: dict, account: str | None):
        if self.down:
            return 500, {"error": {"type": "api_error", "message": "Stripe is down (fake)"}}
        expand = form.get("expand")
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._session_create(form, account)
        if method == "POST" and path == "/v1/refunds":
            return self._refund_create(form, account)
        if method == "GET" and path == "/v1/refunds":
            return 200, self._expanded(self._refund_list(form, account), expand, account)
        if method == "POST" and path == "/v1/accounts":
            return 200, self._account_add(**_account_fields(form))
        if method == "GET" and path.startswith("/v1/accounts/"):
            account_id = path.rsplit("/", 1)[1]
            found = self.accounts.get(account_id)
            return (200, found) if found else _no_account(account_id)
        if method == "POST" and path == "/v1/account_links":
            return 200, {
                "object": "account_link",
                "created": int(time.time()),
                "expires_at": int(time.time()) + 300,
                "url": f"{self.url}/onboarding/{form.get('account', '')}",
            }
        for prefix, name in (
            ("/v1/checkout/sessions/", "checkout.session"),
            ("/v1/payment_intents/", "payment_intent"),
            ("/v1/charges/", "charge"),
            ("/v1/refunds/", "refund"),
            ("/v1/balance_transactions/", "balance_transaction"),
            ("/v1/payouts/", "payout"),
        ):
            if method == "GET" and path.startswith(prefix):
                found = self._find(path.rsplit("/", 1)[1], account)
                if found is None:
                    return _missing(name)
                return 200, self._expanded(found, expand, account)
        return _missing(path)

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
        session_id = session_id or _new_id("cs_")
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

    def _refund_create(self, form: dict, account: str | None):
        intent_id = form.get("payment_intent")
        intent = self._find(intent_id, account) if intent_id else None
        charge = self._find(intent["latest_charge"], account) if intent else None
        if intent is None or charge is None:
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "code": "resource_missing",
                    "param": "payment_intent",
                    "message": f"No such payment_intent: '{intent_id}'",
                }
            }
        left = charge["amount"] - charge["amount_refunded"]
        amount = int(form["amount"]) if "amount" in form else left
        if amount <= 0 or amount > left:
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "code": "amount_too_large",
                    "param": "amount",
                    "message": (
                        f"Refund amount ({amount}) is greater than unrefunded amount on "
                        f"charge ({left})"
                    ),
                }
            }
        txn = self._balance_transaction(-amount, account, fee=self.refund_fee, kind="refund")
        refund = {
            "id": _new_id("re_"),
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

    def _balance_transaction(
        self, amount: int, account: str | None, fee: int | None = None, kind: str = "charge"
    ) -> dict:
        fee = abs(amount) * FEE_PERCENT // 100 if fee is None else fee
        txn = {
            "id": _new_id("txn_"),
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

    # --- what happens at Stripe without our asking ------------------------------------------

    def session_complete(self, session_id: str, fee: int | None = None) -> dict:
        """The guest paid on the fake checkout page: the session completes with a PaymentIntent
        whose charge has a balance transaction (fee: 3% unless given, in Stripe units)."""
        with self.lock:
            session = self.sessions[session_id]
            account = self.owners[session_id]
            amount = session["amount_total"]
            txn = self._balance_transaction(amount, account, fee=fee)
            intent_id = _new_id("pi_")
            charge = self._store(
                {
                    "id": _new_id("ch_"),
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

    def payout_create(self, account: str, amount: int, status: str = "pending") -> dict:
        with self.lock:
            payout = {
                "id": _new_id("po_"),
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

    def account_add(self, account_id: str | None = None, **fields) -> dict:
        """A connected account of the platform, in Stripe's Account shape (for tests: one that
        exists on Stripe already, e.g. to link with `manage.py stripe_connect`)."""
        with self.lock:
            return copy.deepcopy(self._account_add(account_id, **fields))

    def _account_add(self, account_id: str | None = None, **fields) -> dict:
        account_id = account_id or f"acct_1{secrets.token_hex(8)[:15].upper()}"
        due = ["business_profile.url", "external_account", "tos_acceptance.date"]
        account = {
            "id": account_id,
            "object": "account",
            "type": "express",
            "country": "ID",
            "email": None,
            "default_currency": "idr",
            "created": int(time.time()),
            "business_type": None,
            "business_profile": {"name": None, "mcc": None, "url": None},
            "capabilities": {},
            "charges_enabled": False,
            "payouts_enabled": False,
            "details_submitted": False,
            "requirements": {
                "currently_due": due,
                "eventually_due": due,
                "past_due": [],
                "pending_verification": [],
                "disabled_reason": "requirements.past_due",
                "current_deadline": None,
                "errors": [],
            },
            "metadata": {},
            "external_accounts": {
                "object": "list",
                "data": [],
                "has_more": False,
                "total_count": 0,
                "url": f"/v1/accounts/{account_id}/external_accounts",
            },
        }
        for key, value in fields.items():
            if isinstance(value, dict) and isinstance(account.get(key), dict):
                account[key] = {**account[key], **value}
            else:
                account[key] = value
        self.accounts[account_id] = account
        return account

    def account_update(self, account_id: str, **changes) -> dict:
        """Onboarding moves on at Stripe (and Stripe sends `account.updated` with this)."""
        with self.lock:
            account = self.accounts[account_id]
            account.update(changes)
            if changes.get("charges_enabled"):
                account["requirements"].update(currently_due=[], past_due=[], disabled_reason=None)
            return copy.deepcopy(account)


def _account_fields(form: dict) -> dict:
    """What the Account object echoes of the create request."""
    fields = {key: form[key] for key in ("type", "country", "email", "metadata") if key in form}
    fields["business_profile"] = form.get("business_profile", {})
    fields["capabilities"] = dict.fromkeys(form.get("capabilities", {}), "inactive")
    return fields


def _no_account(account_id: str):
    """Stripe's answer for an account that does not exist or is not the platform's."""
    return 403, {
        "error": {
            "type": "invalid_request_error",
            "code": "account_invalid",
            "message": (
                f"The provided key 'sk_test_****' does not have access to account "
                f"'{account_id}' (or that account does not exist). Application access may "
                "have been revoked."
            ),
        }
    }


def _missing(what: str):
    return 404, {
        "error": {
            "type": "invalid_request_error",
            "code": "resource_missing",
            "message": f"No such {what}",
        }
    }


def _handler(fake: FakeStripe):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _serve(self, method: str) -> None:
            path = urlsplit(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            if method == "GET" and path.startswith("/pay/") and path.endswith("/complete"):
                return self._complete(path.split("/")[2])
            if method == "GET" and path.startswith("/pay/"):
                return self._page(path.rsplit("/", 1)[1])
            form = parse_form(body) if body else parse_form(urlsplit(self.path).query)
            account = self.headers.get("Stripe-Account")
            key = self.headers.get("Idempotency-Key")
            with fake.lock:
                fake.requests.append(Recorded(method, path, form, account, key))
                if method == "POST" and key and (account, key) in fake.idempotent:
                    status, payload = fake.idempotent[(account, key)]
                else:
                    status, payload = fake.handle(method, path, form, account)
                    payload = copy.deepcopy(payload)
                    if method == "POST" and key and status < 500:
                        fake.idempotent[(account, key)] = (status, payload)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Request-Id", f"req_{secrets.token_hex(6)}")
            if status >= 500:
                self.send_header("Stripe-Should-Retry", "false")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _page(self, session_id: str) -> None:
            session = fake.sessions.get(session_id)
            if session is None:
                self.send_response(404)
                self.end_headers()
                return
            html = (
                "<!doctype html><title>Fake Checkout</title>"
                f"<h1>Pay IDR {session['amount_total']}</h1>"
                f"<p>{session['client_reference_id']}</p>"
                f'<a id="pay" href="/pay/{session_id}/complete">Pay</a> '
                f'<a id="cancel" href="{session["cancel_url"]}">Cancel</a>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def _complete(self, session_id: str) -> None:
            """The guest pressed "Pay": the session is paid, and the guest goes back."""
            session = fake.sessions.get(session_id)
            if session is not None and session["status"] == "open":
                fake.session_complete(session_id)
            if session is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(303)
            self.send_header("Location", session["success_url"])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):  # noqa: N802
            self._serve("GET")

        def do_POST(self):  # noqa: N802
            self._serve("POST")

    return Handler


def fake_stripe_start() -> FakeStripe:
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)  # port 0: a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    fake = FakeStripe(server=server, thread=thread)
    server.RequestHandlerClass = _handler(fake)
    thread.start()
    return fake
