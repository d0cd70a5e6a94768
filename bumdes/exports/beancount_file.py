"""The journal as a Beancount file, for auditors and anyone who wants to check our books with an
independent tool (`bean-check`, Fava).

Each detail account becomes a Beancount account under the root its kind calls for (Assets,
Liabilities, Equity, Income, Expenses), named from its Indonesian name and code, e.g.
`Assets:Kas-Tunai-1-1-01-01`. Each journal entry becomes one transaction with its source as
metadata; amounts are whole rupiah, debit positive, in IDR. Beancount's signs are ours (debits
positive), so its balance of every account equals `bumdes.ledger.balances`. Exported from a
date, the file starts with one opening transaction carrying every balance before that date.
"""

import datetime as dt
import re
import unicodedata

from bumdes.models import Account, AccountKind
from bumdes.reports import journal
from bumdes.reports.scope import lines_of, signed_sum

ROOTS = {
    AccountKind.ASSET: "Assets",
    AccountKind.LIABILITY: "Liabilities",
    AccountKind.EQUITY: "Equity",
    AccountKind.REVENUE: "Income",
    AccountKind.CONTRA_REVENUE: "Income",
    AccountKind.OTHER_INCOME: "Income",
    AccountKind.EXPENSE: "Expenses",
    AccountKind.OTHER_EXPENSE: "Expenses",
}


def account_name(code: str, name: str, kind: str) -> str:
    """`Assets:Kas-Tunai-1-1-01-01`: a root, then one component that starts with a capital."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    words = [w[0].upper() + w[1:] for w in words[:1]] + words[1:]
    component = "-".join([*words, *code.split(".")])
    return f"{ROOTS[kind]}:{component}"


def _quote(text: str) -> str:
    return '"' + " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _posting(name: str, amount: int) -> str:
    return f"  {name}  {amount} IDR"


def journal_beancount(enterprise, *, end: dt.date, start: dt.date | None = None) -> str:
    """The whole journal up to `end` (from `start`, with the opening balances) as Beancount."""
    accounts = {
        a.code: account_name(a.code, a.name, a.kind)
        for a in Account.objects.filter(enterprise=enterprise, is_header=False).order_by("code")
    }
    report = journal(enterprise, start=start, end=end)
    opening = {}
    if start is not None:
        rows = (
            lines_of(enterprise)
            .filter(date__lt=start)
            .values("account__code")
            .annotate(balance=signed_sum())
            .order_by("account__code")
        )
        opening = {row["account__code"]: row["balance"] for row in rows if row["balance"]}
    first = report.entries[0].date if report.entries else end
    open_date = start - dt.timedelta(days=1) if start is not None else first
    out = [
        f"; {enterprise.name} ({enterprise.legal_name})",
        f"; Jurnal Umum {report.scope.period.label}",
        'option "title" ' + _quote(enterprise.name),
        'option "operating_currency" "IDR"',
        "",
    ]
    out += [f"{open_date.isoformat()} open {name} IDR" for name in accounts.values()]
    out.append("")
    if opening:
        out.append(f'{open_date.isoformat()} * "Saldo awal"')
        out += [_posting(accounts[code], amount) for code, amount in opening.items()]
        out.append("")
    for entry in report.entries:
        out.append(f"{entry.date.isoformat()} * {_quote(entry.memo)}")
        out.append(f"  entry: {entry.id}")
        out.append(f"  source: {_quote(f'{entry.source_type}:{entry.source_ref}')}")
        for line in entry.lines:
            out.append(_posting(accounts[line.code], line.debit or -line.credit))
        out.append("")
    return "\n".join(out)
