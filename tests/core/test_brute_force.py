"""Brute force: wrong passwords lock a user name, and a client address, out of the admin's login
and the partner portal's (django-axes); password reset e-mails are throttled per e-mail address
and per client address."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
PORTAL_LOGIN = "/partner/login/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _login(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_user_out_of_the_admin(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, ADMIN_LOGIN, "lipursari-treasurer", "wrong").status_code == 200
    assert _login(client, ADMIN_LOGIN, "lipursari-treasurer", "wrong").status_code == 429
    # The right password no longer helps, from this address or any other.
    for address in ("203.0.113.7", "198.51.100.20"):
        response = _login(client, ADMIN_LOGIN, "lipursari-treasurer", DEMO_PASSWORD, address)
        assert response.status_code == 429
        assert int(response["Retry-After"]) == 15 * 60
        assert "Terlalu banyak percobaan masuk" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_a_user_locked_out_from_many_addresses(client, settings):
    """Per user: spreading the guesses over addresses does not help."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ADMIN_LOGIN, "lipursari-manager", "wrong", f"198.51.100.{n + 1}")
    response = _login(client, ADMIN_LOGIN, "lipursari-manager", DEMO_PASSWORD, "192.0.2.99")
    assert response.status_code == 429


def test_an_address_locked_out_across_user_names(client, settings):
    """Per address: guessing a different user name each time does not help either."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ADMIN_LOGIN, f"nobody-{n}", "wrong")
    assert _login(client, ADMIN_LOGIN, "lipursari-editor", DEMO_PASSWORD).status_code == 429
    # Another address still logs in.
    response = _login(client, ADMIN_LOGIN, "lipursari-editor", DEMO_PASSWORD, "192.0.2.5")
    assert response.status_code == 302


def test_success_before_the_limit_clears_the_count(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, ADMIN_LOGIN, "lipursari-editor", "wrong")
    assert _login(client, ADMIN_LOGIN, "lipursari-editor", DEMO_PASSWORD).status_code == 302


def test_partner_portal_locks_out_too(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, PORTAL_LOGIN, "hotel", "wrong")
    response = _login(client, PORTAL_LOGIN, "hotel", DEMO_PASSWORD, "192.0.2.44")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def _reset(client, email, address="203.0.113.7"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def _staff_email():
    user = get_user_model().objects.get(username="lipursari-treasurer")
    user.email = "bendahara@lipursari.example"
    user.save(update_fields=["email"])
    return user.email


def test_password_resets_are_throttled_per_email_address(client):
    email = _staff_email()
    for n in range(10):
        assert _reset(client, email, f"198.51.100.{n + 1}").status_code == 302
    assert len(mail.outbox) == 3


def test_password_resets_are_throttled_per_client_address(client):
    email = _staff_email()
    for n in range(12):
        _reset(client, f"nobody-{n}@example.invalid")
    _reset(client, email)
    assert mail.outbox == []
    _reset(client, email, "192.0.2.5")
    assert len(mail.outbox) == 1
