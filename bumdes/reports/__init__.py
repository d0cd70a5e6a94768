"""Reports of the books (docs/architecture.md, "The books"): each report is a plain function
that returns plain data (dataclasses), computed with one aggregate query per section, for one
enterprise, one business unit or the whole BUMDes, with the same span one year earlier beside
each figure. The admin screens, the exports (`bumdes.exports`) and `manage.py bumdes_report` all
use these functions."""

from bumdes.reports.balance_sheet import BalanceSheet, balance_sheet
from bumdes.reports.cash_flow import CashFlow, cash_flow
from bumdes.reports.equity import EquityChanges, equity_changes
from bumdes.reports.figures import Figure, Line, Section
from bumdes.reports.general_ledger import GeneralLedger, general_ledger
from bumdes.reports.impact import ImpactReport, impact
from bumdes.reports.income_statement import IncomeStatement, income_statement
from bumdes.reports.journal import Journal, journal
from bumdes.reports.revenue import RevenueReport, revenue
from bumdes.reports.scope import NO_UNIT, Period, Scope
from bumdes.reports.subledgers import (
    SubLedgers,
    balances_by_counterparty,
    subledgers,
    unearned_by_booking,
)
from bumdes.reports.trial_balance import TrialBalance, trial_balance

__all__ = [
    "NO_UNIT",
    "BalanceSheet",
    "CashFlow",
    "EquityChanges",
    "Figure",
    "GeneralLedger",
    "ImpactReport",
    "IncomeStatement",
    "Journal",
    "Line",
    "Period",
    "RevenueReport",
    "Scope",
    "Section",
    "SubLedgers",
    "TrialBalance",
    "balance_sheet",
    "balances_by_counterparty",
    "cash_flow",
    "equity_changes",
    "general_ledger",
    "impact",
    "income_statement",
    "journal",
    "revenue",
    "subledgers",
    "trial_balance",
    "unearned_by_booking",
]
