"""Invariant 6 for pages: staff of one BUMDes see and change only their own village subtree."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.models import Page

from bumdes.models import Enterprise, EnterpriseRole, Role
from bumdes.services import enterprise_create, staff_assign, user_enterprise
from tests.admin_screens import refused
from tours.models import TourPage, VillagePage

pytestmark = pytest.mark.django_db


def _village(slug, language="id"):
    return VillagePage.objects.get(slug=slug, locale__language_code=language)


def test_creating_an_enterprise_creates_its_groups_and_collection():
    enterprise = enterprise_create(
        slug="sendangsari",
        name="BUMDes Sendangsari",
        ref_prefix="SDS",
        village="Sendangsari",
        legal_name="Badan Usaha Milik Desa Sendangsari",
    )
    roles = set(EnterpriseRole.objects.filter(enterprise=enterprise).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert enterprise.collection is not None
    assert enterprise.units.count() == 1
    editor_group = EnterpriseRole.objects.get(enterprise=enterprise, role=Role.EDITOR).group
    assert editor_group.permissions.filter(codename="access_admin").exists()
    assert editor_group.collection_permissions.filter(collection=enterprise.collection).exists()


def test_village_pages_grant_their_enterprise_page_permissions():
    for language in ("id", "en"):
        village = _village("lipursari", language)
        group = EnterpriseRole.objects.get(enterprise__slug="lipursari", role=Role.EDITOR).group
        codenames = set(
            group.page_permissions.filter(page=village).values_list(
                "permission__codename", flat=True
            )
        )
        assert {"add_page", "change_page", "publish_page"} <= codenames


def test_a_user_works_for_one_enterprise_only():
    user = get_user_model().objects.get(username="lipursari-editor")
    assert user_enterprise(user).slug == "lipursari"
    with pytest.raises(ValueError):
        staff_assign(
            user=user, enterprise=Enterprise.objects.get(slug="plobangan"), roles=["editor"]
        )


@pytest.mark.parametrize("language", ["id", "en"])
def test_editor_cannot_edit_another_villages_pages(client, login, language):
    login("lipursari-editor")
    plobangan = _village("plobangan", language)
    tour = TourPage.objects.child_of(plobangan).first()
    for page in (plobangan, tour):
        assert refused(client.get(f"/admin/pages/{page.pk}/edit/"))
        assert refused(client.post(f"/admin/pages/{page.pk}/edit/", {"title": "hacked"}))
        page.refresh_from_db()
        assert page.title != "hacked"
    assert refused(client.get(f"/admin/pages/add/tours/tourpage/{plobangan.pk}/"))


def test_editor_can_edit_own_village(client, login):
    login("lipursari-editor")
    for language in ("id", "en"):
        village = _village("lipursari", language)
        response = client.get(f"/admin/pages/{village.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert re.search(
            rf'<input type="text" name="title" value="{re.escape(village.title)}"', html
        )
        assert re.search(rf"<title>[^<]*: {re.escape(village.title)} - Wagtail</title>", html)
        assert f'value="{village.slug}"' in html


def test_explorer_does_not_list_other_villages(client, login):
    login("lipursari-editor")
    home = Page.objects.get(depth=2, locale__language_code="id")
    response = client.get(f"/admin/pages/{home.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _village("lipursari").title in html
    assert f"/admin/pages/{_village('plobangan').pk}/" not in html
    assert f"/admin/pages/{_village('gunturmadu').pk}/" not in html


def test_editor_cannot_see_another_villages_images(client, login):
    login("lipursari-editor")
    other = Image.objects.filter(collection__name__icontains="Plobangan").first()
    own = Image.objects.filter(collection__name__icontains="Lipursari").first()
    assert refused(client.get(f"/admin/images/{other.pk}/"))
    response = client.get(f"/admin/images/{own.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf"<title>[^<]*: {re.escape(own.title)} - Wagtail</title>", html)
    assert other.title not in html
    listing = client.get("/admin/images/").content.decode()
    assert own.title in listing
    assert other.title not in listing
    assert f"/admin/images/{other.pk}/" not in listing


def test_operator_cannot_edit_pages(client, login):
    login("lipursari-operator")
    assert refused(client.get(f"/admin/pages/{_village('lipursari').pk}/edit/"))


def test_only_superusers_manage_enterprises(client, login):
    login("lipursari-manager")
    assert refused(client.get("/admin/snippets/bumdes/enterprise/"))
    login("admin")
    response = client.get("/admin/snippets/bumdes/enterprise/")
    assert response.status_code == 200
    html = response.content.decode()
    names = list(Enterprise.objects.order_by("name").values_list("name", flat=True))
    assert len(names) == 3
    assert all(name in html for name in names)
