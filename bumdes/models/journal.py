"""The journal: double-entry bookkeeping of one BUMDes.

Every money event posts one journal entry whose lines balance (debits equal credits), in the same
database transaction as the state change that caused it. Entries are never edited or deleted: a
mistake is corrected by a reversing entry dated in an open period. The entry's source
(`source_type`, `source_ref`) is unique per enterprise, so each event posts exactly once however
often it is replayed. Nothing is posted on or before the enterprise's lock date.

These rules live in the services (`bumdes.ledger`) *and* in PostgreSQL (constraints and triggers
in the migrations), because `save()`, signals and model validation are skipped by `update()` and
`bulk_create`. PostgreSQL also seals each entry when the transaction that posts it commits (a
`sealed` column of the database's own, unknown to Django): a sealed entry takes no more lines.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    DEBIT = "debit", _("Debit")
    CREDIT = "credit", _("Credit")


class JournalEntry(models.Model):
    enterprise = models.ForeignKey(
        "bumdes.Enterprise", on_delete=models.PROTECT, related_name="journal_entries"
    )
    date = models.DateField(_("date"))
    memo = models.CharField(_("description"), max_length=255)
    source_type = models.CharField(_("source"), max_length=40)
    source_ref = models.CharField(_("source reference"), max_length=120)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("reverses"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "source_type", "source_ref"], name="entry_posts_once"
            ),
        ]
        indexes = [models.Index(fields=["enterprise", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.memo}"


class JournalLine(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="lines")
    # Copied from the entry so that reports filter and group lines without a join; the database
    # checks that they agree with the entry.
    enterprise = models.ForeignKey("bumdes.Enterprise", on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    account = models.ForeignKey(
        "bumdes.Account", verbose_name=_("account"), on_delete=models.PROTECT, related_name="lines"
    )
    unit = models.ForeignKey(
        "bumdes.BusinessUnit",
        verbose_name=_("business unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    side = models.CharField(_("side"), max_length=6, choices=Side.choices)
    amount = models.BigIntegerField(_("amount (Rp)"))
    booking_ref = models.CharField(_("booking"), max_length=20, blank=True)
    counterparty = models.ForeignKey(
        "bumdes.Counterparty",
        verbose_name=_("counterparty"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lines",
    )
    # Dimensions for the operational reports (revenue by tour, village and channel).
    tour = models.CharField(_("experience"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=12, blank=True)

    class Meta:
        ordering = ["entry", "pk"]
        verbose_name = _("journal line")
        verbose_name_plural = _("journal lines")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="line_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(side__in=["debit", "credit"]), name="line_side_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["enterprise", "account", "date"]),
            models.Index(fields=["enterprise", "date"]),
            models.Index(fields=["enterprise", "booking_ref"]),
            models.Index(fields=["enterprise", "counterparty"]),
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.account.code} {self.amount}"

    @property
    def signed(self) -> int:
        return self.amount if self.side == Side.DEBIT else -self.amount


class ManualEntry(models.Model):
    """A manual entry proposed by one treasurer and posted only when a second person approves."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        POSTED = "posted", _("Posted")
        REJECTED = "rejected", _("Rejected")

    enterprise = models.ForeignKey(
        "bumdes.Enterprise", on_delete=models.CASCADE, related_name="manual_entries"
    )
    date = models.DateField(_("date"))
    memo = models.CharField(_("description"), max_length=255)
    lines = models.JSONField(_("lines"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entry = models.OneToOneField(
        JournalEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("manual entry")
        verbose_name_plural = _("manual entries")

    def __str__(self) -> str:
        return f"{self.date} {self.memo}"


class LockDateChange(models.Model):
    """Every change of an enterprise's lock date, reopening included, with its reason."""

    enterprise = models.ForeignKey(
        "bumdes.Enterprise", on_delete=models.CASCADE, related_name="lock_changes"
    )
    old_date = models.DateField(null=True, blank=True)
    new_date = models.DateField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("lock date change")

    def __str__(self) -> str:
        return f"{self.old_date} → {self.new_date}"
