"""Connected Accounts (Express), which live on the platform, and the Account Links that send a
manager to Stripe's onboarding."""

import copy
import secrets
import time


class Accounts:
    def _account_link(self, form: dict) -> dict:
        return {
            "object": "account_link",
            "created": int(time.time()),
            "expires_at": int(time.time()) + 300,
            "url": f"{self.url}/onboarding/{form.get('account', '')}",
        }

    def account_add(self, account_id: str | None = None, **fields) -> dict:
        """A connected account of the platform, in Stripe's Account shape (for tests: one that
        exists on Stripe already, e.g. to link with `manage.py stripe_connect`)."""
        with self.lock:
            return copy.deepcopy(self._account_add(account_id, **fields))

    def _account_add(self, account_id: str | None = None, **fields) -> dict:
        account_id = account_id or f"acct_1{secrets.token_hex(8)[:15].upper()}"
        due = ["business_profile.url", "external_account", "tos_acceptance.date"]
        account = {
            "id": account_id,
            "object": "account",
            "type": "express",
            "country": "ID",
            "email": None,
            "default_currency": "idr",
            "created": int(time.time()),
            "business_type": None,
            "business_profile": {"name": None, "mcc": None, "url": None},
            "capabilities": {},
            "charges_enabled": False,
            "payouts_enabled": False,
            "details_submitted": False,
            "requirements": {
                "currently_due": due,
                "eventually_due": due,
                "past_due": [],
                "pending_verification": [],
                "disabled_reason": "requirements.past_due",
                "current_deadline": None,
                "errors": [],
            },
            "metadata": {},
            "external_accounts": {
                "object": "list",
                "data": [],
                "has_more": False,
                "total_count": 0,
                "url": f"/v1/accounts/{account_id}/external_accounts",
            },
        }
        for key, value in fields.items():
            if isinstance(value, dict) and isinstance(account.get(key), dict):
                account[key] = {**account[key], **value}
            else:
                account[key] = value
        self.accounts[account_id] = account
        return account

    def account_update(self, account_id: str, **changes) -> dict:
        """Onboarding moves on at Stripe (and Stripe sends `account.updated` with this)."""
        with self.lock:
            account = self.accounts[account_id]
            account.update(changes)
            if changes.get("charges_enabled"):
                account["requirements"].update(currently_due=[], past_due=[], disabled_reason=None)
            return copy.deepcopy(account)


def account_fields(form: dict) -> dict:
    """What the Account object echoes of the create request."""
    fields = {key: form[key] for key in ("type", "country", "email", "metadata") if key in form}
    fields["business_profile"] = form.get("business_profile", {})
    fields["capabilities"] = dict.fromkeys(form.get("capabilities", {}), "inactive")
    return fields


def no_account(account_id: str):
    """Stripe's answer for an account that does not exist or is not the platform's."""
    return 403, {
        "error": {
            "type": "invalid_request_error",
            "code": "account_invalid",
            "message": (
                f"The provided key 'sk_test_****' does not have access to account "
                f"'{account_id}' (or that account does not exist). Application access may "
                "have been revoked."
            ),
        }
    }
