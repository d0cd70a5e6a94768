"""Refunds: through Stripe's Refunds API for card payments (on the BUMDes's connected account,
idempotency key `refund-<id>`, amount × 100), posted only when Stripe reports them, once, whatever
the order and number of the events; by hand for cash and bank; from the admin by the treasurer or
manager of the booking's own BUMDes only. The trial balance stays zero throughout."""

import datetime as dt
import gettext as gettext_module

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import trans_real

from bumdes import chart
from bumdes.ledger import balances
from bumdes.models import JournalEntry, JournalLine
from bumdes.postings import unearned_balance
from core.formats import rupiah
from tests.payments.conftest import ACCOUNT
from tests.payments.test_webhooks import deliver, event, session_for
from tests.tours.factories import BOOKED_AT, STARTS_AT, DepartureFactory, confirmed, hold
from tests.tours.test_admin_bookings import english
from tours.booking.books import booking_sale, departure_deliver, payment_record, refund_mark_paid
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.models import BookingStatus, PaymentMethod, PaymentStatus, Refund
from tours.payments.refund_sending import RefundNotSent, refund_send, refunds_send_pending
from tours.payments.refunds import refund_create
from tours.payments.stripe_api import stripe_refund_create

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


# Helpers ----------------------------------------------------------------------------------------


def paid_by_card(client, fake, people: int = 2, departure=None):
    """A booking paid through the fake Checkout, confirmed by the webhook."""
    booking = hold(departure or DepartureFactory(), people)
    paid = event(
        f"evt_paid_{booking.reference}",
        "checkout.session.completed",
        session_for(fake, booking),
    )
    assert deliver(client, paid).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    return booking


def cancelled_and_sent(client, fake, capture, people: int = 2):
    """A card booking cancelled by its guest (full refund by the policy, sent to Stripe)."""
    booking = paid_by_card(client, fake, people)
    with capture(execute=True):
        booking_cancel(booking=booking, reason="Sakit")
    refund = booking.refunds.get()
    assert refund.status == Refund.Status.SENT
    return booking, refund


def refund_event(fake, refund: Refund, kind: str = "refund.updated", suffix: str = "") -> dict:
    stripe_refund = dict(fake.refunds[refund.provider_ref])
    return event(
        f"evt_{kind}_{stripe_refund['id']}_{stripe_refund['status']}{suffix}", kind, stripe_refund
    )


def charge_event(fake, stripe_refund_id: str, suffix: str = "") -> dict:
    charge = dict(fake.charges[fake.refunds[stripe_refund_id]["charge"]])
    return event(
        f"evt_charge_{charge['id']}_{charge['amount_refunded']}{suffix}", "charge.refunded", charge
    )


def refund_entries(refund: Refund):
    return JournalEntry.objects.filter(
        source_type="refund", source_ref__startswith=f"refund-{refund.pk}-"
    )


def lines_of(entries) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(entry__in=entries).values_list("account__code", "side", "amount")
    )


def zero_trial_balance(enterprise) -> bool:
    return sum(balances(enterprise).values()) == 0


# Sent through Stripe, posted when Stripe says so ---------------------------------------------


def test_a_guest_cancelling_through_the_manage_link_is_refunded_through_stripe(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 2)
    payment = booking.payments.get()
    url = f"{reverse('booking_cancel', kwargs={'reference': booking.reference})}?t={booking.token}"

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    refund = booking.refunds.get()
    assert (refund.method, refund.amount, refund.status) == ("stripe", 200_000, "sent")
    [sent] = fake_stripe.posted("/v1/refunds")
    assert sent.stripe_account == ACCOUNT
    assert sent.idempotency_key == f"refund-{refund.pk}"
    assert sent.form["amount"] == "20000000"
    assert sent.form["payment_intent"] == payment.provider_payment
    assert sent.form["metadata"] == {"booking": booking.reference, "refund": str(refund.pk)}
    assert refund.provider_ref == next(iter(fake_stripe.refunds))
    assert refund.sent_at is not None
    # Nothing is posted for the refund until Stripe reports it.
    assert not refund_entries(refund).exists()
    assert booking.payment_status == PaymentStatus.PAID

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(client, charge_event(fake_stripe, refund.provider_ref)).status_code == 200

    refund.refresh_from_db()
    booking.refresh_from_db()
    assert refund.status == Refund.Status.PAID and refund.paid_at is not None
    assert lines_of(refund_entries(refund)) == [
        (chart.GATEWAY, "credit", 200_000),
        (chart.REFUNDS_PAYABLE, "debit", 200_000),
    ]
    assert booking.payment_status == PaymentStatus.REFUNDED
    assert zero_trial_balance(booking.enterprise)
    [message] = mail.outbox
    assert message.to == [booking.customer_email]
    assert booking.reference in message.subject
    assert rupiah(200_000, "id") in message.body


