from bumdes.models.accounts import Account, AccountKind
from bumdes.models.community import Counterparty, CounterpartyKind
from bumdes.models.enterprises import BusinessUnit, Enterprise, EnterpriseRole, Role
from bumdes.models.journal import JournalEntry, JournalLine, LockDateChange, ManualEntry, Side

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
