"""Invariant 6 on the staff screens for bookings: list, exports, detail, actions, staff booking.

Operators see and change only their own BUMDes's bookings; another BUMDes's booking is a 404 on
every URL and absent from lists and exports. Treasurers only read; editors cannot reach them.

The helpers at the top (departures and bookings made through the services) are shared with the
other staff-screen test modules. Departures are extra slots at 10.xx WIB a few days ahead, so
they never clash with the demo's own departures.
"""

import csv
import datetime as dt
import io
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.users.models import UserProfile

from core.localtime import zone_info
from tours.booking.booking_input import Customer
from tours.booking.departures import departure_add_extra
from tours.models import Booking, Departure, TourPage
from tours.payments.paying import booking_create

JAKARTA = zone_info("Asia/Jakarta")

_minutes = itertools.count(17)


def tour_of(enterprise_slug: str, with_id_tier: bool = False) -> TourPage:
    """An Indonesian tour page of the enterprise (one with an ID-checked tier if asked)."""
    tours = TourPage.objects.filter(
        locale__language_code="id", business_unit__enterprise__slug=enterprise_slug
    ).order_by("pk")
    if with_id_tier:
        tours = tours.filter(price_tiers__requires_id=True).distinct()
    return tours.first()


def departure_ahead(tour: TourPage, days: int = 6, capacity: int = 20) -> Departure:
    """An extra slot `days` days ahead at 10.xx WIB (each call a new minute)."""
    day = timezone.localtime(timezone.now(), JAKARTA).date() + dt.timedelta(days=days)
    starts_at = dt.datetime.combine(day, dt.time(10, 1 + next(_minutes) % 59), tzinfo=JAKARTA)
    return departure_add_extra(tour=tour, starts_at=starts_at, capacity=capacity)


def departure_at(tour: TourPage, starts_at: dt.datetime, capacity: int = 20) -> Departure:
    """A slot at any time, even in the past (added as if three days before it)."""
    return departure_add_extra(
        tour=tour,
        starts_at=starts_at,
        capacity=capacity,
        now=starts_at - dt.timedelta(days=3),
    )


def departure_today(tour: TourPage, capacity: int = 20) -> Departure:
    """A slot later today (local date), or a minute ago when the day is nearly over."""
    now = timezone.now()
    local = timezone.localtime(now, JAKARTA)
    end_of_day = dt.datetime.combine(local.date(), dt.time(23, 58), tzinfo=JAKARTA)
    starts_at = min(now + dt.timedelta(hours=3), end_of_day)
    if starts_at <= now:
        starts_at = now - dt.timedelta(seconds=30)
    return departure_at(tour, starts_at.replace(microsecond=0), capacity)


def plain_tier(tour: TourPage, requires_id: bool | None = None):
    tiers = tour.price_tiers.filter(min_quantity__isnull=True).order_by("sort_order", "pk")
    if requires_id is not None:
        tiers = tiers.filter(requires_id=requires_id)
    return tiers.first()


def book(
    departure: Departure,
    people: int = 2,
    name: str = "Siti Rahayu",
    phone: str = "+6281234567890",
    email: str = "siti@contoh.id",
    lines=None,
) -> Booking:
    """A confirmed cash booking, made three days before the departure (before any cut-off)."""
    if lines is None:
        lines = [(plain_tier(departure.tour).pk, people)]
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=lines,
        customer=Customer(name=name, email=email, phone=phone, country="ID", language="id"),
        payment_method="cash",
        now=departure.starts_at - dt.timedelta(days=3),
    )
    return booking


def english(username: str) -> None:
    """Show the admin in English to this user, so tests read the English message ids."""
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = "en"
    profile.save()


pytestmark = pytest.mark.django_db

LIST = "/admin/bookings/"


def refused(response) -> bool:
    """Wagtail answers a missing permission with a redirect to the dashboard (or a 403)."""
    if response.status_code == 302:
        return response["Location"].startswith("/admin/login/") or response["Location"] == "/admin/"
    return response.status_code == 403


