"""Sessions end after SESSION_IDLE_MINUTES without a request; passwords are at least 10
characters, not common, not all digits and not like the user's name; the demo's pass
(`sindoro-sumbing` under `make run`, the tests' own otherwise)."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from core.idle import LAST_SEEN
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _age_session(client, seconds: int) -> None:
    session = client.session
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()


def test_an_idle_login_ends(client, login, settings):
    login("lipursari-editor")
    assert client.get("/admin/").status_code == 200
    _age_session(client, settings.SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_an_active_login_stays(client, login, settings):
    login("lipursari-editor")
    client.get("/admin/")
    _age_session(client, settings.SESSION_IDLE_MINUTES * 60 - 120)
    assert client.get("/admin/").status_code == 200
    # That request counted as activity: the clock starts again.
    assert time.time() - client.session[LAST_SEEN] < 60


def test_a_partner_idle_login_ends_too(client, login, settings):
    login("hotel")
    assert client.get("/partner/").status_code == 200
    _age_session(client, settings.SESSION_IDLE_MINUTES * 60 + 5)
    assert client.get("/partner/").status_code == 302


@pytest.mark.parametrize(
    "password",
    ["short-pw1", "password123", "1234567890123", "lipursari-treasurer1"],
)
def test_weak_passwords_are_refused(password):
    user = get_user_model().objects.get(username="lipursari-treasurer")
    with pytest.raises(ValidationError):
        validate_password(password, user)


@pytest.mark.parametrize("password", ["sindoro-sumbing", DEMO_PASSWORD])
def test_the_demo_passwords_pass_for_every_demo_user(password):
    for user in get_user_model().objects.all():
        validate_password(password, user)
