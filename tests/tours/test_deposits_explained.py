"""A group asked for a deposit is told before it pays: on the review step, on the held booking's
transfer box and in the transfer e-mail, that the amount is the deposit (with its percentage),
what remains and by when. The figures are `balance_summary`'s, never worked out in a template."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from core.formats import local_date, local_time
from tests.tours.factories import DepartureFactory, hold
from tests.tours.group_deposits import deposits_asked, url
from tours.booking.deposits import balance_summary
from tours.models import PaymentMethod
from tours.payments.paying import booking_await_transfer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]

# 17 people at Rp 100.000: a 30% deposit of Rp 510.000, Rp 1.190.000 later.
PEOPLE, TOTAL, DEPOSIT, REST = 17, 1_700_000, 510_000, 1_190_000


def _group_held():
    deposits_asked()
    now = timezone.now()
    departure = DepartureFactory(starts_at=now + dt.timedelta(days=20), capacity=40)
    return hold(departure, PEOPLE, now=now)


def test_a_held_group_booking_has_its_deposit_summed_up():
    booking = _group_held()
    summary = balance_summary(booking)
    assert summary.state == "held"
    assert (summary.percent, summary.due_now, summary.later, summary.owed) == (
        30,
        DEPOSIT,
        REST,
        TOTAL,
    )
    assert summary.due_at == booking.balance_due_at
    assert not (summary.card or summary.bank)  # nothing to pay on the balance page yet


def test_the_review_step_explains_the_deposit(client):
    booking = _group_held()
    page = client.get(url("booking_review", booking)).content.decode()
    box = page.split('id="deposit-title"')[1].split("</section>")[0]
    assert "Uang muka yang dibayar sekarang (30%)" in box
    assert "Rp 510.000" in box and "Rp 1.190.000" in box and "Rp 1.700.000" in box
    assert local_date(booking.balance_due_at, "id", zone=booking.zone) in box
    assert "23.59" in box
    assert "tunai" in box  # cash on arrival pays everything on the day


def test_a_small_group_sees_no_deposit(client):
    deposits_asked()
    now = timezone.now()
    booking = hold(DepartureFactory(starts_at=now + dt.timedelta(days=20)), 2, now=now)
    assert 'id="deposit-title"' not in client.get(url("booking_review", booking)).content.decode()


def test_the_transfer_box_and_e_mail_say_it_is_the_deposit(
    client, django_capture_on_commit_callbacks
):
    booking = _group_held()
    with django_capture_on_commit_callbacks(execute=True):
        booking_await_transfer(booking=booking)
    booking.refresh_from_db()
    assert booking.payment_method == PaymentMethod.BANK_TRANSFER
    due = booking.balance_due_at

    page = client.get(url("booking_manage", booking)).content.decode()
    box = page.split('id="transfer-title"')[1].split("</section>")[0]
    assert "Uang muka yang dibayar sekarang (30%)" in box and "Rp 510.000" in box
    assert "Sisanya, Rp 1.190.000 dari total Rp 1.700.000" in box
    assert local_date(due, "id", zone=booking.zone) in box
    assert 'id="balance"' not in page  # the box says it once

    [message] = mail.outbox
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "Uang muka yang dibayar sekarang (30%)" in text and "Rp 510.000" in text
        assert "Sisanya, Rp 1.190.000 dari total Rp 1.700.000" in text
        zone = booking.zone
        assert f"{local_date(due, 'id', zone=zone)}, {local_time(due, 'id', zone=zone)}" in text
