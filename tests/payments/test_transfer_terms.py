"""What a guest paying by bank transfer is told and may do: the exact deadline on the village's
clock before choosing, the SWIFT/BIC of the account for guests abroad, and cancelling a booking
whose places wait for the transfer."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bumdes.models import Enterprise
from core.formats import local_date, local_time
from tests.payments.choosing_payment import lipursari, manage_url, review_url
from tests.tours.factories import GUEST_EN, DepartureFactory, hold
from tours.booking.cancelling import booking_cancel
from tours.models import BookingStatus, PaymentMethod
from tours.models.availability import seats_taken
from tours.payments.paying import booking_await_transfer, transfer_deadline

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def _held(days_ahead: int = 9, customer=None, quantity: int = 2):
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=days_ahead))
    kwargs = {"customer": customer} if customer else {}
    return hold(departure, quantity, now=timezone.now(), **kwargs)


def _awaiting_transfer(**kwargs):
    booking = _held(**kwargs)
    booking_await_transfer(booking=booking)
    booking.refresh_from_db()
    return booking


# The deadline --------------------------------------------------------------------------------


def test_the_review_step_says_the_transfer_deadline_on_the_village_clock(client):
    booking = _held()
    now = timezone.now()
    Enterprise.objects.filter(slug="lipursari").update(time_zone="Asia/Makassar")
    booking.refresh_from_db()
    until = transfer_deadline(booking, now)
    page = client.get(review_url(booking)).content.decode()
    choice = page.split('value="bank_transfer"')[1].split("</label>")[0]
    assert local_date(until, "id", zone=booking.zone) in choice
    assert local_time(until, "id", zone=booking.zone).endswith("WITA")
    assert local_time(until, "id", zone=booking.zone) in choice
    assert "dalam 2 hari" not in choice


def test_near_the_cut_off_the_deadline_is_the_cut_off(client):
    booking = _held(days_ahead=1)
    cutoff = booking.departure.starts_at - dt.timedelta(
        hours=12
    )  # Kelas Membatik closes 12 h before
    page = client.get(review_url(booking)).content.decode()
    choice = page.split('value="bank_transfer"')[1].split("</label>")[0]
    zone = booking.zone
    assert f"{local_date(cutoff, 'id', zone=zone)}, {local_time(cutoff, 'id', zone=zone)}" in choice


# Cancelling while the transfer is awaited -----------------------------------------------------


def test_the_guest_cancels_a_booking_awaiting_the_transfer(
    client, django_capture_on_commit_callbacks
):
    booking = _awaiting_transfer()
    page = client.get(manage_url(booking)).content.decode()
    cancel = (
        f"{reverse('booking_cancel', kwargs={'reference': booking.reference})}?t={booking.token}"
    )
    assert cancel.replace("&", "&amp;") in page.split('id="transfer-title"')[1]
    html = client.get(cancel).content.decode()
    assert "Belum ada pembayaran, jadi tidak ada yang terutang dan" in html

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel)
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert seats_taken(booking.departure, now=timezone.now()) == 0
    assert not booking.refunds.exists()
    [message] = mail.outbox
    assert booking.reference in message.subject
    page = client.get(manage_url(booking)).content.decode()
    assert "Belum ada pembayaran, jadi tidak ada yang terutang." in page


def test_an_unfinished_booking_has_no_cancel_page(client):
    booking = _held()
    cancel = (
        f"{reverse('booking_cancel', kwargs={'reference': booking.reference})}?t={booking.token}"
    )
    assert client.get(cancel)["Location"] == manage_url(booking)
    assert client.post(cancel).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_staff_dropping_an_unfinished_hold_still_releases_it_quietly():
    booking = _held()
    booking_cancel(booking=booking)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED and booking.payment_method == ""
    assert mail.outbox == []


# SWIFT/BIC for guests abroad -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"), [("brinidja", "BRINIDJA"), ("BNIN IDJA XXX", "BNINIDJAXXX")]
)
def test_the_swift_code_is_stored_in_capitals(typed, stored):
    enterprise = lipursari()
    enterprise.bank_swift = typed
    enterprise.full_clean()
    assert enterprise.bank_swift == stored


@pytest.mark.parametrize("typed", ["BRINID", "BRINIDJA1", "BRINIDJAXXXX", "12NIIDJA", "BRIN-IDJA"])
def test_a_swift_code_has_8_or_11_characters(typed):
    enterprise = lipursari()
    enterprise.bank_swift = typed
    with pytest.raises(ValidationError) as error:
        enterprise.full_clean()
    assert "bank_swift" in error.value.message_dict


def test_the_manager_gives_the_swift_code(client, login):
    login("lipursari-manager")
    url = reverse("payment_methods:index")
    assert 'name="bank_swift"' in client.get(url).content.decode()
    data = {
        "offer_cash": "on",
        "offer_bank_transfer": "on",
        "bank_name": "BRI",
        "bank_account_number": "1234567890",
        "bank_account_name": "BUMDes Lipursari Sejahtera",
        "bank_transfer_days": "2",
    }
    response = client.post(url, {**data, "bank_swift": "BRI"})
    assert list(response.context["form"].errors) == ["bank_swift"]
    assert client.post(url, {**data, "bank_swift": "brinidja"}).status_code == 302
    assert lipursari().bank_swift == "BRINIDJA"


def test_the_bumdes_page_has_the_swift_code(client, login):
    login("admin")
    html = client.get(f"/admin/snippets/bumdes/enterprise/edit/{lipursari().pk}/").content
    assert b'name="bank_swift"' in html


def test_guests_abroad_see_the_swift_code(client, django_capture_on_commit_callbacks):
    Enterprise.objects.filter(slug="lipursari").update(bank_swift="BRINIDJA")
    with django_capture_on_commit_callbacks(execute=True):
        abroad = _awaiting_transfer(customer=GUEST_EN)
        at_home = _awaiting_transfer()
    assert abroad.payment_method == PaymentMethod.BANK_TRANSFER
    assert "BRINIDJA" in client.get(manage_url(abroad)).content.decode()
    assert "BRINIDJA" not in client.get(manage_url(at_home)).content.decode()
    by_guest = {message.to[0]: message for message in mail.outbox}
    abroad_mail, home_mail = by_guest[GUEST_EN.email], by_guest["siti@contoh.id"]
    assert "SWIFT/BIC (from abroad): BRINIDJA" in abroad_mail.body
    assert "BRINIDJA" in abroad_mail.alternatives[0][0]
    assert "BRINIDJA" not in home_mail.body
