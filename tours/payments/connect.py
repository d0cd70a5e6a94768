"""Stripe Connect: each BUMDes's own Stripe account (DESIGN.md §4).

Card payments are direct charges on the BUMDes's own account, so the platform first needs one.
Two ways in:

- **Onboarding** (the BUMDes manager, from the admin): the platform creates an Express account
  for the BUMDes (`connect_account_create`, once per BUMDes thanks to a stable idempotency key) and
  sends the manager to Stripe's hosted onboarding through a single-use Account Link
  (`onboarding_link_create`). Stripe sends the manager back to the return URL, where the status is
  read again (`account_status_refresh`); an expired link sends them to the refresh URL, which
  simply starts a new link.
- **Linking** an account that already exists (operators, `manage.py stripe_connect`):
  `stripe_connect` checks that Stripe knows the account and stores it with its status.

The account's status lives in three flags on `Enterprise`, copied from Stripe's Account object:
`details_submitted`, `charges_enabled` (guests may pay by card: `StripeProvider.available_for`)
and `payouts_enabled` (Stripe pays the money out to the BUMDes's bank). Stripe tells us when they
change through the `account.updated` webhook (`account_updated_apply`). `connect_status` turns
them into the one sentence a manager reads.

Every change is written in Wagtail's audit log on the enterprise. Errors are domain exceptions
(`StripeConnectError` and its subclasses) whose `message` is shown to the person who asked.
"""

import logging
import re

import stripe
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from bumdes.models import Enterprise
from tours.payments.stripe_api import stripe_client, stripe_configured

logger = logging.getLogger(__name__)

COUNTRY = "ID"
# Merchant category "Travel agencies and tour operators": Stripe asks for the category during
# onboarding; filling it in spares the manager one question.
MCC_TOUR_OPERATORS = "4722"
# `acct_` and letters or digits; the column holds 64 characters.
ACCOUNT_ID = re.compile(r"^acct_[A-Za-z0-9]{1,59}$")
FLAGS = {
    "details_submitted": "stripe_details_submitted",
    "charges_enabled": "stripe_charges_enabled",
    "payouts_enabled": "stripe_payouts_enabled",
}


class ConnectStatus(models.TextChoices):
    NOT_CONNECTED = "not_connected", _("Not connected")
    DETAILS_NEEDED = "details_needed", _("Stripe needs more details")
    READY = "ready", _("Ready to take card payments")
    PAYOUTS_ENABLED = "payouts_enabled", _("Ready: card payments and payouts to the bank")


class StripeConnectError(Exception):
    """Base class. `message` is for the person who asked; `detail` is Stripe's own words."""

    message = _("Stripe could not be reached. Please try again in a few minutes.")

    def __init__(self, message=None, *, detail: str = ""):
        if message is not None:
            self.message = message
        self.detail = detail
        super().__init__(str(self.message) + (f" ({detail})" if detail else ""))


class StripeNotConfigured(StripeConnectError):
    message = _(
        "Card payments are not set up on this server: the platform's STRIPE_SECRET_KEY is empty."
    )


class AccountIdInvalid(StripeConnectError):
    def __init__(self, account_id: str):
        super().__init__(
            _("“%(id)s” is not a Stripe account ID. It starts with acct_, e.g. acct_1AbCdEfGh.")
            % {"id": account_id}
        )


class AccountNotFound(StripeConnectError):
    def __init__(self, account_id: str, *, detail: str = ""):
        super().__init__(
            _(
                "Stripe has no account %(id)s that this platform may use. Check the ID, and that "
                "the account is connected to the platform."
            )
            % {"id": account_id},
            detail=detail,
        )


class AccountTaken(StripeConnectError):
    def __init__(self, account_id: str, other: Enterprise):
        super().__init__(
            _("Stripe account %(id)s is already connected to %(name)s.")
            % {"id": account_id, "name": other.name}
        )


class StripeUnavailable(StripeConnectError):
    """Stripe could not be reached, or refused the request (e.g. a wrong platform key)."""


def connect_status(enterprise: Enterprise) -> ConnectStatus:
    if not enterprise.stripe_account_id:
        return ConnectStatus.NOT_CONNECTED
    if not enterprise.stripe_charges_enabled:
        return ConnectStatus.DETAILS_NEEDED
    if not enterprise.stripe_payouts_enabled:
        return ConnectStatus.READY
    return ConnectStatus.PAYOUTS_ENABLED


def account_idempotency_key(enterprise: Enterprise) -> str:
    return f"bumdes-{enterprise.pk}-connect-account"


def _require_configured() -> None:
    if not stripe_configured():
        raise StripeNotConfigured()


def _unavailable(error: stripe.StripeError) -> StripeUnavailable:
    logger.warning("stripe connect: %s", error)
    return StripeUnavailable(detail=error.user_message or str(error))


def _value(obj, key: str):
    """A field of an Account: a dict from a webhook, a StripeObject from the SDK."""
    try:
        return obj[key]
    except (KeyError, TypeError):
        return None


