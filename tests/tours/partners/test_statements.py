"""A partner's monthly statement: its lines and totals on fixed cases, its closing balance equal
to the books', a month's opening balance equal to the month before's closing, and the exports."""

import datetime as dt

import pytest

from bumdes import chart, postings
from tests.tours.partners.books_setup import (
    deliver,
    guest_pays_hotel,
    on_account_agent,
    paid_booking,
    partner_book,
    village,
)
from tours.models import PartnerSettlement, PaymentMethod
from tours.partners.books import settlement_record
from tours.partners.statements import statement_csv, statement_for, statement_pdf

pytestmark = pytest.mark.django_db


def _settle(agreement, direction, amount, date):
    return settlement_record(
        agreement=agreement, direction=direction, amount=amount, date=date,
        method="bank_transfer", note="Transfer", key=f"{direction}-{amount}",
    )  # fmt: skip


def test_on_account_statement_agrees_with_the_books():
    departure, tier, odd = village()
    partner = on_account_agent()
    partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    partner_book(partner, departure, odd, 1, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    agreement = partner.agreements.get()
    _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, 150_000, dt.date(2030, 5, 25))

    may = statement_for(agreement, 2030, 5)
    rows = [(b.gross, b.commission, b.net) for b in may.bookings]
    # 15% of 225.000 = 33.750; 15% of 75.004 = 11.250,6 -> 11.251
    assert sorted(rows) == [(75_004, 11_251, 63_753), (225_000, 33_750, 191_250)]
    assert (may.opening, may.net, may.settled, may.closing) == (0, 255_003, 150_000, 105_003)
    assert may.closing == may.opening + may.added - may.settled
    assert may.closing == postings.counterparty_balance(agreement.counterparty, chart.RECEIVABLES)

    june = statement_for(agreement, 2030, 6)
    assert (june.opening, june.bookings, june.closing) == (105_003, [], 105_003)
    april = statement_for(agreement, 2030, 4)
    assert (april.opening, april.closing) == (0, 0)


def test_guest_pays_statement_shows_the_commission_owed():
    departure, tier, _odd = village()
    partner = guest_pays_hotel()
    paid_booking(partner, departure, tier, 3)
    deliver(departure)
    agreement = partner.agreements.get()
    _settle(agreement, PartnerSettlement.Direction.TO_PARTNER, 20_000, dt.date(2030, 5, 31))
    may = statement_for(agreement, 2030, 5)
    assert [(b.gross, b.commission, b.net) for b in may.bookings] == [(225_000, 28_125, 196_875)]
    assert (may.added, may.settled, may.closing) == (28_125, 20_000, 8_125)
    payable = postings.counterparty_balance(agreement.counterparty, chart.COMMISSION_PAYABLE)
    assert may.closing == -payable


def test_a_month_that_does_not_exist_is_refused():
    village()
    agreement = guest_pays_hotel().agreements.get()
    with pytest.raises(ValueError):
        statement_for(agreement, 2030, 13)


def test_exports_carry_the_statements_figures():
    departure, tier, _odd = village()
    partner = on_account_agent()
    booking = partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    statement = statement_for(partner.agreements.get(), 2030, 5)
    csv = statement_csv(statement)
    assert f"2030-05-04,{booking.reference},Siti Rahayu,Tur Mitra,225000,33750,191250" in csv
    assert "Saldo akhir 31 Mei 2030,191250" in csv
    assert statement_pdf(statement).startswith(b"%PDF")


# The portal's statement screens ---------------------------------------------------------------


@pytest.fixture
def delivered_agent(django_user_model):
    departure, tier, _odd = village()
    partner = on_account_agent()
    booking = partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    user = django_user_model.objects.create_user("agen-uji", password="x")
    partner.users.add(user)
    return partner.agreements.get(), user, booking


def test_the_partner_reads_its_statement_and_downloads_it(client, delivered_agent):
    agreement, user, booking = delivered_agent
    client.force_login(user)
    page = client.get(f"/partner/statements/{agreement.pk}/2030/5/")
    assert page.status_code == 200
    text = page.content.decode()
    assert booking.reference in text and "191.250" in text and "33.750" in text
    csv = client.get(f"/partner/statements/{agreement.pk}/2030/5/csv/")
    assert csv["Content-Type"].startswith("text/csv") and b"191250" in csv.content
    pdf = client.get(f"/partner/statements/{agreement.pk}/2030/5/pdf/")
    assert pdf.content.startswith(b"%PDF")
    assert client.get(f"/partner/statements/{agreement.pk}/2030/13/").status_code == 404


def test_another_partner_gets_404(client, delivered_agent, django_user_model):
    agreement, _user, _booking = delivered_agent
    other = guest_pays_hotel("hotel-lain")
    stranger = django_user_model.objects.create_user("lain-uji", password="x")
    other.users.add(stranger)
    client.force_login(stranger)
    for suffix in ("", "csv/", "pdf/"):
        assert client.get(f"/partner/statements/{agreement.pk}/2030/5/{suffix}").status_code == 404
    own = other.agreements.get()
    assert client.get(f"/partner/statements/{own.pk}/2030/5/").status_code == 200


def test_the_statement_needs_a_login(client, delivered_agent):
    agreement, _user, _booking = delivered_agent
    response = client.get(f"/partner/statements/{agreement.pk}/2030/5/")
    assert response.status_code == 302 and response["Location"].startswith("/partner/login/")
