"""The Refunds panel of a booking in the admin: the treasurer or manager of the booking's own
BUMDes refunds what the policy gives (or another amount, with a reason), never more than was
paid; other BUMDes's staff get 404, operators and editors no buttons; every string translatable."""

import gettext as gettext_module

import pytest
from django.urls import reverse
from django.utils.translation import trans_real

from bumdes import chart
from bumdes.models import JournalEntry
from bumdes.postings import unearned_balance
from tests.admin_screens import english
from tests.payments.conftest import ACCOUNT
from tests.payments.refunding import (
    cash_booking,
    form_key,
    lines_of,
    paid_by_card,
    refund_entries,
    refund_event,
    refund_url,
    zero_trial_balance,
)
from tests.payments.test_webhooks import deliver
from tours.booking.books import booking_sale
from tours.booking.errors import BookingInvalid
from tours.models import BookingStatus, PaymentStatus, Refund
from tours.payments.refunds import refund_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_treasurer_gives_a_partial_card_refund_before_delivery(
    client, login, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 2)
    english("lipursari-treasurer")
    login("lipursari-treasurer")
    key = _open_the_refund_form(client, booking)
    _refused_without_a_reason_or_over_what_was_paid(client, booking, key)

    form = {"amount": "50.000", "reason": "Hujan, sebagian batal", "key": key}
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(refund_url(booking), form)
    assert done.status_code == 302
    refund = booking.refunds.get()
    _assert_sent_to_stripe_and_owed_to_the_guest(fake_stripe, refund)

    # A double tap makes no second refund.
    again = client.post(refund_url(booking), form)
    assert again.status_code == 302 and booking.refunds.count() == 1

    deliver(client, refund_event(fake_stripe, refund))
    _assert_paid_out_and_the_rest_still_refundable(booking, refund)


def _open_the_refund_form(client, booking) -> str:
    """The booking's page links to the form, which offers the policy's amount; returns its key."""
    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    assert refund_url(booking) in page
    response = client.get(refund_url(booking))
    assert response.status_code == 200
    assert response.context["form"].initial["amount"] == 200_000  # the policy: 100% today
    return form_key(response)


def _refused_without_a_reason_or_over_what_was_paid(client, booking, key: str) -> None:
    no_reason = client.post(refund_url(booking), {"amount": "50.000", "reason": "", "key": key})
    assert no_reason.status_code == 200
    assert "Say why the guest gets this amount back." in no_reason.content.decode()

    too_much = client.post(refund_url(booking), {"amount": "300.000", "reason": "x", "key": key})
    assert too_much.status_code == 200
    assert "At most Rp 200,000 can be refunded" in too_much.content.decode()
    assert not booking.refunds.exists()


def _assert_sent_to_stripe_and_owed_to_the_guest(fake_stripe, refund: Refund) -> None:
    assert (refund.amount, refund.method, refund.status, refund.after_delivery) == (
        50_000,
        "stripe",
        Refund.Status.SENT,
        False,
    )
    [sent] = fake_stripe.posted("/v1/refunds")
    assert (sent.stripe_account, sent.idempotency_key, sent.form["amount"]) == (
        ACCOUNT,
        f"refund-{refund.pk}",
        "5000000",
    )
    # Decided before delivery: it leaves unearned revenue at once, as a payable to the guest.
    owed = JournalEntry.objects.filter(
        source_type="refund_owed", source_ref=f"refund-{refund.pk}-owed"
    )
    assert lines_of(owed) == [
        (chart.UNEARNED, "debit", 50_000),
        (chart.REFUNDS_PAYABLE, "credit", 50_000),
    ]
    assert not refund_entries(refund).exists()


def _assert_paid_out_and_the_rest_still_refundable(booking, refund: Refund) -> None:
    """Stripe says the refund went out: the payable is settled, the booking stays confirmed,
    and no more than the Rp 150.000 left can still be refunded."""
    refund.refresh_from_db()
    booking.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert lines_of(refund_entries(refund)) == [
        (chart.GATEWAY, "credit", 50_000),
        (chart.REFUNDS_PAYABLE, "debit", 50_000),
    ]
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PARTLY_REFUNDED
    assert unearned_balance(booking_sale(booking)) == 150_000
    assert zero_trial_balance(booking.enterprise)
    with pytest.raises(BookingInvalid):
        refund_create(booking=booking, amount=150_001, reason="x")


def test_the_policy_amount_needs_no_reason(
    client, login, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 1)
    login("lipursari-manager")
    key = form_key(client.get(refund_url(booking)))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(refund_url(booking), {"amount": "100000", "reason": "", "key": key})
    assert response.status_code == 302
    refund = booking.refunds.get()
    assert refund.amount == 100_000 and refund.reason
    assert fake_stripe.posted("/v1/refunds")[0].form["amount"] == "10000000"


DENIED = "denied"  # Wagtail's "permission denied": back to the dashboard with a message


def answered(response, status) -> bool:
    if status == DENIED:
        return response.status_code == 302 and response["Location"] == "/admin/"
    return response.status_code == status


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("plobangan-treasurer", 404),
        ("gunturmadu-manager", 404),
        ("lipursari-operator", DENIED),
        ("lipursari-editor", DENIED),
    ],
)
def test_refund_screens_isolation(client, login, fake_stripe, username, status):
    booking = cash_booking()
    refund = refund_create(booking=booking, amount=10_000, reason="x")
    login(username)
    form = {"amount": "1000", "reason": "x", "key": "k"}
    assert answered(client.get(refund_url(booking)), status)
    assert answered(client.post(refund_url(booking), form), status)
    assert answered(client.post(reverse("booking_refunds:mark_paid", args=[refund.pk])), status)
    assert answered(client.post(reverse("booking_refunds:send", args=[refund.pk])), status)
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PENDING
    assert booking.refunds.count() == 1


def test_operators_see_refunds_but_no_refund_buttons(client, login, fake_stripe):
    booking = cash_booking()
    refund_create(booking=booking, amount=10_000, reason="Payung rusak")
    login("lipursari-operator")
    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    assert "Payung rusak" in page
    assert refund_url(booking) not in page
    assert "booking_refunds" not in page


class PseudoTranslation(gettext_module.NullTranslations):
    """Marks every translated string, to see which strings of a page go through gettext."""

    def __init__(self, real):
        super().__init__()
        self.real = real

    def gettext(self, message):
        return f"⟪{message}⟫"

    def ngettext(self, singular, plural, n):
        return f"⟪{singular if n == 1 else plural}⟫"

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_the_refund_screens_are_translatable(client, login, fake_stripe, monkeypatch):
    booking = cash_booking()
    login("lipursari-treasurer")
    key = form_key(client.get(refund_url(booking)))
    real = trans_real.translation("en")
    monkeypatch.setattr(trans_real, "translation", lambda language: PseudoTranslation(real))
    form = client.get(refund_url(booking)).content.decode()
    for text in (
        "Can still be given back",
        "Amount to give back (Rp)",
        "Refunded or owed back already",
    ):
        assert f"⟪{text}⟫" in form
    error = client.post(refund_url(booking), {"amount": "300000", "reason": "", "key": key})
    assert "⟪At most Rp 100,000 can be refunded" in error.content.decode()
    missing = client.post(refund_url(booking), {"amount": "5000", "reason": "", "key": key})
    assert "⟪Say why the guest gets this amount back.⟫" in missing.content.decode()
    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    assert "⟪Refunds⟫" in page