def _status_store(enterprise: Enterprise, account, *, user=None) -> bool:
    """Copy the Account's flags to the enterprise; returns whether any changed."""
    changed = {}
    for key, field in FLAGS.items():
        value = _value(account, key)
        if value is not None and getattr(enterprise, field) != bool(value):
            changed[field] = bool(value)
    if not changed:
        return False
    for field, value in changed.items():
        setattr(enterprise, field, value)
    enterprise.save(update_fields=list(changed))
    log(
        enterprise,
        "bumdes.stripe.status",
        user=user,
        data={"account": enterprise.stripe_account_id, **changed},
    )
    return True


def _account_retrieve(account_id: str):
    try:
        return stripe_client().v1.accounts.retrieve(account_id)
    except (stripe.InvalidRequestError, stripe.PermissionError) as error:
        raise AccountNotFound(account_id, detail=error.user_message or str(error)) from error
    except stripe.StripeError as error:
        raise _unavailable(error) from error


def connect_account_create(enterprise: Enterprise, *, user=None) -> str:
    """The BUMDes's connected account id, creating an Express account on Stripe if it has none.

    Creating twice returns the same account: the enterprise's id is checked first, and the request
    carries a key per enterprise, so Stripe answers a repeat (a double click, a retry) with the
    account it created the first time.
    """
    _require_configured()
    enterprise.refresh_from_db(fields=["stripe_account_id"])
    if enterprise.stripe_account_id:
        return enterprise.stripe_account_id
    params = {
        "type": "express",
        "country": COUNTRY,
        "capabilities": {
            "card_payments": {"requested": True},
            "transfers": {"requested": True},
        },
        "business_profile": {"name": enterprise.name, "mcc": MCC_TOUR_OPERATORS},
        "metadata": {"enterprise": enterprise.slug},
    }
    if enterprise.email:
        params["email"] = enterprise.email
    try:
        account = stripe_client().v1.accounts.create(
            params, {"idempotency_key": account_idempotency_key(enterprise)}
        )
    except stripe.StripeError as error:
        raise _unavailable(error) from error
    with transaction.atomic():
        # no_key: bookings and entries referencing the enterprise may still be written meanwhile.
        locked = Enterprise.objects.select_for_update(no_key=True).get(pk=enterprise.pk)
        if locked.stripe_account_id:
            enterprise.stripe_account_id = locked.stripe_account_id
            return locked.stripe_account_id
        enterprise.stripe_account_id = account.id
        enterprise.save(update_fields=["stripe_account_id"])
        log(enterprise, "bumdes.stripe.account_create", user=user, data={"account": account.id})
        _status_store(enterprise, account, user=user)
    return account.id


def onboarding_link_create(
    enterprise: Enterprise, *, return_url: str, refresh_url: str, user=None
) -> str:
    """The address of Stripe's hosted onboarding for the BUMDes's account (created if need be).

    Account Links are single-use and expire within minutes, so each call asks for a new one."""
    account_id = connect_account_create(enterprise, user=user)
    try:
        link = stripe_client().v1.account_links.create(
            {
                "account": account_id,
                "type": "account_onboarding",
                "return_url": return_url,
                "refresh_url": refresh_url,
            }
        )
    except stripe.StripeError as error:
        raise _unavailable(error) from error
    return link.url


def account_status_refresh(enterprise: Enterprise, *, user=None) -> ConnectStatus:
    """Read the connected account's status from Stripe and keep it."""
    _require_configured()
    if not enterprise.stripe_account_id:
        return ConnectStatus.NOT_CONNECTED
    account = _account_retrieve(enterprise.stripe_account_id)
    with transaction.atomic():
        _status_store(enterprise, account, user=user)
    return connect_status(enterprise)


def account_updated_apply(account_id: str, obj, now=None) -> str:
    """The `account.updated` webhook: keep the flags of the BUMDes that owns the account.

    The event's `account` names the connected account, and so does the Account object's `id`. An
    account that is no BUMDes's (e.g. the platform's own) is ignored."""
    object_id = _value(obj, "id")
    account_id = account_id or object_id
    if not account_id or (object_id and object_id != account_id):
        return "account mismatch"
    enterprise = (
        Enterprise.objects.select_for_update(no_key=True)
        .filter(stripe_account_id=account_id)
        .first()
    )
    if enterprise is None:
        return "unknown account"
    return "applied" if _status_store(enterprise, obj) else "unchanged"


def stripe_connect(enterprise: Enterprise, account_id: str, *, user=None) -> ConnectStatus:
    """Link an account that already exists on Stripe to the BUMDes, with its current status."""
    _require_configured()
    account_id = (account_id or "").strip()
    if not ACCOUNT_ID.match(account_id):
        raise AccountIdInvalid(account_id)
    other = Enterprise.objects.filter(stripe_account_id=account_id).exclude(pk=enterprise.pk)
    if other.exists():
        raise AccountTaken(account_id, other.first())
    account = _account_retrieve(account_id)
    with transaction.atomic():
        locked = Enterprise.objects.select_for_update(no_key=True).get(pk=enterprise.pk)
        previous = locked.stripe_account_id
        enterprise.stripe_account_id = account_id
        if previous != account_id:
            # The old account's flags say nothing about the new one.
            for field in FLAGS.values():
                setattr(enterprise, field, False)
            enterprise.save(update_fields=["stripe_account_id", *FLAGS.values()])
            log(
                enterprise,
                "bumdes.stripe.connect",
                user=user,
                data={"account": account_id, "previous": previous},
            )
        _status_store(enterprise, account, user=user)
    return connect_status(enterprise)
