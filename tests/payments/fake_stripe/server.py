"""The fake's HTTP side: one FakeStripe holding every resource, the routes of the API it answers,
idempotency keys, the fake hosted Checkout page, and a server on a free local port."""

import copy
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.payments.fake_stripe.accounts import Accounts, account_fields, no_account
from tests.payments.fake_stripe.balance import Balance
from tests.payments.fake_stripe.checkout import Checkout
from tests.payments.fake_stripe.forms import parse_form
from tests.payments.fake_stripe.payouts import Payouts
from tests.payments.fake_stripe.refunds import Refunds
from tests.payments.fake_stripe.store import Recorded, Store, missing

# GET /v1/<resource>/<id>: the object, expanded as asked, if it lives on the caller's account.
RETRIEVABLE = (
    ("/v1/checkout/sessions/", "checkout.session"),
    ("/v1/payment_intents/", "payment_intent"),
    ("/v1/charges/", "charge"),
    ("/v1/refunds/", "refund"),
    ("/v1/balance_transactions/", "balance_transaction"),
    ("/v1/payouts/", "payout"),
)


@dataclass
class FakeStripe(Store, Balance, Checkout, Refunds, Payouts, Accounts):
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

    def handle(self, method: str, path: str, form: dict, account: str | None):
        """One API call: (HTTP status, JSON payload)."""
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
            return 200, self._account_add(**account_fields(form))
        if method == "GET" and path.startswith("/v1/accounts/"):
            account_id = path.rsplit("/", 1)[1]
            found = self.accounts.get(account_id)
            return (200, found) if found else no_account(account_id)
        if method == "POST" and path == "/v1/account_links":
            return 200, self._account_link(form)
        for prefix, name in RETRIEVABLE:
            if method == "GET" and path.startswith(prefix):
                found = self._find(path.rsplit("/", 1)[1], account)
                if found is None:
                    return missing(name)
                return 200, self._expanded(found, expand, account)
        return missing(path)


class FakeStripeHandler(BaseHTTPRequestHandler):
    """One HTTP request to the fake: the hosted Checkout page, or a call to the API.
    `_handler` makes a subclass per server that names its `fake`."""

    fake: FakeStripe

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        self._serve("GET")

    def do_POST(self):  # noqa: N802
        self._serve("POST")

    def _serve(self, method: str) -> None:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if method == "GET" and path.startswith("/pay/") and path.endswith("/complete"):
            return self._complete(path.split("/")[2])
        if method == "GET" and path.startswith("/pay/"):
            return self._page(path.rsplit("/", 1)[1])
        form = parse_form(body) if body else parse_form(urlsplit(self.path).query)
        status, payload = self._answer(method, path, form)
        self._send_json(status, payload)

    def _answer(self, method: str, path: str, form: dict) -> tuple[int, dict]:
        """Record the call; a POST with an idempotency key already seen gets the same answer."""
        fake = self.fake
        account = self.headers.get("Stripe-Account")
        key = self.headers.get("Idempotency-Key")
        with fake.lock:
            fake.requests.append(Recorded(method, path, form, account, key))
            if method == "POST" and key and (account, key) in fake.idempotent:
                return fake.idempotent[(account, key)]
            status, payload = fake.handle(method, path, form, account)
            payload = copy.deepcopy(payload)
            if method == "POST" and key and status < 500:
                fake.idempotent[(account, key)] = (status, payload)
        return status, payload

    def _send_json(self, status: int, payload: dict) -> None:
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
        session = self.fake.sessions.get(session_id)
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
        session = self.fake.sessions.get(session_id)
        if session is not None and session["status"] == "open":
            self.fake.session_complete(session_id)
        if session is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(303)
        self.send_header("Location", session["success_url"])
        self.send_header("Content-Length", "0")
        self.end_headers()


def _handler(fake: FakeStripe) -> type[FakeStripeHandler]:
    return type("Handler", (FakeStripeHandler,), {"fake": fake})


def fake_stripe_start() -> FakeStripe:
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)  # port 0: a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    fake = FakeStripe(server=server, thread=thread)
    server.RequestHandlerClass = _handler(fake)
    thread.start()
    return fake
