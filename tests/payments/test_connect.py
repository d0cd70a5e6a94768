"""Stripe Connect: a BUMDes's own account, created and onboarded from the manager's screen or
linked by an operator's command, its status kept from `account.updated`; and only the manager of
that BUMDes may touch it.

The real `stripe` SDK talks to the local fake server (`fake_stripe`), which creates and returns
accounts in Stripe's shapes and answers Account Links with an onboarding address of its own.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import ModelLogEntry

from bumdes.models import Enterprise
from tests.admin_screens import english, refused
from tests.payments.test_webhooks import deliver, event
from tours.booking.providers import providers_available
from tours.models import WebhookEvent
from tours.payments import connect
from tours.payments.connect import (
    AccountIdInvalid,
    AccountNotFound,
    ConnectStatus,
    StripeNotConfigured,
    account_status_refresh,
    connect_account_create,
    onboarding_link_create,
    stripe_connect,
)

pytestmark = pytest.mark.django_db

PAGE = "/admin/stripe/"
REFRESH = "/admin/stripe/refresh/"
RETURN_URL = "http://testserver/admin/stripe/?stripe=back"
REFRESH_URL = "http://testserver/admin/stripe/refresh/"


@pytest.fixture
def fake(fake_stripe):
    """The fake Stripe (emptied: no connected accounts yet) and the platform's keys."""
    return fake_stripe


def enterprise(slug: str) -> Enterprise:
    return Enterprise.objects.get(slug=slug)


def stripe_logs(enterprise: Enterprise, action: str) -> int:
    return ModelLogEntry.objects.for_instance(enterprise).filter(action=action).count()


# The service ------------------------------------------------------------------------------------


def test_an_express_account_is_created_once_per_bumdes(fake):
    gunturmadu = enterprise("gunturmadu")

    account_id = connect_account_create(gunturmadu)
    assert connect_account_create(gunturmadu) == account_id  # the stored one: no second request

    [request] = fake.posted("/v1/accounts")
    assert request.idempotency_key == f"bumdes-{gunturmadu.pk}-connect-account"
    assert request.stripe_account is None  # created by the platform, on the platform
    assert request.form["type"] == "express"
    assert request.form["country"] == "ID"
    assert request.form["business_profile"]["name"] == gunturmadu.name
    assert request.form["metadata"] == {"enterprise": "gunturmadu"}
    assert request.form["capabilities"] == {
        "card_payments": {"requested": "true"},
        "transfers": {"requested": "true"},
    }
    gunturmadu.refresh_from_db()
    assert gunturmadu.stripe_account_id == account_id and account_id in fake.accounts
    assert not gunturmadu.stripe_charges_enabled
    assert connect.connect_status(gunturmadu) == ConnectStatus.DETAILS_NEEDED
    assert stripe_logs(gunturmadu, "bumdes.stripe.account_create") == 1


def test_a_repeated_create_gets_the_same_account_from_stripe(fake):
    """Two clicks racing past the stored-id check send the same key: Stripe answers the first
    account again, so the BUMDes never ends up with two."""
    gunturmadu = enterprise("gunturmadu")
    first = connect_account_create(gunturmadu)
    Enterprise.objects.filter(pk=gunturmadu.pk).update(stripe_account_id="")

    assert connect_account_create(gunturmadu) == first
    assert len(fake.posted("/v1/accounts")) == 2 and len(fake.accounts) == 1


def test_the_onboarding_link_is_for_the_bumdes_account(fake):
    gunturmadu = enterprise("gunturmadu")

    url = onboarding_link_create(
        gunturmadu, return_url="https://x.test/back", refresh_url="https://x.test/again"
    )

    [link] = fake.posted("/v1/account_links")
    assert link.form == {
        "account": gunturmadu.stripe_account_id,
        "type": "account_onboarding",
        "return_url": "https://x.test/back",
        "refresh_url": "https://x.test/again",
    }
    assert url == f"{fake.url}/onboarding/{gunturmadu.stripe_account_id}"


def test_the_status_is_read_from_stripe(fake):
    gunturmadu = enterprise("gunturmadu")
    account_id = connect_account_create(gunturmadu)
    fake.account_update(account_id, details_submitted=True, charges_enabled=True)

    assert account_status_refresh(gunturmadu) == ConnectStatus.READY
    gunturmadu.refresh_from_db()
    assert gunturmadu.stripe_details_submitted and gunturmadu.stripe_charges_enabled
    assert not gunturmadu.stripe_payouts_enabled
    assert providers_available(gunturmadu)[0] == "stripe"


def test_without_the_platform_key_nothing_is_asked_of_stripe(fake):
    gunturmadu = enterprise("gunturmadu")
    with override_settings(STRIPE_SECRET_KEY=""):
        with pytest.raises(StripeNotConfigured):
            connect_account_create(gunturmadu)
        with pytest.raises(StripeNotConfigured):
            stripe_connect(gunturmadu, "acct_1Existing")
    assert fake.requests == []