@pytest.mark.parametrize(
    "order",
    [
        ["updated", "charge", "updated", "charge"],
        ["charge", "updated", "created", "charge"],
        ["created", "created", "updated", "charge", "updated"],
    ],
)
def test_events_in_any_order_and_replayed_post_once(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks, order
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    seen: dict[str, int] = {}
    for kind in order:
        seen[kind] = seen.get(kind, 0) + 1
        # A repeat is either the same event again or a new event saying the same thing.
        suffix = "" if seen[kind] % 2 else f"-{seen[kind]}"
        if kind == "charge":
            payload = charge_event(fake_stripe, refund.provider_ref, suffix)
        else:
            payload = refund_event(fake_stripe, refund, f"refund.{kind}", suffix)
        assert deliver(client, payload).status_code == 200

    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1
    assert booking.events.filter(kind="refund_paid").count() == 1
    assert zero_trial_balance(booking.enterprise)


def test_a_pending_refund_is_posted_when_it_succeeds(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_status = "pending"
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund, "refund.created"))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert not refund_entries(refund).exists()

    fake_stripe.refund_update(refund.provider_ref, "succeeded")
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1


def test_a_stale_pending_event_after_success_changes_nothing(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_status = "pending"
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    stale = refund_event(fake_stripe, refund, "refund.created")
    fake_stripe.refund_update(refund.provider_ref, "succeeded")
    deliver(client, refund_event(fake_stripe, refund))
    deliver(client, stale)  # arrives last; Stripe's current word is "succeeded"
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1


def test_the_fee_stripe_reports_for_a_refund_is_posted(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_fee = 150_000  # Rp 1.500
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.fee == 1_500
    assert lines_of(refund_entries(refund)) == [
        (chart.GATEWAY, "credit", 201_500),
        (chart.REFUNDS_PAYABLE, "debit", 200_000),
        (chart.PAYMENT_FEES, "debit", 1_500),
    ]
    assert zero_trial_balance(booking.enterprise)


def test_a_failed_refund_posts_nothing_and_can_be_sent_again(
    client, login, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    first = refund.provider_ref
    fake_stripe.refund_update(first, "failed", "expired_or_canceled_card")
    failed_event = refund_event(fake_stripe, refund)
    assert deliver(client, failed_event).status_code == 200

    refund.refresh_from_db()
    assert refund.status == Refund.Status.FAILED
    assert refund.failure_reason == "expired_or_canceled_card"
    assert not refund_entries(refund).exists()
    assert zero_trial_balance(booking.enterprise)

    # The treasurer sends it again from the booking's page: a new Stripe refund, a new key.
    login("lipursari-treasurer")
    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    send_url = reverse("booking_refunds:send", args=[refund.pk])
    assert send_url in page and "expired_or_canceled_card" in page
    assert client.post(send_url).status_code == 302
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert refund.provider_ref not in ("", first)
    keys = [request.idempotency_key for request in fake_stripe.posted("/v1/refunds")]
    assert keys[0] == f"refund-{refund.pk}"
    assert keys[1].startswith(f"refund-{refund.pk}-") and keys[1] != keys[0]

    # The old failure told again changes nothing; the charge's refunds now include the new one.
    deliver(
        client, event("evt_old_failure_again", "refund.updated", failed_event["data"]["object"])
    )
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    deliver(client, charge_event(fake_stripe, refund.provider_ref))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1
    assert zero_trial_balance(booking.enterprise)


def test_a_refund_that_fails_after_succeeding_is_reversed_once(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    [posted] = refund_entries(refund)

    fake_stripe.refund_update(refund.provider_ref, "failed", "lost_or_stolen_card")
    for suffix in ("", "", "-again"):
        deliver(client, refund_event(fake_stripe, refund, suffix=suffix))

    refund.refresh_from_db()
    booking.refresh_from_db()
    assert refund.status == Refund.Status.FAILED
    assert JournalEntry.objects.filter(reverses=posted).count() == 1
    assert booking.payment_status == PaymentStatus.PAID  # nothing refunded any more
    assert zero_trial_balance(booking.enterprise)
    # Still owed to the guest.
    sale = booking_sale(booking)
    owed = JournalLine.objects.filter(
        enterprise=booking.enterprise,
        booking_ref=sale.booking_ref,
        account__code=chart.REFUNDS_PAYABLE,
    ).values_list("side", "amount")
    assert sum(amount if side == "credit" else -amount for side, amount in owed) == 200_000


def test_when_stripe_cannot_be_reached_the_refund_waits(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 1)
    fake_stripe.down = True
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, reason="Sakit")
    refund = booking.refunds.get()
    assert refund.status == Refund.Status.PENDING  # the task could not send it
    with pytest.raises(RefundNotSent):
        refund_send(refund=refund)
    refund.refresh_from_db()
    assert (refund.status, refund.provider_ref) == (Refund.Status.PENDING, "")

    fake_stripe.down = False
    assert refunds_send_pending() == 1
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    # Every try used the same key, so a refund Stripe had made would have been found again.
    assert {r.idempotency_key for r in fake_stripe.posted("/v1/refunds")} == {f"refund-{refund.pk}"}


def test_a_refund_whose_answer_was_lost_is_recognised(client, fake_stripe, lipursari_stripe):
    booking = paid_by_card(client, fake_stripe, 1)
    booking_cancel(booking=booking, reason="Sakit")  # no commit: the task did not run
    refund = booking.refunds.get()
    # Stripe made the refund but our record of it never committed.
    made = stripe_refund_create(
        refund,
        payment_intent=booking.payments.get().provider_payment,
        idempotency_key=f"refund-{refund.pk}",
    )
    deliver(client, event("evt_lost", "refund.updated", made.to_dict()))
    refund.refresh_from_db()
    assert (refund.status, refund.provider_ref) == (Refund.Status.PAID, made.id)
    # Sending it now does nothing: it is paid.
    refund_send(refund=refund)
    assert len(fake_stripe.posted("/v1/refunds")) == 1


def test_refunds_that_are_not_ours_are_ignored(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    other_account = refund_event(fake_stripe, refund)
    other_account["account"] = "acct_other"
    other_account["id"] = "evt_other_account"
    deliver(client, other_account)
    stranger = dict(fake_stripe.refunds[refund.provider_ref], id="re_dashboard", metadata={})
    deliver(client, event("evt_dashboard", "refund.updated", stranger))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert not refund_entries(refund).exists()


def test_paid_after_the_places_were_gone_is_refunded_and_the_guest_told(
    client, fake_stripe, lipursari_stripe, monkeypatch, django_capture_on_commit_callbacks
):
    departure = DepartureFactory(capacity=2)
    late = hold(departure, 2)
    confirmed(departure, 2, now=late.hold_expires_at + dt.timedelta(minutes=1))
    later = late.hold_expires_at + dt.timedelta(minutes=2)
    monkeypatch.setattr("tours.payments.webhooks.timezone.now", lambda: later)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(
            client, event("evt_late", "checkout.session.completed", session_for(fake_stripe, late))
        )

    refund = late.refunds.get()
    assert refund.status == Refund.Status.SENT
    [sent] = fake_stripe.posted("/v1/refunds")
    assert (sent.stripe_account, sent.idempotency_key, sent.form["amount"]) == (
        ACCOUNT,
        f"refund-{refund.pk}",
        "20000000",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, charge_event(fake_stripe, refund.provider_ref))
    refund.refresh_from_db()
    late.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert late.status == BookingStatus.EXPIRED
    assert departure.bookings.filter(status=BookingStatus.CONFIRMED).count() == 1
    assert zero_trial_balance(late.enterprise)
    [message] = mail.outbox
    with translation.override(late.language):
        told = _(
            "Hello %(name)s, your payment arrived after the places on this departure had been "
            "taken by other guests, so we could not confirm your booking. We are sorry: you get "
            "the full amount back."
        ) % {"name": late.customer_name}
    assert told in message.body


# The admin --------------------------------------------------------------------------------------


def refund_url(booking) -> str:
    return reverse("booking_refunds:add", args=[booking.pk])


def form_key(response) -> str:
    return response.context["form"].initial["key"]


def test_treasurer_gives_a_partial_card_refund_before_delivery(
    client, login, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 2)
    english("lipursari-treasurer")
    login("lipursari-treasurer")

    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    assert refund_url(booking) in page
    response = client.get(refund_url(booking))
    assert response.status_code == 200
    assert response.context["form"].initial["amount"] == 200_000  # the policy: 100% today
    key = form_key(response)

    no_reason = client.post(refund_url(booking), {"amount": "50.000", "reason": "", "key": key})
    assert no_reason.status_code == 200
    assert "Say why the guest gets this amount back." in no_reason.content.decode()

    too_much = client.post(refund_url(booking), {"amount": "300.000", "reason": "x", "key": key})
    assert too_much.status_code == 200
    assert "At most Rp 200,000 can be refunded" in too_much.content.decode()
    assert not booking.refunds.exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            refund_url(booking), {"amount": "50.000", "reason": "Hujan, sebagian batal", "key": key}
        )
    assert done.status_code == 302
    refund = booking.refunds.get()
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

    # A double tap makes no second refund.
    again = client.post(
        refund_url(booking), {"amount": "50.000", "reason": "Hujan, sebagian batal", "key": key}
    )
    assert again.status_code == 302 and booking.refunds.count() == 1

    deliver(client, refund_event(fake_stripe, refund))
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


def cash_booking(amount_paid: int = 100_000):
    booking = confirmed(DepartureFactory(starts_at=STARTS_AT), 1)
    payment_record(booking=booking, method=PaymentMethod.CASH, amount=amount_paid, now=BOOKED_AT)
    booking.refresh_from_db()
    return booking


def test_a_cash_refund_is_recorded_by_hand(
    client, login, fake_stripe, django_capture_on_commit_callbacks
):
    booking = cash_booking()
    login("lipursari-treasurer")
    key = form_key(client.get(refund_url(booking)))
    client.post(
        refund_url(booking), {"amount": "40000", "reason": "Satu peserta sakit", "key": key}
    )
    refund = booking.refunds.get()
    assert (refund.method, refund.status) == ("cash", Refund.Status.PENDING)
    assert fake_stripe.posted("/v1/refunds") == []

    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    paid_url = reverse("booking_refunds:mark_paid", args=[refund.pk])
    assert paid_url in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(paid_url).status_code == 302
        assert client.post(paid_url).status_code == 302  # a second tap posts nothing more
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert lines_of(JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}")) == [
        (chart.CASH, "credit", 40_000),
        (chart.REFUNDS_PAYABLE, "debit", 40_000),
    ]
    assert len(mail.outbox) == 1
    assert zero_trial_balance(booking.enterprise)


def test_card_refunds_are_never_marked_paid_by_hand(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    with pytest.raises(NotAllowed):
        refund_mark_paid(refund=refund)


def test_a_refund_after_delivery_reduces_revenue(fake_stripe):
    booking = cash_booking()
    departure_deliver(departure=booking.departure, now=STARTS_AT + 4 * HOUR)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED
    refund = refund_create(
        booking=booking, amount=30_000, reason="Pemandu terlambat", now=STARTS_AT + 5 * HOUR
    )
    assert refund.after_delivery
    assert not JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}-owed").exists()
    refund_mark_paid(refund=refund, now=STARTS_AT + 6 * HOUR)
    assert lines_of(JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}")) == [
        (chart.CASH, "credit", 30_000),
        (chart.REVENUE_DEDUCTIONS, "debit", 30_000),
    ]
    assert zero_trial_balance(booking.enterprise)


def test_a_refund_on_a_cancelled_booking_comes_out_of_the_retained_fee(fake_stripe):
    booking = cash_booking()
    booking_cancel(booking=booking, reason="Terlambat", now=STARTS_AT - 12 * HOUR)  # policy: 0%
    assert not booking.refunds.exists()
    refund = refund_create(booking=booking, amount=50_000, reason="Kebijakan desa")
    owed = JournalEntry.objects.filter(source_ref=f"refund-{refund.pk}-owed")
    assert lines_of(owed) == [
        (chart.REFUNDS_PAYABLE, "credit", 50_000),
        (chart.CANCELLATION_FEES, "debit", 50_000),
    ]
    with pytest.raises(BookingInvalid):
        refund_create(booking=booking, amount=50_001, reason="lagi")
    refund_mark_paid(refund=refund)
    assert zero_trial_balance(booking.enterprise)


def test_cancelling_after_a_goodwill_refund_gives_the_policy_share_of_the_rest(fake_stripe):
    booking = cash_booking()
    refund_create(booking=booking, amount=20_000, reason="Hadiah", now=BOOKED_AT + HOUR)
    booking_cancel(booking=booking, reason="Sakit", now=BOOKED_AT + 2 * HOUR)  # policy: 100%
    cancellation = booking.refunds.order_by("pk").last()
    assert cancellation.amount == 80_000
    assert zero_trial_balance(booking.enterprise)


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
