"""Print or save a report of a BUMDes's books.

    manage.py bumdes_report REPORT --enterprise SLUG [--from DATE] [--to DATE] [--unit SLUG]
        [--account CODE] [--format table|csv|json|xlsx|pdf|beancount] [--output FILE]

REPORT: trial-balance, income-statement, balance-sheet, equity, cash-flow, general-ledger, journal,
subledgers, revenue, impact. Dates are YYYY-MM-DD; --to defaults to today, --from to 1 January of
the --to year (the trial balance without --from shows balances since the books began). --unit is a
business unit's slug, or "-" for the lines posted without a unit. revenue and impact accept
several enterprises (`--enterprise a,b`) or `--enterprise all`. xlsx and pdf are written to
--output (default: a file name made of the report, the BUMDes and the date) and the path is
printed; other formats go to stdout unless --output is given. `--format beancount` exports the
journal for Beancount's own checker.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bumdes import reports
from bumdes.exports import BINARY, file_name, render
from bumdes.exports.beancount_file import journal_beancount
from bumdes.models import Account, BusinessUnit, Enterprise
from bumdes.reports import NO_UNIT
from core.localtime import business_date

REPORTS = (
    "trial-balance",
    "income-statement",
    "balance-sheet",
    "equity",
    "cash-flow",
    "general-ledger",
    "journal",
    "subledgers",
    "revenue",
    "impact",
)
FORMATS = ("table", "csv", "json", "xlsx", "pdf", "beancount")
SEVERAL = {"revenue", "impact"}
AS_OF = {"balance-sheet", "subledgers"}


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Print or save a report of a BUMDes's books (see the module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("report", choices=REPORTS)
        parser.add_argument("--enterprise", required=True, help="the BUMDes's slug")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
        parser.add_argument("--unit", help='business unit slug, or "-" for lines without a unit')
        parser.add_argument("--account", help="account code for the general ledger")
        parser.add_argument("--format", default="table", choices=FORMATS)
        parser.add_argument("--output", help="file to write (xlsx and pdf always go to a file)")

    def _enterprises(self, value: str, report: str) -> list[Enterprise]:
        if report in SEVERAL and value == "all":
            found = list(Enterprise.objects.order_by("name"))
            if not found:
                raise CommandError("There is no BUMDes yet.")
            return found
        slugs = [s.strip() for s in value.split(",") if s.strip()]
        if len(slugs) > 1 and report not in SEVERAL:
            raise CommandError(f"{report} is a report of one BUMDes; give one --enterprise.")
        found = {e.slug: e for e in Enterprise.objects.filter(slug__in=slugs)}
        missing = [s for s in slugs if s not in found]
        if missing or not slugs:
            known = ", ".join(Enterprise.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                f"Unknown BUMDes {', '.join(missing) or value!r}; known: {known or 'none'}."
            )
        return [found[s] for s in slugs]

    def _unit(self, value: str | None, enterprises: list[Enterprise]):
        if value is None:
            return None
        if value == NO_UNIT:
            return NO_UNIT
        if len(enterprises) > 1:
            raise CommandError("--unit works with one BUMDes only.")
        unit = BusinessUnit.objects.filter(enterprise=enterprises[0], slug=value).first()
        if unit is None:
            known = ", ".join(enterprises[0].units.values_list("slug", flat=True))
            raise CommandError(f"Unknown business unit {value!r}; known: {known}.")
        return unit

    def handle(self, *args, report, enterprise, start, end, unit, account, format, output, **kw):
        enterprises = self._enterprises(enterprise, report)
        one = enterprises[0]
        unit = self._unit(unit, enterprises)
        end = _date(end, "--to") or business_date(timezone.now(), one.zone)
        given_start = _date(start, "--from")
        start = given_start or dt.date(end.year, 1, 1)
        if start > end:
            raise CommandError(f"--from ({start}) is after --to ({end}).")
        if format == "beancount" and report != "journal":
            raise CommandError("--format beancount is for the journal only.")
        if format == "beancount" and unit is not None:
            raise CommandError("A Beancount file holds whole entries; leave out --unit.")
        if account is not None:
            if report != "general-ledger":
                raise CommandError("--account is for the general ledger only.")
            if not Account.objects.filter(enterprise=one, code=account, is_header=False).exists():
                raise CommandError(f"Unknown detail account {account!r} for {one.slug}.")

        if format == "beancount":
            self._write(journal_beancount(one, start=given_start, end=end), output, None)
            return
        try:
            data = self._report(report, enterprises, unit, start, given_start, end, account)
        except ValueError as error:
            raise CommandError(str(error)) from error
        content = render(data, format)
        default = file_name(data, format) if format in BINARY else None
        self._write(content, output, default)

    def _report(self, report, enterprises, unit, start, given_start, end, account):
        one = enterprises[0]
        if report == "trial-balance":
            return reports.trial_balance(one, start=given_start, end=end, unit=unit)
        if report == "income-statement":
            return reports.income_statement(one, start=start, end=end, unit=unit)
        if report == "balance-sheet":
            return reports.balance_sheet(one, date=end, unit=unit)
        if report == "equity":
            return reports.equity_changes(one, start=start, end=end, unit=unit)
        if report == "cash-flow":
            return reports.cash_flow(one, start=start, end=end, unit=unit)
        if report == "general-ledger":
            return reports.general_ledger(one, start=start, end=end, account=account, unit=unit)
        if report == "journal":
            return reports.journal(one, start=start, end=end, unit=unit)
        if report == "subledgers":
            return reports.subledgers(one, date=end, unit=unit)
        if report == "revenue":
            return reports.revenue(enterprises, start=start, end=end, unit=unit)
        return reports.impact(enterprises, start=start, end=end, unit=unit)

    def _write(self, content: str | bytes, output: str | None, default: str | None) -> None:
        if output is None and default is None:
            self.stdout.write(content, ending="")
            return
        path = Path(output or default)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        self.stdout.write(str(path))