def test_linking_checks_the_id_and_that_stripe_knows_it(fake):
    gunturmadu = enterprise("gunturmadu")
    with pytest.raises(AccountIdInvalid):
        stripe_connect(gunturmadu, "ca_123")
    with pytest.raises(AccountNotFound):
        stripe_connect(gunturmadu, "acct_1Unknown")
    gunturmadu.refresh_from_db()
    assert gunturmadu.stripe_account_id == ""


def test_linking_another_account_forgets_the_old_one_s_status(fake, lipursari_stripe):
    fake.account_add("acct_1New")
    assert stripe_connect(lipursari_stripe, "acct_1New") == ConnectStatus.DETAILS_NEEDED
    lipursari_stripe.refresh_from_db()
    assert lipursari_stripe.stripe_account_id == "acct_1New"
    assert not lipursari_stripe.stripe_charges_enabled
    assert "stripe" not in providers_available(lipursari_stripe)
    assert stripe_logs(lipursari_stripe, "bumdes.stripe.connect") == 1


# The webhook ------------------------------------------------------------------------------------


def test_account_updated_makes_stripe_available_once(client, fake):
    gunturmadu = enterprise("gunturmadu")
    account_id = connect_account_create(gunturmadu)
    assert "stripe" not in providers_available(gunturmadu)
    account = fake.account_update(
        account_id, details_submitted=True, charges_enabled=True, payouts_enabled=True
    )
    updated = event("evt_acct_1", "account.updated", account, account=account_id)
    logged = stripe_logs(gunturmadu, "bumdes.stripe.status")

    for _ in range(3):
        assert deliver(client, updated).status_code == 200

    gunturmadu.refresh_from_db()
    assert gunturmadu.stripe_details_submitted
    assert gunturmadu.stripe_charges_enabled and gunturmadu.stripe_payouts_enabled
    assert providers_available(gunturmadu)[0] == "stripe"
    assert WebhookEvent.objects.filter(event_id="evt_acct_1").count() == 1
    assert stripe_logs(gunturmadu, "bumdes.stripe.status") == logged + 1

    # Stripe turns card payments off again (say a document expired): so do we.
    account = fake.account_update(account_id, charges_enabled=False)
    deliver(client, event("evt_acct_2", "account.updated", account, account=account_id))
    gunturmadu.refresh_from_db()
    assert not gunturmadu.stripe_charges_enabled
    assert "stripe" not in providers_available(gunturmadu)


def test_account_updated_for_an_unknown_account_is_ignored(client, fake, lipursari_stripe):
    stranger = fake.account_add("acct_1Stranger", charges_enabled=True, payouts_enabled=True)
    response = deliver(client, event("evt_acct_x", "account.updated", stranger, "acct_1Stranger"))
    assert response.status_code == 200
    assert WebhookEvent.objects.get(event_id="evt_acct_x").processed_at is not None
    assert not Enterprise.objects.filter(stripe_payouts_enabled=True).exists()
    # An Account object that is not the event's account changes nothing either.
    forged = {**stranger, "id": "acct_1Stranger"}
    deliver(client, event("evt_acct_y", "account.updated", forged, account="acct_lipursari"))
    lipursari_stripe.refresh_from_db()
    assert not lipursari_stripe.stripe_payouts_enabled


# The manager's screen ---------------------------------------------------------------------------


def test_the_manager_is_sent_to_stripe_and_back(client, login, fake):
    english("gunturmadu-manager")
    login("gunturmadu-manager")
    html = client.get(PAGE).content.decode()
    assert "Not connected" in html and "Connect Stripe" in html

    response = client.post(PAGE)

    gunturmadu = enterprise("gunturmadu")
    account_id = gunturmadu.stripe_account_id
    assert response.status_code == 302
    assert response["Location"] == f"{fake.url}/onboarding/{account_id}"
    [link] = fake.posted("/v1/account_links")
    assert link.form["account"] == account_id
    assert link.form["return_url"] == RETURN_URL
    assert link.form["refresh_url"] == REFRESH_URL

    # Onboarding done on Stripe: coming back reads the status again.
    fake.account_update(account_id, details_submitted=True, charges_enabled=True)
    response = client.get(RETURN_URL)
    assert response.status_code == 302 and response["Location"] == PAGE
    gunturmadu.refresh_from_db()
    assert gunturmadu.stripe_charges_enabled
    html = client.get(PAGE).content.decode()
    assert "Ready to take card payments" in html
    assert account_id in html


def test_an_expired_link_starts_a_new_one(client, login, fake):
    login("gunturmadu-manager")
    response = client.get(REFRESH)  # no account yet: back to the page, where creating is a POST
    assert response.status_code == 302 and response["Location"] == PAGE
    assert fake.requests == []

    client.post(PAGE)
    response = client.get(REFRESH)
    assert response.status_code == 302 and "/onboarding/acct_" in response["Location"]
    assert len(fake.posted("/v1/account_links")) == 2
    assert len(fake.posted("/v1/accounts")) == 1


