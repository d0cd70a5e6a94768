"""Invariant 4 in the database itself: try to break the books with raw SQL and the ORM."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction

from bumdes import chart
from bumdes.ledger import EntryBuilder, LedgerError, PeriodClosed, Unbalanced
from bumdes.models import Account, Enterprise, JournalEntry, JournalLine, Side
from bumdes.periods import period_lock

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 14)


@pytest.fixture
def enterprise():
    return Enterprise.objects.get(slug="lipursari")


def _entry(enterprise, ref="t-1", amount=100_000, date=DAY):
    return (
        EntryBuilder(
            enterprise=enterprise, date=date, memo="test", source_type="test", source_ref=ref
        )
        .debit(chart.CASH, amount)
        .credit(chart.UNEARNED, amount)
        .post()
    )


def _commit_checks():
    """Run the deferred constraint triggers now, as a commit would."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_a_balanced_entry_posts_and_passes_the_commit_check(enterprise):
    entry = _entry(enterprise)
    _commit_checks()
    assert entry.lines.count() == 2


def test_unbalanced_entry_is_refused_by_the_service(enterprise):
    builder = EntryBuilder(
        enterprise=enterprise, date=DAY, memo="x", source_type="test", source_ref="bad"
    )
    with pytest.raises(Unbalanced):
        builder.debit(chart.CASH, 100).credit(chart.UNEARNED, 99).post()
    assert not JournalEntry.objects.filter(source_ref="bad").exists()


def test_unbalanced_lines_via_bulk_create_are_refused_at_commit(enterprise):
    entry = _entry(enterprise)
    cash = Account.objects.get(enterprise=enterprise, code=chart.CASH)
    with pytest.raises(DatabaseError, match="unbalanced"), transaction.atomic():
        JournalLine.objects.bulk_create(
            [
                JournalLine(
                    entry=entry,
                    enterprise=enterprise,
                    date=DAY,
                    account=cash,
                    side=Side.DEBIT,
                    amount=5,
                )
            ]
        )
        _commit_checks()


def test_an_entry_without_lines_is_refused_at_commit(enterprise):
    with pytest.raises(DatabaseError, match="line"), transaction.atomic():
        JournalEntry.objects.create(
            enterprise=enterprise, date=DAY, memo="empty", source_type="test", source_ref="empty"
        )
        _commit_checks()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE bumdes_journalline SET amount = amount + 1 WHERE entry_id = %s",
        "DELETE FROM bumdes_journalline WHERE entry_id = %s",
        "UPDATE bumdes_journalentry SET memo = 'changed' WHERE id = %s",
        "DELETE FROM bumdes_journalentry WHERE id = %s",
    ],
)
def test_posted_entries_cannot_be_changed_with_raw_sql(enterprise, sql):
    entry = _entry(enterprise)
    with pytest.raises(DatabaseError, match="cannot be changed"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])


def test_posted_lines_cannot_be_changed_with_the_orm(enterprise):
    entry = _entry(enterprise)
    with pytest.raises(DatabaseError), transaction.atomic():
        JournalLine.objects.filter(entry=entry).update(amount=1)
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.lines.first().delete()
    line = entry.lines.first()
    line.amount = 7
    with pytest.raises(DatabaseError), transaction.atomic():
        line.save()


def test_each_source_posts_once(enterprise):
    first = _entry(enterprise, ref="same")
    again = _entry(enterprise, ref="same", amount=999)
    assert again.pk == first.pk
    assert JournalEntry.objects.filter(source_ref="same").count() == 1
    with pytest.raises(DatabaseError), transaction.atomic():
        JournalEntry.objects.bulk_create(
            [
                JournalEntry(
                    enterprise=enterprise,
                    date=DAY,
                    memo="dup",
                    source_type="test",
                    source_ref="same",
                )
            ]
        )


def test_nothing_is_posted_on_or_before_the_lock_date(enterprise):
    period_lock(enterprise=enterprise, lock_date=DAY)
    with pytest.raises(PeriodClosed):
        _entry(enterprise, ref="locked")
    # The database refuses it too, whatever the code path.
    entry = JournalEntry(
        enterprise=enterprise, date=DAY, memo="raw", source_type="test", source_ref="raw"
    )
    cash = Account.objects.get(enterprise=enterprise, code=chart.CASH)
    with pytest.raises(DatabaseError, match="locked"), transaction.atomic():
        entry.save()
        JournalLine.objects.bulk_create(
            [
                JournalLine(
                    entry=entry, enterprise=enterprise, date=DAY, account=cash, side=side, amount=10
                )
                for side in (Side.DEBIT, Side.CREDIT)
            ]
        )
    # The day after the lock date is open.
    next_day = DAY + dt.timedelta(days=1)
    assert _entry(enterprise, ref="open", date=next_day).date == next_day


def test_reopening_needs_a_reason(enterprise):
    period_lock(enterprise=enterprise, lock_date=DAY)
    with pytest.raises(LedgerError):
        period_lock(enterprise=enterprise, lock_date=DAY - dt.timedelta(days=30))
    period_lock(enterprise=enterprise, lock_date=DAY - dt.timedelta(days=30), reason="audit fix")
    assert enterprise.lock_changes.first().reason == "audit fix"


def test_only_own_detail_accounts(enterprise):
    other = Enterprise.objects.get(slug="plobangan")
    header = Account.objects.get(enterprise=enterprise, code="1.1.01")
    foreign = Account.objects.get(enterprise=other, code=chart.CASH)
    builder = EntryBuilder(
        enterprise=enterprise, date=DAY, memo="x", source_type="t", source_ref="h"
    )
    with pytest.raises(LedgerError):
        builder.debit("1.1.01", 5).credit(chart.UNEARNED, 5).post()
    entry = JournalEntry(
        enterprise=enterprise, date=DAY, memo="raw", source_type="t", source_ref="r"
    )
    for account, message in ((header, "header"), (foreign, "another enterprise")):
        with pytest.raises(DatabaseError, match=message), transaction.atomic():
            entry.pk = None
            entry.source_ref = f"r-{account.pk}"
            entry.save()
            JournalLine.objects.create(
                entry=entry,
                enterprise=enterprise,
                date=DAY,
                account=account,
                side=Side.DEBIT,
                amount=5,
            )
