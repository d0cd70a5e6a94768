"""The public site keeps its strict Content Security Policy; the admin gets the one Wagtail needs,
and neither lets a third party in."""

import pytest
from django.urls import reverse

from tours.models import TourPage, VillagePage

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def assert_public(response) -> None:
    assert response.status_code == 200
    directives = policy(response)
    own, *inline = directives["script-src"].split()
    assert own == "'self'"
    assert all(source.startswith("'nonce-") for source in inline)  # a nonce when a page uses one


def assert_admin(response) -> None:
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == "'self' 'unsafe-inline'"  # no nonce: it would void this
    assert directives["img-src"] == "'self' data: blob:"  # no Gravatar
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"


def test_public_pages_keep_the_strict_policy(client):
    tour = TourPage.objects.live().filter(locale__language_code="en").first()
    for path in ("/", "/en/", tour.url, "/search/?q=batik", "/api/v1/docs"):
        assert_public(client.get(path))


def test_the_admin_gets_the_policy_wagtail_needs(client, login):
    assert_admin(client.get("/admin/login/"))
    login("lipursari-editor")
    village = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    for path in ("/admin/", f"/admin/pages/{village.pk}/edit/", f"/admin/pages/{tour.pk}/edit/"):
        assert_admin(client.get(path))


def test_an_admin_view_can_still_add_to_the_admin_policy(client, login):
    login("lipursari-manager")
    directives = policy(client.get(reverse("stripe_connect:index")))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["form-action"] == "'self' https://connect.stripe.com"


def test_staff_avatars_are_not_fetched_from_gravatar(client, login):
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert "wagtailadmin/images/default-user-avatar" in html
    assert "gravatar" not in html
