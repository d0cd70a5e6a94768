"""Who sees the Books and Community menus, and the model permissions each staff role gets."""

import pytest
from django.contrib.auth import get_user_model

from tests.bumdes.books_screens import COMMUNITY, JOURNAL, LEDGER, PAYMENTS, PERIODS

pytestmark = pytest.mark.django_db


def test_books_menu_for_treasurers_and_managers_community_for_operators(client, login):
    books = (JOURNAL, LEDGER, PAYMENTS, PERIODS, "/admin/books/reports/", "/admin/books/manual/")
    for username in ("lipursari-treasurer", "lipursari-manager", "admin"):
        login(username)
        html = client.get("/admin/").content.decode()
        for url in books:
            assert url in html, (username, url)
        assert COMMUNITY in html
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    assert COMMUNITY in html
    assert not any(url in html for url in books)
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert COMMUNITY not in html and JOURNAL not in html


def test_model_permissions_come_from_the_roles():
    user = get_user_model().objects.get(username="lipursari-treasurer")
    assert user.has_perm("bumdes.add_journalentry") and user.has_perm("bumdes.change_manualentry")
    assert not user.has_perm("bumdes.add_counterparty")
    operator = get_user_model().objects.get(username="lipursari-operator")
    assert operator.has_perm("bumdes.change_counterparty")
    assert not operator.has_perm("bumdes.view_journalentry")
    manager = get_user_model().objects.get(username="lipursari-manager")
    assert manager.has_perm("bumdes.add_lockdatechange") and manager.has_perm(
        "bumdes.add_counterparty"
    )
