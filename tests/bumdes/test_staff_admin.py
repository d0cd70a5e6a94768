"""What each staff role finds in the admin: Indonesian as their admin language from the start,
the menus of the screens they use and no others, and, for editors, their own village page where
Wagtail would show the root of two page trees."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.menu import reports_menu
from wagtail.users.models import UserProfile

from bumdes.models import Enterprise, EnterpriseRole, Role
from bumdes.services import staff_assign
from tests.admin_screens import english
from tours.models import VillagePage

pytestmark = pytest.mark.django_db

User = get_user_model()


def sidebar(html: str) -> dict[str, list[str]]:
    """The main menu as {label: [labels of its submenu]}; for "Pages", [its start page]."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    props = json.loads(props[1])
    menu = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    items = {}
    for item in menu["_args"][0]:
        label = item["_args"][0]["label"]
        items[label] = (
            [child["_args"][0]["label"] for child in item["_args"][1]]
            if item["_type"] == "wagtail.sidebar.SubMenuItem"
            else []
        )
        if item["_type"] == "wagtail.sidebar.PageExplorerMenuItem":
            items[label] = [item["_args"][1]]
    return items


def test_demo_staff_have_the_admin_in_indonesian():
    for role in Role:
        profile = UserProfile.get_for_user(User.objects.get(username=f"lipursari-{role.value}"))
        assert profile.preferred_language == "id"


def test_staff_made_in_the_admin_get_the_admin_in_indonesian(client, login):
    login("admin")
    operators = EnterpriseRole.objects.get(enterprise__slug="lipursari", role=Role.OPERATOR).group
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "lipursari-operator-2",
            "email": "operator2@desawisata.example",
            "first_name": "Sari",
            "last_name": "Operator",
            "password1": "Gunung-Sindoro-2026",
            "password2": "Gunung-Sindoro-2026",
            "is_active": "on",
            "groups": [operators.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="lipursari-operator-2")
    assert UserProfile.get_for_user(user).preferred_language == "id"


def test_a_language_chosen_in_the_account_settings_is_kept():
    user = User.objects.create_user(username="gunturmadu-guest-editor", password="x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    staff_assign(user=user, enterprise=Enterprise.objects.get(slug="gunturmadu"), roles=["editor"])
    assert UserProfile.get_for_user(user).preferred_language == "en"


def test_login_page_is_in_indonesian(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Kata sandi" in html and "Lupa kata sandi?" in html
    assert "Password" not in html.replace('type="password"', "")


BOOKINGS = "Pemesanan"
BOOKS = "Pembukuan"
COMMUNITY = "Anggota komunitas"
PARTNERS = "Mitra"


def test_an_operator_sees_the_bookings_and_community_menus_only(client, login):
    login("lipursari-operator")
    assert sidebar(client.get("/admin/").content.decode()) == {
        BOOKINGS: [
            "Daftar pemesanan",
            "Keberangkatan",
            "Check-in",
            "Pemesanan baru",
            "Pemesanan mencurigakan",
        ],
        COMMUNITY: [],
    }


def test_a_treasurer_sees_the_books_and_what_they_check(client, login):
    login("lipursari-treasurer")
    assert sidebar(client.get("/admin/").content.decode()) == {
        BOOKINGS: ["Daftar pemesanan", "Keberangkatan", "Transfer bank"],
        COMMUNITY: [],
        PARTNERS: [],
        BOOKS: [
            "Laporan keuangan",
            "Jurnal umum",
            "Jurnal manual",
            "Buku besar",
            "Pembayaran",
            "Periode",
        ],
    }


def test_an_editor_sees_pages_their_reports_and_help(client, login):
    login("lipursari-editor")
    village = VillagePage.objects.get(slug="lipursari", locale__language_code="id")
    assert sidebar(client.get("/admin/").content.decode()) == {
        "Halaman": [village.pk],
        "Gambar": [],
        "Dokumen": [],
        "Laporan": ["Riwayat situs", "Halaman usang", "Terjemahan"],
        "Bantuan": ["Panduan editor", "Pintasan"],
    }


def test_a_superuser_keeps_wagtails_own_reports_and_release_notes(client, login):
    login("admin")
    menu = sidebar(client.get("/admin/").content.decode())
    assert "Page types usage" in menu["Laporan"]
    assert any(label.startswith("Yang baru di Wagtail") for label in menu["Bantuan"])


def test_the_translations_report_is_named_in_the_admins_language(client, login):
    # Wagtail builds its reports menu once per process: build it in English first.
    reports_menu.__dict__.pop("registered_menu_items", None)
    english("lipursari-editor")
    login("lipursari-editor")
    assert "Translations" in sidebar(client.get("/admin/").content.decode())["Reports"]
    UserProfile.objects.filter(user__username="lipursari-editor").update(preferred_language="id")
    assert "Terjemahan" in sidebar(client.get("/admin/").content.decode())["Laporan"]


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_editor_starts_on_their_village_page_in_their_language(client, login, language):
    UserProfile.objects.filter(user__username="lipursari-editor").update(
        preferred_language=language
    )
    login("lipursari-editor")
    village = VillagePage.objects.get(slug="lipursari", locale__language_code=language)
    html = client.get("/admin/").content.decode()
    assert list(sidebar(html).values())[0] == [village.pk]
    # The dashboard counts and links their pages, not the whole site's.
    pages = village.get_descendants(inclusive=True).count()
    assert re.search(rf'href="/admin/pages/{village.pk}/">\s*{pages} ', html)
    assert client.get(f"/admin/pages/{village.pk}/").status_code == 200


def test_the_dashboard_offers_the_page_search_to_page_editors_only(client, login):
    login("lipursari-editor")
    assert 'role="search"' in client.get("/admin/").content.decode()
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    assert 'role="search"' not in html and "Panduan editor" not in html
