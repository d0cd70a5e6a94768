"""Stripe payouts in the books: created → Dr 1.1.01.91 / Cr 1.1.01.90, paid → Dr 1.1.01.02 /
Cr 1.1.01.91, failed → whatever was posted is reversed; once each, whatever the order and number
of the events (each event makes us ask Stripe for the payout's current state)."""

import pytest
import stripe
from django.test import Client

from bumdes import chart
from bumdes.ledger import balances
from bumdes.models import Enterprise, JournalEntry, JournalLine
from tests.payments.conftest import ACCOUNT
from tests.payments.test_webhooks import deliver, event
from tours.models import WebhookEvent
from tours.payments.payouts import payout_apply
from tours.payments.stripe_api import stripe_client

pytestmark = pytest.mark.django_db

AMOUNT = 1_250_000  # rupiah


def payout_event(payout: dict, kind: str, suffix: str = "") -> dict:
    return event(f"evt_{kind}_{payout['id']}{suffix}", kind, payout)


def payout_lines(enterprise, payout_id: str) -> list[tuple[str, str, str, int]]:
    return sorted(
        JournalLine.objects.filter(
            enterprise=enterprise, entry__source_ref__startswith=f"payout-{payout_id}-"
        ).values_list("entry__source_ref", "account__code", "side", "amount")
    )


def reversals(enterprise, payout_id: str) -> int:
    return JournalEntry.objects.filter(
        enterprise=enterprise, reverses__source_ref__startswith=f"payout-{payout_id}-"
    ).count()


def in_balance(enterprise) -> bool:
    return sum(balances(enterprise).values()) == 0


def test_created_then_paid_posts_each_entry_once(client, fake_stripe, lipursari_stripe):
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100)
    created_ref, paid_ref = f"payout-{payout['id']}-created", f"payout-{payout['id']}-paid"
    for _ in range(2):
        assert deliver(client, payout_event(payout, "payout.created")).status_code == 200
    assert payout_lines(lipursari_stripe, payout["id"]) == [
        (created_ref, chart.GATEWAY, "credit", AMOUNT),
        (created_ref, chart.IN_TRANSIT, "debit", AMOUNT),
    ]

    paid = fake_stripe.payout_update(payout["id"], "paid")
    for suffix in ("", "", "-again"):
        deliver(client, payout_event(paid, "payout.paid", suffix))

    assert payout_lines(lipursari_stripe, payout["id"]) == [
        (created_ref, chart.GATEWAY, "credit", AMOUNT),
        (created_ref, chart.IN_TRANSIT, "debit", AMOUNT),
        (paid_ref, chart.BANK, "debit", AMOUNT),
        (paid_ref, chart.IN_TRANSIT, "credit", AMOUNT),
    ]
    entries = JournalEntry.objects.filter(source_ref__in=[created_ref, paid_ref])
    assert {(e.enterprise_id, e.source_type) for e in entries} == {(lipursari_stripe.pk, "payout")}
    # The whole Stripe balance moves: no business unit on these lines.
    assert not JournalLine.objects.filter(entry__in=entries, unit__isnull=False).exists()
    assert [r.stripe_account for r in fake_stripe.got("/v1/payouts/")] == [ACCOUNT] * 3
    assert in_balance(lipursari_stripe)


def test_paid_arriving_first_and_a_stale_created_after_it(client, fake_stripe, lipursari_stripe):
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100)
    stale_created = payout_event(payout, "payout.created")
    paid = fake_stripe.payout_update(payout["id"], "paid")
    deliver(client, payout_event(paid, "payout.paid"))
    deliver(client, stale_created)
    lines = payout_lines(lipursari_stripe, payout["id"])
    assert len(lines) == 4
    assert (
        JournalEntry.objects.filter(source_ref__startswith=f"payout-{payout['id']}-").count() == 2
    )


def test_a_failed_payout_is_reversed_once_and_the_money_is_back_in_stripe(
    client, fake_stripe, lipursari_stripe
):
    before = balances(lipursari_stripe)
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100)
    deliver(client, payout_event(payout, "payout.created"))
    failed = fake_stripe.payout_update(payout["id"], "failed")
    for suffix in ("", "", "-again"):
        deliver(client, payout_event(failed, "payout.failed", suffix))
    # A stale "created" after the failure posts nothing new.
    deliver(client, payout_event(payout, "payout.created", "-late"))

    assert reversals(lipursari_stripe, payout["id"]) == 1
    after = balances(lipursari_stripe)
    for code in (chart.GATEWAY, chart.IN_TRANSIT, chart.BANK):
        assert after.get(code, 0) == before.get(code, 0)
    assert in_balance(lipursari_stripe)


def test_a_payout_failing_after_it_was_paid_reverses_both_entries(
    client, fake_stripe, lipursari_stripe
):
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100, status="paid")
    deliver(client, payout_event(payout, "payout.paid"))
    fake_stripe.payout_update(payout["id"], "failed")
    deliver(client, payout_event(payout, "payout.failed"))
    deliver(client, payout_event(payout, "payout.paid", "-replayed"))
    assert reversals(lipursari_stripe, payout["id"]) == 2
    assert in_balance(lipursari_stripe)


def test_a_failure_before_anything_was_posted_posts_nothing(client, fake_stripe, lipursari_stripe):
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100, status="failed")
    deliver(client, payout_event(payout, "payout.failed"))
    deliver(client, payout_event(payout, "payout.created"))  # old news: it failed
    assert payout_lines(lipursari_stripe, payout["id"]) == []


def test_payouts_of_another_account_touch_no_books(client, fake_stripe, lipursari_stripe):
    payout = fake_stripe.payout_create("acct_unknown", AMOUNT * 100, status="paid")
    other = payout_event(payout, "payout.paid")
    other["account"] = "acct_unknown"
    assert deliver(client, other).status_code == 200
    assert not JournalEntry.objects.filter(
        source_ref__startswith=f"payout-{payout['id']}-"
    ).exists()
    # Asked on lipursari's account, another account's payout does not exist there.
    with pytest.raises(stripe.InvalidRequestError):
        stripe_client().v1.payouts.retrieve(payout["id"], options={"stripe_account": ACCOUNT})


def test_when_stripe_cannot_be_reached_the_payout_event_fails_and_keeps_nothing(
    fake_stripe, lipursari_stripe
):
    client = Client(raise_request_exception=False)
    payout = fake_stripe.payout_create(ACCOUNT, AMOUNT * 100, status="paid")
    fake_stripe.down = True
    assert deliver(client, payout_event(payout, "payout.paid")).status_code == 500
    assert not WebhookEvent.objects.filter(event_id=f"evt_payout.paid_{payout['id']}").exists()
    assert payout_lines(lipursari_stripe, payout["id"]) == []
    fake_stripe.down = False
    assert deliver(client, payout_event(payout, "payout.paid")).status_code == 200
    assert len(payout_lines(lipursari_stripe, payout["id"])) == 4


def test_payout_amounts_in_hundredths_are_rounded(fake_stripe):
    enterprise = Enterprise.objects.get(slug="gunturmadu")
    payout = {"id": "po_round", "amount": 12_345_650, "currency": "idr", "status": "in_transit"}
    [entry] = payout_apply(enterprise=enterprise, payout=payout)
    assert sorted(entry.lines.values_list("account__code", "amount")) == [
        (chart.GATEWAY, 123_457),
        (chart.IN_TRANSIT, 123_457),
    ]
    assert in_balance(enterprise)
