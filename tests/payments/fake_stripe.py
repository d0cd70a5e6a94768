"""A small local fake of Stripe's API, for the real `stripe` SDK pointed at it through
`STRIPE_API_BASE` (stripe-mock cannot be installed here; see FACTS.md).

Implements what the payments code uses: Checkout Sessions (create, retrieve, and a fake hosted
checkout page), Refunds, Balance Transactions and Account Links. Every request is recorded with
its parsed form body, its `Stripe-Account` header and its `Idempotency-Key`, so tests can assert
the connected account and the keys. A repeated idempotency key returns the first response, as
Stripe does.
"""

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

FEE_PERCENT = 3  # the fake balance transaction's fee: 3% of the amount (in Stripe units)


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
    refunds: dict = field(default_factory=dict)
    balance_transactions: dict = field(default_factory=dict)
    idempotent: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def posted(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    # --- the API -------------------------------------------------------------------------

    def handle(self, method: str, path: str, form: dict, account: str | None):
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._session_create(form, account)
        if method == "GET" and path.startswith("/v1/checkout/sessions/"):
            session = self.sessions.get(path.rsplit("/", 1)[1])
            return (200, session) if session else _missing("checkout.session")
        if method == "POST" and path == "/v1/refunds":
            return 200, self._refund_create(form, account)
        if method == "GET" and path.startswith("/v1/balance_transactions/"):
            txn = self.balance_transactions.get(path.rsplit("/", 1)[1])
            return (200, txn) if txn else _missing("balance_transaction")
        if method == "POST" and path == "/v1/account_links":
            return 200, {
                "object": "account_link",
                "created": int(time.time()),
                "expires_at": int(time.time()) + 300,
                "url": f"{self.url}/onboarding/{form.get('account', '')}",
            }
        return _missing(path)

    def _session_create(self, form: dict, account: str | None) -> dict:
        session_id = f"cs_test_{secrets.token_hex(12)}"
        amount = sum(
            int(item["price_data"]["unit_amount"]) * int(item["quantity"])
            for item in form.get("line_items", [])
        )
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"{self.url}/pay/{session_id}",
            "amount_total": amount,
            "currency": form.get("currency") or "idr",
            "client_reference_id": form.get("client_reference_id"),
            "customer_email": form.get("customer_email"),
            "metadata": form.get("metadata", {}),
            "expires_at": int(form["expires_at"]) if "expires_at" in form else None,
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "mode": form.get("mode", "payment"),
            "locale": form.get("locale"),
            "success_url": form.get("success_url"),
            "cancel_url": form.get("cancel_url"),
            "account": account,
        }
        self.sessions[session_id] = session
        return session

    def _refund_create(self, form: dict, account: str | None) -> dict:
        refund_id = f"re_test_{secrets.token_hex(12)}"
        txn = self._balance_transaction(-int(form.get("amount", 0)), fee=0)
        refund = {
            "id": refund_id,
            "object": "refund",
            "amount": int(form.get("amount", 0)),
            "currency": "idr",
            "payment_intent": form.get("payment_intent"),
            "charge": form.get("charge"),
            "metadata": form.get("metadata", {}),
            "status": "succeeded",
            "balance_transaction": txn["id"],
        }
        self.refunds[refund_id] = refund
        return refund

    def _balance_transaction(self, amount: int, fee: int | None = None) -> dict:
        txn_id = f"txn_test_{secrets.token_hex(12)}"
        fee = abs(amount) * FEE_PERCENT // 100 if fee is None else fee
        txn = {
            "id": txn_id,
            "object": "balance_transaction",
            "amount": amount,
            "fee": fee,
            "net": amount - fee,
            "currency": "idr",
        }
        self.balance_transactions[txn_id] = txn
        return txn

    def session_complete(self, session_id: str) -> dict:
        """The guest paid on the fake checkout page: the session completes with a charge."""
        session = self.sessions[session_id]
        txn = self._balance_transaction(session["amount_total"])
        session.update(
            status="complete",
            payment_status="paid",
            payment_intent=f"pi_test_{secrets.token_hex(12)}",
            balance_transaction=txn["id"],
        )
        return session


def _missing(what: str):
    return 404, {"error": {"type": "invalid_request_error", "message": f"No such {what}"}}


def _handler(fake: FakeStripe):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _serve(self, method: str) -> None:
            path = urlsplit(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
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
                    if method == "POST" and key:
                        fake.idempotent[(account, key)] = (status, payload)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Request-Id", f"req_{secrets.token_hex(6)}")
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
                f'<a id="pay" href="{session["success_url"]}">Pay</a> '
                f'<a id="cancel" href="{session["cancel_url"]}">Cancel</a>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

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
