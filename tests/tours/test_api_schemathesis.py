"""Schemathesis against the public API, in-process (the Django WSGI app on the test database, in
the test's transaction): every check, examples from the schema, valid and invalid, for each
operation, then its stateful mode (sequences of calls linked by what one answer gives the next).
A bounded number of examples with Hypothesis's fixed seed, so a run is the same every time and
takes seconds.

One setting is not the default, for two operations whose rules OpenAPI cannot state: a
booking (POST /api/v1/bookings/) that fits the schema may still be refused with 400, because
whether it can be made depends on what is stored (the departure exists and is open, the tiers
are its tour's, the group size, the village's ways to pay) and on whether the phone number can
be called; a departures list may be refused with 400 when `to` is before `from` or more than
366 days after it (a rule between two parameters; the operation's description states it). For
those two the check that schema-valid data is accepted also counts 400 as an answer; every other
check, and that one for every other operation, runs as schemathesis ships it.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

pytestmark = pytest.mark.django_db

ALSO_400 = '["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]'
CONFIG = SchemathesisConfig.from_str(
    f"""
[[operations]]
include-path = "/api/v1/bookings/"
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = {ALSO_400}

[[operations]]
include-path = "/api/v1/tours/{{tour_id}}/departures/"
include-method = "GET"
checks.positive_data_acceptance.expected-statuses = {ALSO_400}
"""
)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
)
# The werkzeug client the WSGI transport uses does not unzip: ask for plain answers.
HEADERS = {"Accept-Encoding": "identity"}
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def in_the_tests_transaction(settings):
    """Django's test client keeps the connection between requests; the WSGI app would close
    it after each one (and with it the test's transaction). Rate limits off: every example
    reaches the checks it is made for."""
    settings.BOOKING_RATE_LIMIT = "0"
    settings.PARTNER_API_RATE_LIMIT = "0"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@EXAMPLES
def test_each_operation(case):
    case.call_and_validate(headers=HEADERS)


class Workflow(schema.as_state_machine()):
    def get_call_kwargs(self, case):
        return {"headers": HEADERS}


class TestWorkflow(Workflow.TestCase):
    settings = settings(EXAMPLES, max_examples=15, stateful_step_count=5)
