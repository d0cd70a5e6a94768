from .accounts import Account, AccountKind
from .community import Counterparty, CounterpartyKind
from .enterprises import BusinessUnit, Enterprise, EnterpriseRole, Role
from .journal import JournalEntry, JournalLine, LockDateChange, ManualEntry, Side

__all__ = [
    "Account",
    "AccountKind",
    "BusinessUnit",
    "Counterparty",
    "CounterpartyKind",
    "Enterprise",
    "EnterpriseRole",
    "JournalEntry",
    "JournalLine",
    "LockDateChange",
    "ManualEntry",
    "Role",
    "Side",
]