def inspect_url(booking: Booking) -> str:
    return f"/admin/bookings/inspect/{booking.pk}/"


@pytest.fixture
def own():
    """A Lipursari booking (the operator's own) and a Plobangan one (another BUMDes)."""
    return book(departure_ahead(tour_of("lipursari")), name="Dewi Lestari")


@pytest.fixture
def other():
    return book(departure_ahead(tour_of("plobangan")), name="Budi Santoso", phone="+6285700001111")


# The list ---------------------------------------------------------------------------------------


def test_list_shows_own_bookings_only(client, login, own, other):
    login("lipursari-operator")
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert own.reference in html and "Dewi Lestari" in html
    assert other.reference not in html and "Budi Santoso" not in html
    assert 'lang="id"' in html  # the admin speaks Indonesian unless the user chose otherwise


def test_search_finds_reference_name_and_local_phone(client, login, own, other):
    login("plobangan-operator")
    for query in (other.reference, "budi", "0857 0000 1111"):
        html = client.get(LIST, {"q": query}).content.decode()
        assert inspect_url(other) in html, query
    html = client.get(LIST, {"q": own.reference}).content.decode()
    assert inspect_url(own) not in html


def test_filters_by_departure_date_status_and_tour(client, login, own):
    login("lipursari-operator")
    later = book(departure_ahead(tour_of("lipursari"), days=9), name="Rina Wulandari")
    day = timezone.localtime(own.departure.starts_at, JAKARTA).date().isoformat()
    html = client.get(LIST, {"date_from": day, "date_to": day}).content.decode()
    assert own.reference in html and later.reference not in html
    html = client.get(LIST, {"status": "cancelled"}).content.decode()
    assert own.reference not in html
    html = client.get(LIST, {"tour": own.departure.tour_id, "channel": "direct"}).content.decode()
    assert own.reference in html


def test_tour_filter_offers_own_tours_only(client, login):
    login("lipursari-operator")
    html = client.get(LIST).content.decode()
    assert tour_of("lipursari").title in html
    assert tour_of("plobangan").title not in html
    # Choosing another BUMDes's tour is not a valid filter: it shows nothing of theirs.
    other = book(departure_ahead(tour_of("plobangan")))
    html = client.get(LIST, {"tour": other.departure.tour_id}).content.decode()
    assert other.reference not in html


def test_csv_and_xlsx_exports_are_scoped(client, login, own, other):
    from openpyxl import load_workbook

    login("lipursari-operator")
    response = client.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    references = {row[0] for row in rows[1:]}
    assert own.reference in references and other.reference not in references
    row = next(row for row in rows if row[0] == own.reference)
    assert str(own.total) in row and "Dewi Lestari" in row

    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = {row[0] for row in workbook.active.iter_rows(values_only=True)}
    assert own.reference in cells and other.reference not in cells


def test_exports_never_hand_a_formula_to_the_spreadsheet(client, login):
    booking = book(departure_ahead(tour_of("lipursari")), name='=HYPERLINK("http://x","y")')
    login("lipursari-operator")
    response = client.get(LIST, {"export": "csv", "q": booking.reference})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert "+6281234567890" in text  # phone numbers stay as they are
    response = client.get(f"/admin/departures/manifest/{booking.departure_id}/", {"export": "csv"})
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_list_queries_do_not_grow_with_the_rows(client, login, django_assert_max_num_queries):
    login("lipursari-operator")
    departure = departure_ahead(tour_of("lipursari"))
    for index in range(12):
        book(departure, people=1, name=f"Tamu {index}")
    client.get(LIST)
    with django_assert_max_num_queries(25):
        html = client.get(LIST).content.decode()
    assert html.count("/admin/bookings/inspect/") >= 12


def test_superuser_sees_every_bumdes(client, login, own, other):
    login("admin")
    html = client.get(LIST).content.decode()
    assert own.reference in html and other.reference in html
    assert client.get(inspect_url(other)).status_code == 200


