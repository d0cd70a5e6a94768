"""What a group sees of its deposit and balance: the manage page and the balance page (only with
the token), no balance e-mail once paid, and the deposit and balance due on the staff's pages."""

import pytest
from django.core import mail
from django.urls import reverse

from core.formats import local_date
from tests.tours.factories import wib
from tests.tours.group_deposits import (
    BALANCE,
    DUE_AT,
    deposits_asked,
    group_booking,
    transfer_received,
    url,
    with_deposit_paid,
)
from tours.booking.notifications import booking_email_send
from tours.booking.overdue import balances_overdue_handle
from tours.models import UnpaidBalance

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_the_manage_page_shows_the_balance_and_needs_the_token(client):
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))

    response = client.get(url("booking_manage", booking))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="balance"' in page
    assert "Rp 360.000" in page and "Rp 840.000" in page
    assert local_date(DUE_AT, "id") in page and "23.59" in page
    assert url("booking_pay_balance", booking).replace("&", "&amp;") in page

    for name in ("booking_manage", "booking_pay_balance"):
        assert client.get(reverse(name, kwargs={"reference": booking.reference})).status_code == 404
        assert client.get(url(name, booking, token="wrong")).status_code == 404


def test_the_balance_page_shows_the_bank_transfer_details(client):
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))

    response = client.get(url("booking_pay_balance", booking))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "DEMO-0000000002" in page  # Lipursari's demo account
    assert "Rp 840.000" in page and booking.reference in page
    assert "<form" not in page.split('id="balance"')[1]  # no card payment without Stripe

    # Without Stripe a POST changes nothing and shows the page again with a message.
    response = client.post(url("booking_pay_balance", booking))
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.checkout_session_id == ""


def test_nothing_to_pay_leads_back_to_the_booking(client):
    booking = group_booking(3)
    transfer_received(booking, booking.total)
    response = client.get(url("booking_pay_balance", booking))
    assert response.status_code == 302
    assert response["Location"] == url("booking_manage", booking)
    page = client.get(url("booking_manage", booking)).content.decode()
    assert 'id="balance"' not in page


def test_no_balance_e_mail_once_the_balance_is_paid():
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))
    transfer_received(booking, BALANCE, now=wib(2030, 3, 7, 10, 0))
    mail.outbox.clear()
    booking_email_send.call(booking.pk, "balance_due")
    assert mail.outbox == []


def test_staff_see_the_deposit_and_the_balance_due(client, login):
    deposits_asked(UnpaidBalance.COLLECT)
    booking = with_deposit_paid(group_booking(12))
    balances_overdue_handle(now=DUE_AT)
    login("lipursari-operator")
    html = client.get(f"/admin/bookings/inspect/{booking.pk}/").content.decode()
    assert "Rp 360.000" in html and "Rp 840.000" in html
    assert local_date(DUE_AT, "id") in html or local_date(DUE_AT, "en") in html
    assert "Rp 840.000 — <strong>" in html  # to collect at arrival