def test_stripe_errors_are_told_in_plain_words(client, login, fake):
    english("gunturmadu-manager")
    login("gunturmadu-manager")
    fake.down = True
    response = client.post(PAGE, follow=True)
    assert "Stripe could not be reached" in response.content.decode()
    assert enterprise("gunturmadu").stripe_account_id == ""


def test_without_keys_the_page_explains_and_offers_no_button(client, login, fake):
    english("gunturmadu-manager")
    login("gunturmadu-manager")
    with override_settings(STRIPE_SECRET_KEY=""):
        html = client.get(PAGE).content.decode()
        response = client.post(PAGE)
    assert "Card payments are not set up on this server" in html
    assert "Connect Stripe" not in html and 'method="post"' not in html
    assert response.status_code == 302
    assert fake.requests == []


def test_other_roles_of_the_bumdes_are_refused(client, login, fake, lipursari_stripe):
    for username in ("lipursari-operator", "lipursari-treasurer", "lipursari-editor"):
        login(username)
        for response in (client.get(PAGE), client.post(PAGE), client.get(REFRESH)):
            assert refused(response), username
        assert PAGE not in client.get("/admin/").content.decode(), username
    assert fake.requests == []


def test_a_manager_of_another_bumdes_cannot_touch_this_one(client, login, fake, lipursari_stripe):
    login("plobangan-manager")
    html = client.get(PAGE, {"enterprise": "lipursari"}).content.decode()
    assert "Plobangan" in html and "acct_lipursari" not in html

    client.post(PAGE, {"enterprise": "lipursari"})

    [link] = fake.posted("/v1/account_links")
    assert link.form["account"] == enterprise("plobangan").stripe_account_id != "acct_lipursari"
    lipursari_stripe.refresh_from_db()
    assert lipursari_stripe.stripe_account_id == "acct_lipursari"


def test_the_menu_shows_the_page_to_managers_only(client, login):
    for username in ("lipursari-manager", "admin"):
        login(username)
        assert PAGE in client.get("/admin/").content.decode(), username


def test_a_superuser_chooses_the_bumdes(client, login, fake):
    login("admin")
    html = client.get(PAGE).content.decode()
    assert "?enterprise=gunturmadu" in html  # the choice of BUMDes

    response = client.post(PAGE, {"enterprise": "gunturmadu"})

    assert response.status_code == 302
    [link] = fake.posted("/v1/account_links")
    assert link.form["account"] == enterprise("gunturmadu").stripe_account_id
    assert (
        link.form["return_url"]
        == "http://testserver/admin/stripe/?enterprise=gunturmadu&stripe=back"
    )
    assert link.form["refresh_url"] == f"{REFRESH_URL}?enterprise=gunturmadu"


# The operators' command -------------------------------------------------------------------------


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("stripe_connect", *args, stdout=out)
    return out.getvalue()


def test_the_command_links_an_existing_account(fake):
    fake.account_add("acct_1Existing", details_submitted=True, charges_enabled=True)

    out = run("gunturmadu", "acct_1Existing")

    gunturmadu = enterprise("gunturmadu")
    assert gunturmadu.stripe_account_id == "acct_1Existing"
    assert gunturmadu.stripe_charges_enabled and not gunturmadu.stripe_payouts_enabled
    assert "acct_1Existing" in out and "Ready to take card payments" in out
    assert [r.path for r in fake.requests] == ["/v1/accounts/acct_1Existing"]

    fake.account_update("acct_1Existing", payouts_enabled=True)
    out = run("gunturmadu", "--refresh")
    assert "payouts: yes" in out
    assert enterprise("gunturmadu").stripe_payouts_enabled


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nowhere", "acct_1Existing"), "No BUMDes “nowhere”"),
        (("gunturmadu", "acct-123"), "is not a Stripe account ID"),
        (("gunturmadu", "acct_1Unknown"), "Stripe has no account acct_1Unknown"),
        (("gunturmadu",), "Give the Stripe account ID"),
        (("gunturmadu", "--refresh"), "has no Stripe account connected yet"),
        (("gunturmadu", "acct_lipursari"), "already connected to BUMDes"),
    ],
)
def test_the_command_says_what_is_wrong(fake, lipursari_stripe, args, message):
    fake.account_add("acct_1Existing")
    fake.account_add("acct_lipursari")
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert enterprise("gunturmadu").stripe_account_id == ""


def test_the_command_needs_the_platform_key(fake):
    with override_settings(STRIPE_SECRET_KEY=""), pytest.raises(CommandError) as error:
        run("gunturmadu", "acct_1Existing")
    assert "STRIPE_SECRET_KEY" in str(error.value)


def test_the_command_reports_stripe_errors(fake):
    fake.down = True
    with pytest.raises(CommandError, match="Stripe could not be reached") as error:
        run("gunturmadu", "acct_1Existing")
    assert "Stripe is down" in str(error.value)  # Stripe's own words, for the operator
