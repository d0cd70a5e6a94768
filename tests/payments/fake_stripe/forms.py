"""Stripe's form encoding as the SDK sends it (`a[b][0][c]=1`), read back into dicts and lists."""

from urllib.parse import parse_qsl


def parse_form(body: str) -> dict:
    """Form-encode as the SDK sends it (`a[b][0][c]=1`) → nested dicts and lists."""
    result: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        _put(result, key.replace("]", "").split("["), value)
    return _lists(result)


def _put(root: dict, parts: list[str], value: str) -> None:
    node = root
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _lists(node):
    """Dicts whose keys are all digits become lists (line_items[0], line_items[1]…)."""
    if isinstance(node, dict):
        converted = {k: _lists(v) for k, v in node.items()}
        if converted and all(k.isdigit() for k in converted):
            return [converted[k] for k in sorted(converted, key=int)]
        return converted
    return node
