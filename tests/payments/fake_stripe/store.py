"""Where the fake keeps Stripe's objects: ids with Stripe's prefixes, the connected account each
object lives on, `expand`, the record of requests, and Stripe's error answers."""

import copy
import secrets
from dataclasses import dataclass

PREFIXES = {
    "cs_": "sessions",
    "pi_": "payment_intents",
    "ch_": "charges",
    "re_": "refunds",
    "txn_": "balance_transactions",
    "po_": "payouts",
}


def new_id(prefix: str) -> str:
    return f"{prefix}test_{secrets.token_hex(12)}"


@dataclass
class Recorded:
    method: str
    path: str
    form: dict
    stripe_account: str | None
    idempotency_key: str | None


def missing(what: str):
    return 404, {
        "error": {
            "type": "invalid_request_error",
            "code": "resource_missing",
            "message": f"No such {what}",
        }
    }


class Store:
    """Objects by id; one that lives on another connected account is not found, as on Stripe."""

    def _store(self, obj: dict, account: str | None) -> dict:
        for prefix, store in PREFIXES.items():
            if obj["id"].startswith(prefix):
                getattr(self, store)[obj["id"]] = obj
                self.owners[obj["id"]] = account
                return obj
        raise ValueError(obj["id"])

    def _find(self, object_id: str, account: str | None) -> dict | None:
        for prefix, store in PREFIXES.items():
            if object_id.startswith(prefix):
                found = getattr(self, store).get(object_id)
                if found is not None and self.owners.get(object_id) == account:
                    return found
                return None
        return None

    def _expanded(self, obj: dict, paths, account: str | None) -> dict:
        obj = copy.deepcopy(obj)
        for path in paths or []:
            self._expand_path(obj, path.split("."), account)
        return obj

    def _expand_path(self, node, parts: list[str], account: str | None) -> None:
        if not parts or not isinstance(node, dict):
            return
        head, rest = parts[0], parts[1:]
        if head == "data" and isinstance(node.get("data"), list):
            for item in node["data"]:
                self._expand_path(item, rest, account)
            return
        value = node.get(head)
        if isinstance(value, str):
            found = self._find(value, account)
            if found is not None:
                node[head] = value = copy.deepcopy(found)
        if isinstance(value, dict):
            self._expand_path(value, rest, account)
