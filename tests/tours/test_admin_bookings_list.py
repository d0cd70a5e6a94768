"""Invariant 6 on the staff's bookings list: operators see, search, filter and export only their
own BUMDes's bookings (exports never hand a formula to the spreadsheet); a superuser sees every
BUMDes; the queries do not grow with the rows."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from core.localtime import zone_info
from tests.tours.staff_screens import (
    LIST,
    book,
    departure_ahead,
    inspect_url,
    plain_tier,
    tour_of,
)
from tours.booking.holds import booking_hold

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = pytest.mark.django_db


def test_list_shows_own_bookings_only(client, login, own_booking, other_booking):
    login("lipursari-operator")
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert own_booking.reference in html and "Dewi Lestari" in html
    assert other_booking.reference not in html and "Budi Santoso" not in html
    assert 'lang="id"' in html  # the admin speaks Indonesian unless the user chose otherwise


def test_search_finds_reference_name_and_local_phone(client, login, own_booking, other_booking):
    login("plobangan-operator")
    for query in (other_booking.reference, "budi", "0857 0000 1111"):
        html = client.get(LIST, {"q": query}).content.decode()
        assert inspect_url(other_booking) in html, query
    html = client.get(LIST, {"q": own_booking.reference}).content.decode()
    assert inspect_url(own_booking) not in html


def test_filters_by_departure_date_status_and_tour(client, login, own_booking):
    login("lipursari-operator")
    later = book(departure_ahead(tour_of("lipursari"), days=9), name="Rina Wulandari")
    day = timezone.localtime(own_booking.departure.starts_at, JAKARTA).date().isoformat()
    html = client.get(LIST, {"date_from": day, "date_to": day}).content.decode()
    assert own_booking.reference in html and later.reference not in html
    html = client.get(LIST, {"status": "cancelled"}).content.decode()
    assert own_booking.reference not in html
    html = client.get(
        LIST, {"tour": own_booking.departure.tour_id, "channel": "direct"}
    ).content.decode()
    assert own_booking.reference in html


def test_tour_filter_offers_own_tours_only(client, login):
    login("lipursari-operator")
    html = client.get(LIST).content.decode()
    assert tour_of("lipursari").title in html
    assert tour_of("plobangan").title not in html
    # Choosing another BUMDes's tour is not a valid filter: it shows nothing of theirs.
    other_booking = book(departure_ahead(tour_of("plobangan")))
    html = client.get(LIST, {"tour": other_booking.departure.tour_id}).content.decode()
    assert other_booking.reference not in html


def test_csv_and_xlsx_exports_are_scoped(client, login, own_booking, other_booking):
    login("lipursari-operator")
    response = client.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    references = {row[0] for row in rows[1:]}
    assert own_booking.reference in references and other_booking.reference not in references
    row = next(row for row in rows if row[0] == own_booking.reference)
    assert str(own_booking.total) in row and "Dewi Lestari" in row

    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = {row[0] for row in workbook.active.iter_rows(values_only=True)}
    assert own_booking.reference in cells and other_booking.reference not in cells


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


def test_superuser_sees_every_bumdes(client, login, own_booking, other_booking):
    login("admin")
    html = client.get(LIST).content.decode()
    assert own_booking.reference in html and other_booking.reference in html
    response = client.get(inspect_url(other_booking))
    assert response.status_code == 200
    html = response.content.decode()
    assert other_booking.reference in html and "Budi Santoso" in html and "+6285700001111" in html
    assert other_booking.departure.tour.title in html


def test_holds_without_a_guests_name_are_hidden_unless_asked_for(client, login, own_booking):
    departure = departure_ahead(tour_of("lipursari"), days=5)
    tier = plain_tier(departure.tour)
    nameless, _ = booking_hold(departure_id=departure.pk, lines=[(tier.pk, 2)], language="id")
    named = book(departure_ahead(tour_of("lipursari"), days=6), name="Rina Wulandari")
    login("lipursari-operator")
    html = client.get(LIST).content.decode()
    assert named.reference in html and own_booking.reference in html
    assert nameless.reference not in html
    html = client.get(LIST, {"nameless": "shown"}).content.decode()
    assert nameless.reference in html and named.reference in html
    # The exports follow the list.
    response = client.get(LIST, {"export": "csv"})
    assert nameless.reference not in b"".join(response.streaming_content).decode()
