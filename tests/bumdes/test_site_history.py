"""The site history (Wagtail's audit log) lists the books' log entries, linked to their inspect
screens, for the treasurer, the manager and the platform administrator."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from bumdes import chart
from bumdes.manual import ProposedLine, manual_entry_propose
from bumdes.models import Enterprise
from tests.bumdes.books_screens import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal():
    treasurer = get_user_model().objects.get(username="lipursari-treasurer")
    return manual_entry_propose(
        enterprise=Enterprise.objects.get(slug="lipursari"),
        date=today(),
        memo="Biaya administrasi bank",
        lines=[
            ProposedLine("6.3.99.92", "debit", 25_000, None),
            ProposedLine(chart.BANK, "credit", 25_000, None),
        ],
        user=treasurer,
    )


@pytest.mark.parametrize("username", ["lipursari-treasurer", "lipursari-manager", "admin"])
def test_site_history_lists_manual_entries(client, login, proposal, username):
    login(username)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert reverse("books_manual:inspect", args=[proposal.pk]) in response.content.decode()


def test_site_history_does_not_link_other_bumdes_entries(client, login, proposal):
    login("plobangan-treasurer")
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert reverse("books_manual:inspect", args=[proposal.pk]) not in response.content.decode()
