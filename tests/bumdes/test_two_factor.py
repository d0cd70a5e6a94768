"""Two-step sign-in (TOTP): treasurers and managers are sent to set it up before the admin opens
when it is required; anyone who turned it on enters this session's code; the code is the real
RFC 6238 one an authenticator app computes."""

import time
from base64 import b32decode, b32encode

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def no_code_throttle(settings):
    """django-otp makes a device wait after a wrong code (tested below); these retry at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def _code(secret: str, seconds_ago: int = 0) -> str:
    """What the staff member's app shows, computed from the key the setup page printed."""
    app = TOTP(b32decode(secret), step=30, t0=0, digits=6)
    app.time = time.time() - seconds_ago
    return f"{app.token():06d}"


def _password_login(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": DEMO_PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 302
    return response


def _secret_on_setup_page(client) -> str:
    response = client.get(SETUP)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data:image/svg+xml" in html  # the QR code
    return html.split("data-two-factor-secret>")[1].split("<")[0]


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("username", ["lipursari-treasurer", "plobangan-manager"])
def test_officers_are_sent_to_set_up_two_step_sign_in(client, username):
    _password_login(client, username)
    for path in ("/admin/", "/admin/pages/", "/admin/reports/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{SETUP}?next=")

    secret = _secret_on_setup_page(client)
    response = client.post(SETUP, {"code": "000000" if _code(secret) != "000000" else "111111"})
    assert response.status_code == 200 and "tidak benar" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post(SETUP, {"code": _code(secret), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user__username=username).confirmed


@pytest.mark.usefixtures("required")
def test_next_login_asks_for_the_code(client):
    user = get_user_model().objects.get(username="lipursari-treasurer")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    _password_login(client, "lipursari-treasurer")
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.post(VERIFY, {"code": "12345"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    secret = b32encode(device.bin_key).decode()
    response = client.post(VERIFY, {"code": _code(secret), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("required")
def test_editors_and_operators_are_not_required(client):
    _password_login(client, "lipursari-editor")
    assert client.get("/admin/").status_code == 200
    _password_login(client, "lipursari-operator")
    assert client.get("/admin/").status_code == 200


def test_not_required_unless_the_setting_says_so(client):
    _password_login(client, "lipursari-treasurer")
    assert client.get("/admin/").status_code == 200


def test_any_staff_member_may_turn_it_on_and_off(client):
    _password_login(client, "lipursari-editor")
    assert SETUP in client.get("/admin/account/").content.decode()
    secret = _secret_on_setup_page(client)
    assert client.post(SETUP, {"code": _code(secret)}).status_code == 302
    client.post("/admin/logout/")
    _password_login(client, "lipursari-editor")
    assert client.get("/admin/").status_code == 302  # the code first
    client.post(VERIFY, {"code": _code(secret)})
    assert client.get("/admin/").status_code == 302  # a code used once is not taken again
    client.post(VERIFY, {"code": _code(secret, seconds_ago=-30)})  # the app's next code
    assert client.get("/admin/").status_code == 200
    client.post(SETUP, {"turn_off": "1"})
    assert not TOTPDevice.objects.filter(user__username="lipursari-editor").exists()


@pytest.mark.usefixtures("required")
def test_an_officer_cannot_turn_it_off(client):
    test_officers_are_sent_to_set_up_two_step_sign_in(client, "lipursari-manager")
    client.post(SETUP, {"turn_off": "1"})
    assert TOTPDevice.objects.filter(user__username="lipursari-manager", confirmed=True).exists()


def test_a_stale_code_is_refused(client):
    _password_login(client, "lipursari-editor")
    secret = _secret_on_setup_page(client)
    assert client.post(SETUP, {"code": _code(secret, seconds_ago=600)}).status_code == 200


def test_a_wrong_code_makes_the_next_try_wait(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    _password_login(client, "lipursari-editor")
    secret = _secret_on_setup_page(client)
    wrong = "000000" if _code(secret) != "000000" else "111111"
    client.post(SETUP, {"code": wrong})
    assert client.post(SETUP, {"code": _code(secret)}).status_code == 200


def test_the_password_alone_cannot_turn_it_off(client):
    user = get_user_model().objects.get(username="lipursari-editor")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    _password_login(client, "lipursari-editor")
    response = client.post(SETUP, {"turn_off": "1"})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
