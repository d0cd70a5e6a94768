"""Community members on a departure's page: the roles of the tour's community shares, who is
assigned, the "Assign" list in rotation order (fewest assignments this month first, the first
one suggested), remove; refused once the departure is booked in the accounts; invariant 6."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from bumdes.models import Counterparty, Enterprise
from tests.admin_screens import english, refused
from tests.tours.staff_screens import departure_ahead, departure_at, tour_of
from tours.booking.books import departure_deliver
from tours.booking.community import departure_assign
from tours.models import DepartureAssignment, TourShare

pytestmark = pytest.mark.django_db

ROLE = "pendamping kebun"  # a role of its own, so the demo's members are not in it


def edit_url(departure) -> str:
    return f"/admin/departures/edit/{departure.pk}/"


@pytest.fixture
def tour():
    tour = tour_of("lipursari")
    TourShare.objects.create(page=tour, role=ROLE, percent=15)
    return tour


@pytest.fixture
def people(tour):
    enterprise = Enterprise.objects.get(slug="lipursari")

    def member(name):
        return Counterparty.objects.create(
            enterprise=enterprise, kind="community", name=name, role=ROLE
        )

    return {"ani": member("Ani Kebun"), "bima": member("Bima Kebun"), "cici": member("Cici Kebun")}


def options(html: str) -> list[str]:
    """The names offered for ROLE, in order, with the suggestion marked."""
    select = html.split(f"Assign a {ROLE}", 1)[1].split("</select>", 1)[0]
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)
    ]


def test_the_assign_list_follows_the_rotation(client, login, tour, people):
    # Ani worked twice this month, Bima once, Cici not yet: Cici is suggested, Ani comes last.
    for days in (2, 3):
        departure_assign(
            departure=departure_ahead(tour, days=days), member=people["ani"], role=ROLE
        )
    departure_assign(departure=departure_ahead(tour, days=4), member=people["bima"], role=ROLE)
    departure = departure_ahead(tour, days=5)
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.get(edit_url(departure))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Community members on this departure" in html and "15% of each booking" in html
    names = [text.split(" · ")[0] for text in options(html)]
    ours = [name for name in names if name.endswith("Kebun")]
    assert ours == ["Cici Kebun", "Bima Kebun", "Ani Kebun"]
    assert options(html)[0].startswith("Cici Kebun") and options(html)[0].endswith("suggested")
    assert sum("suggested" in text for text in options(html)) == 1


def test_assign_and_remove(client, login, tour, people):
    departure = departure_ahead(tour, days=5)
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.post(
        edit_url(departure), {"action": "assign", "role": ROLE, "member": people["bima"].pk}
    )
    assert response.status_code == 302
    assignment = DepartureAssignment.objects.get(departure=departure)
    assert (assignment.member, assignment.role) == (people["bima"], ROLE)
    html = client.get(edit_url(departure)).content.decode()
    assert "Bima Kebun" in html.split(f"Assign a {ROLE}", 1)[0]  # listed as assigned
    assert not any(text.startswith("Bima Kebun") for text in options(html))  # not offered again

    client.post(edit_url(departure), {"action": "unassign", "assignment": assignment.pk})
    assert not DepartureAssignment.objects.filter(departure=departure).exists()


def test_refused_once_the_departure_is_booked_in_the_accounts(client, login, tour, people):
    past = departure_at(tour, timezone.now() - dt.timedelta(days=2))
    kept = DepartureAssignment.objects.create(departure=past, member=people["ani"], role=ROLE)
    departure_deliver(departure=past)
    english("lipursari-operator")
    login("lipursari-operator")
    html = client.get(edit_url(past)).content.decode()
    assert "booked in the accounts" in html
    assert f"Assign a {ROLE}" not in html and 'value="unassign"' not in html
    client.post(edit_url(past), {"action": "assign", "role": ROLE, "member": people["bima"].pk})
    client.post(edit_url(past), {"action": "unassign", "assignment": kept.pk})
    assert list(DepartureAssignment.objects.filter(departure=past)) == [kept]


def test_another_bumdes_departure_or_member_cannot_be_used(client, login, tour, people):
    other_departure = departure_ahead(tour_of("plobangan"), days=5)
    login("lipursari-operator")
    response = client.post(
        edit_url(other_departure),
        {"action": "assign", "role": ROLE, "member": people["ani"].pk},
    )
    assert response.status_code == 404
    assert client.get(edit_url(other_departure)).status_code == 404

    stranger = Counterparty.objects.create(
        enterprise=Enterprise.objects.get(slug="plobangan"), kind="community", name="Orang Lain"
    )
    departure = departure_ahead(tour, days=5)
    client.post(edit_url(departure), {"action": "assign", "role": ROLE, "member": stranger.pk})
    assert not DepartureAssignment.objects.filter(departure=departure).exists()
    html = client.get(edit_url(departure)).content.decode()
    assert "Orang Lain" not in html

    login("plobangan-operator")
    theirs = DepartureAssignment.objects.create(
        departure=departure, member=people["ani"], role=ROLE
    )
    response = client.post(edit_url(departure), {"action": "unassign", "assignment": theirs.pk})
    assert response.status_code == 404
    assert DepartureAssignment.objects.filter(pk=theirs.pk).exists()


def test_only_roles_of_the_tour_are_assigned(client, login, tour, people):
    departure = departure_ahead(tour, days=5)
    login("lipursari-operator")
    client.post(
        edit_url(departure), {"action": "assign", "role": "penyanyi", "member": people["ani"].pk}
    )
    assert not DepartureAssignment.objects.filter(departure=departure).exists()


def test_treasurers_cannot_assign(client, login, tour, people):
    departure = departure_ahead(tour, days=5)
    login("lipursari-treasurer")
    response = client.post(
        edit_url(departure), {"action": "assign", "role": ROLE, "member": people["ani"].pk}
    )
    assert refused(response)
    assert not DepartureAssignment.objects.filter(departure=departure).exists()