# Detail and actions -----------------------------------------------------------------------------


def test_detail_shows_lines_customer_departure_and_history(client, login, own):
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.get(inspect_url(own))
    html = response.content.decode()
    assert response.status_code == 200
    assert own.reference in html and "Dewi Lestari" in html and "+6281234567890" in html
    assert own.lines.get().label in html
    assert own.departure.tour.title in html
    assert "Places held" in html and "Confirmed" in html  # the history
    assert f"/admin/bookings/cancel/{own.pk}/" in html
    assert "Delete" not in html


def test_another_bumdes_booking_is_not_found_anywhere(client, login, other):
    login("lipursari-operator")
    assert client.get(inspect_url(other)).status_code == 404
    for action in ("check-in", "no-show", "cancel"):
        response = client.post(f"/admin/bookings/{action}/{other.pk}/", {"reason": "x"})
        assert response.status_code == 404, action
    assert client.get(f"/admin/bookings/cancel/{other.pk}/").status_code == 404
    other.refresh_from_db()
    assert other.status == "confirmed" and other.checked_in_at is None


def test_bookings_are_never_edited_or_deleted_through_the_admin(client, login, own):
    login("admin")
    for url in (f"/admin/bookings/edit/{own.pk}/", f"/admin/bookings/delete/{own.pk}/"):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Booking.objects.filter(pk=own.pk).exists()


