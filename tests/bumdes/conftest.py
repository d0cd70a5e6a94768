"""Fixtures shared by the Books tests."""

import datetime as dt

import pytest

from bumdes import postings
from bumdes.models import Counterparty
from tests.admin_screens import in_english
from tests.bumdes.books_screens import today
from tests.bumdes.enterprises import make_enterprise, make_user


@pytest.fixture
def fresh():
    """A BUMDes of the test's own: capital, a sale last year, and a guide owed her share."""
    enterprise = make_enterprise("karangsari", "KRS")
    enterprise.share_village_percent = 40
    enterprise.share_reserve_percent = 20
    enterprise.share_investors_percent = 10
    enterprise.save()
    last_year = today().year - 1
    unit = enterprise.units.get()
    guide = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Bu Warsini", role="pemandu"
    )
    postings.post_capital(
        enterprise=enterprise, amount=5_000_000, date=dt.date(last_year, 1, 5), source_ref="m"
    )
    sale = postings.Sale(enterprise=enterprise, booking_ref="KRS-AAAAA", unit=unit, tour="Tur")
    postings.post_payment_received(
        sale=sale,
        amount=1_000_000,
        method="cash",
        date=dt.date(last_year, 6, 1),
        delivered=False,
        source_ref="p",
    )
    postings.post_delivery(
        sale=sale, date=dt.date(last_year, 6, 15), shares=[(guide, 200_000)], source_ref="d"
    )
    return {
        "enterprise": enterprise,
        "guide": guide,
        "unit": unit,
        "last_year": last_year,
        "ana": in_english(make_user("krs-ana", enterprise, "treasurer")),
        "bayu": in_english(make_user("krs-bayu", enterprise, "manager")),
        "operator": in_english(make_user("krs-operator", enterprise, "operator")),
    }
