"""The chart of accounts of one BUMDes (Kepmendesa PDTT 136/2022 codes, `x.x.xx.xx`).

Header accounts group detail accounts (by code prefix) and are never posted to. Each enterprise
has its own chart, created from the default in `bumdes.chart` when the enterprise is created.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountKind(models.TextChoices):
    ASSET = "asset", _("Asset")
    LIABILITY = "liability", _("Liability")
    EQUITY = "equity", _("Equity")
    REVENUE = "revenue", _("Revenue")
    CONTRA_REVENUE = "contra_revenue", _("Revenue deduction")
    EXPENSE = "expense", _("Expense")
    OTHER_INCOME = "other_income", _("Other income")
    OTHER_EXPENSE = "other_expense", _("Other expense")


DEBIT_NORMAL = {
    AccountKind.ASSET,
    AccountKind.CONTRA_REVENUE,
    AccountKind.EXPENSE,
    AccountKind.OTHER_EXPENSE,
}
INCOME_KINDS = {
    AccountKind.REVENUE,
    AccountKind.CONTRA_REVENUE,
    AccountKind.EXPENSE,
    AccountKind.OTHER_INCOME,
    AccountKind.OTHER_EXPENSE,
}


class Account(models.Model):
    enterprise = models.ForeignKey(
        "bumdes.Enterprise", on_delete=models.CASCADE, related_name="accounts"
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AccountKind.choices)
    is_header = models.BooleanField(_("header"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["enterprise", "code"]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "code"], name="unique_account_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def debit_normal(self) -> bool:
        return self.kind in DEBIT_NORMAL