def test_cancel_follows_the_policy_by_default(client, login, own):
    login("lipursari-operator")
    response = client.get(f"/admin/bookings/cancel/{own.pk}/")
    assert response.status_code == 200
    response = client.post(
        f"/admin/bookings/cancel/{own.pk}/", {"reason": "Tamu sakit", "refund": "policy"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == "cancelled"
    assert own.refund_percent == 100  # six days ahead: full refund under the demo policy
    event = own.events.get(kind="cancelled")
    assert event.note == "Tamu sakit" and event.user.username == "lipursari-operator"


def test_cancel_with_village_cancelling_gives_everything_back(client, login):
    login("lipursari-operator")
    booking = book(departure_ahead(tour_of("lipursari"), days=1))
    client.post(
        f"/admin/bookings/cancel/{booking.pk}/", {"reason": "Hujan deras", "refund": "full"}
    )
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.refund_percent == 100


def test_cancel_needs_a_reason(client, login, own):
    login("lipursari-operator")
    response = client.post(f"/admin/bookings/cancel/{own.pk}/", {"reason": "", "refund": "policy"})
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.status == "confirmed"


def test_no_show_only_after_the_start(client, login, own):
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.post(f"/admin/bookings/no-show/{own.pk}/", follow=True)
    own.refresh_from_db()
    assert own.status == "confirmed"
    assert "once the departure started" in response.content.decode()

    started = departure_at(tour_of("lipursari"), timezone.now() - dt.timedelta(hours=2))
    booking = book(started)
    client.post(f"/admin/bookings/no-show/{booking.pk}/")
    booking.refresh_from_db()
    assert booking.status == "no_show"


def test_check_in_from_the_detail_page(client, login):
    login("lipursari-operator")
    booking = book(departure_today(tour_of("lipursari")))
    html = client.get(inspect_url(booking)).content.decode()
    assert f"/admin/bookings/check-in/{booking.pk}/" in html
    client.post(f"/admin/bookings/check-in/{booking.pk}/")
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


def test_treasurer_reads_but_does_not_change(client, login, own, other):
    login("lipursari-treasurer")
    assert client.get(LIST).status_code == 200
    html = client.get(inspect_url(own)).content.decode()
    assert own.reference in html
    assert f"/admin/bookings/cancel/{own.pk}/" not in html
    assert client.get(inspect_url(other)).status_code == 404
    assert refused(client.get(f"/admin/bookings/cancel/{own.pk}/"))
    assert refused(client.post(f"/admin/bookings/check-in/{own.pk}/"))
    assert refused(client.get("/admin/bookings/new/"))
    own.refresh_from_db()
    assert own.checked_in_at is None


def test_editors_cannot_reach_the_booking_screens(client, login, own):
    login("lipursari-editor")
    for url in (
        LIST,
        inspect_url(own),
        "/admin/bookings/new/",
        f"/admin/bookings/cancel/{own.pk}/",
    ):
        assert refused(client.get(url)), url
    assert refused(client.post(f"/admin/bookings/check-in/{own.pk}/"))


def test_bookings_menu_is_shown_to_staff_with_the_permissions(client, login):
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    for url in (
        "/admin/bookings/",
        "/admin/departures/",
        "/admin/check-in/",
        "/admin/bookings/new/",
    ):
        assert url in html, url
    login("lipursari-treasurer")
    html = client.get("/admin/").content.decode()
    assert "/admin/bookings/" in html and "/admin/check-in/" not in html
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert "/admin/bookings/" not in html and "/admin/departures/" not in html


# Staff bookings ---------------------------------------------------------------------------------


def test_staff_booking_lists_own_departures_of_the_day(client, login):
    own_departure = departure_ahead(tour_of("lipursari"), days=4)
    other_departure = departure_ahead(tour_of("plobangan"), days=4)
    login("lipursari-operator")
    day = timezone.localtime(own_departure.starts_at, JAKARTA).date().isoformat()
    html = client.get("/admin/bookings/new/", {"date": day}).content.decode()
    assert f"/admin/bookings/new/{own_departure.pk}/" in html
    assert f"/admin/bookings/new/{other_departure.pk}/" not in html
    assert client.get(f"/admin/bookings/new/{other_departure.pk}/").status_code == 404


def staff_form(departure, **fields):
    tier = plain_tier(departure.tour)
    return {
        f"tier_{tier.pk}": 3,
        "name": "Pak Joko",
        "phone": "0812 2222 3333",
        "email": "joko@contoh.id",
        "country": "id",
        "language": "id",
        "key": "walk-in-1",
        **fields,
    }


def test_staff_booking_is_made_confirmed_in_cash(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    login("lipursari-operator")
    url = f"/admin/bookings/new/{departure.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, staff_form(departure))
    booking = Booking.objects.get(departure=departure)
    assert response.status_code == 302 and response["Location"] == inspect_url(booking)
    assert booking.channel == "staff" and booking.payment_method == "cash"
    assert booking.status == "confirmed" and booking.seats == 3
    assert booking.created_by.username == "lipursari-operator"
    assert booking.customer_country == "ID"
    assert booking.customer_phone == "+6281222223333"  # typed as "0812 2222 3333"
    # A double tap on a slow connection does not book twice.
    client.post(url, staff_form(departure))
    assert Booking.objects.filter(departure=departure).count() == 1


def test_staff_booking_shows_the_services_errors_and_writes_nothing(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    english("lipursari-operator")
    login("lipursari-operator")
    url = f"/admin/bookings/new/{departure.pk}/"
    response = client.post(url, staff_form(departure, phone="12"))
    assert response.status_code == 200
    assert "This number is too short." in response.content.decode()
    tier = plain_tier(departure.tour)
    response = client.post(url, staff_form(departure, **{f"tier_{tier.pk}": 0}))
    assert "Choose how many people come" in response.content.decode()
    response = client.post(url, staff_form(departure, **{f"tier_{tier.pk}": 50}))
    assert response.status_code == 200
    assert not Booking.objects.filter(departure=departure).exists()


def test_staff_booking_for_another_bumdes_departure_is_refused(client, login):
    departure = departure_ahead(tour_of("plobangan"), days=3)
    login("lipursari-operator")
    response = client.post(f"/admin/bookings/new/{departure.pk}/", staff_form(departure))
    assert response.status_code == 404
    assert not Booking.objects.filter(departure=departure).exists()
