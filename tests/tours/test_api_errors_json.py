"""Every error answer under /api/ is JSON: an address no operation has (404), a method an
operation does not take (405), a crash (500), and the database out of reach (503 with
Retry-After). The database failures are real: the connection points at a port where nothing
listens, or its PostgreSQL connection is closed under it."""

import socket

import pytest
from django.db import connection
from django.test import Client

from tests.tours.api_calls import TOURS

NOT_JSON_BEFORE = ["/api/v1/nope/", "/api/nope/", "/api/v1/tours/999999/departures/x/"]


def quiet_client() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("url", NOT_JSON_BEFORE)
def test_an_unknown_api_address_is_json_404(url):
    response = quiet_client().get(url)
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "Tidak ditemukan."}


@pytest.mark.django_db
def test_a_method_the_operation_does_not_take_is_json_405():
    response = quiet_client().put(TOURS, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {
        "error": "method_not_allowed",
        "message": "This address does not take this method.",
    }
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_a_crash_is_json_500(monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("tours.api.tours.tours_published", crash)
    response = quiet_client().get(TOURS)
    assert response.status_code == 500
    assert response.json()["error"] == "server_error"
    assert "a bug" not in response.content.decode()


@pytest.fixture
def closed_port():
    """A loopback port bound by no listener: connecting there is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def database_elsewhere(django_db_blocker, closed_port):
    """Our connection, pointed at a port where no PostgreSQL listens, for one test."""
    with django_db_blocker.unblock():
        connection.close()
        saved = connection.settings_dict["PORT"]
        connection.settings_dict["PORT"] = str(closed_port)
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["PORT"] = saved


@pytest.mark.parametrize(
    "url", [TOURS, f"{TOURS}1/departures/", "/api/v1/bookings/ABC/?token=x", "/api/v1/nope/"]
)
def test_the_database_out_of_reach_is_json_503_with_retry_after(database_elsewhere, url):
    response = quiet_client().get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["error"] == "unavailable"


def test_a_partners_key_with_the_database_out_of_reach_is_503(database_elsewhere):
    response = quiet_client().get("/api/v1/bookings/", HTTP_AUTHORIZATION="Bearer dw_x")
    assert response.status_code == 503


def test_a_booking_with_the_database_connection_closed_under_it_is_503(django_db_blocker):
    """PostgreSQL's connection closed under Django (a restart): InterfaceError, then 503."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        connection.connection.close()
        try:
            response = quiet_client().get("/api/v1/bookings/ABC/?token=x")
        finally:
            connection.close()
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"


def test_the_pages_are_not_touched(database_elsewhere):
    """Only the API answers JSON: a page keeps the site's own error page."""
    response = quiet_client().get("/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
