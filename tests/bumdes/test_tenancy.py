"""Staff of one BUMDes reach none of another's pages, images or documents: not in the explorer,
the page chooser, the confirm pages of move and bulk actions, nor the admin API; a document's file
is public only once a live page links to it."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

from bumdes.models import Enterprise
from tours.models import TourPage, VillagePage

pytestmark = pytest.mark.django_db

ROLES = ["lipursari-editor", "lipursari-manager", "lipursari-operator", "lipursari-treasurer"]


def _village(slug):
    return VillagePage.objects.get(slug=slug, locale__language_code="id")


def _document(slug, title):
    collection = Enterprise.objects.get(slug=slug).collection
    return Document.objects.create(
        title=title, file=ContentFile(b"isi rahasia", name=f"{slug}.txt"), collection=collection
    )


@pytest.fixture
def plobangan_draft():
    """A draft experience of Plobangan, whose title must not leak."""
    village = _village("plobangan")
    draft = TourPage.objects.child_of(village).first()
    draft.title = "Rahasia Plobangan Draf"
    draft.save_revision()
    return draft


@pytest.mark.parametrize("username", ROLES)
def test_another_villages_pages_are_out_of_reach(client, login, username, plobangan_draft):
    login(username)
    village = _village("plobangan")
    own = _village("lipursari")
    tour = TourPage.objects.child_of(village).first()
    urls = [
        f"/admin/pages/{village.pk}/",
        f"/admin/pages/{village.pk}/results/",
        f"/admin/choose-page/{village.pk}/",
        f"/admin/choose-page/chosen-multiple/?id={tour.pk}",
        f"/admin/pages/{tour.pk}/move/",
        f"/admin/pages/{tour.pk}/move/{own.pk}/confirm/",
        f"/admin/pages/{tour.pk}/history/",
        f"/admin/pages/{tour.pk}/revisions/",
        f"/admin/bulk/wagtailcore/page/move/?id={tour.pk}",
        f"/admin/bulk/wagtailcore/page/publish/?id={tour.pk}&id={plobangan_draft.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id={own.pk}&id={tour.pk}",
        f"/admin/api/main/pages/{village.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code in (302, 403, 404), url
        assert village.title not in body and "Rahasia Plobangan" not in body, url


@pytest.mark.parametrize("username", ["lipursari-editor", "lipursari-manager"])
def test_the_page_chooser_lists_only_the_own_village(client, login, username):
    login(username)
    home = _village("lipursari").get_parent()
    body = client.get(f"/admin/choose-page/{home.pk}/").content.decode()
    assert _village("lipursari").title in body
    assert _village("plobangan").title not in body
    search = client.get("/admin/choose-page/search/", {"q": "Plobangan"}).content.decode()
    assert f'"id": {_village("plobangan").pk}' not in search
    assert not re.search(rf"/admin/pages/{_village('plobangan').pk}/", search)


@pytest.mark.parametrize("username", ROLES)
def test_the_admin_api_lists_only_the_own_images_and_documents(client, login, username):
    own_doc = _document("lipursari", "Laporan Lipursari")
    other_doc = _document("plobangan", "Laporan Plobangan")
    login(username)
    images = client.get("/admin/api/main/images/?limit=20").json()
    image_ids = {item["id"] for item in images["items"]}
    own_images = Image.objects.filter(collection__name__icontains="Lipursari")
    other_images = set(
        Image.objects.filter(collection__name__icontains="Plobangan").values_list("pk", flat=True)
    )
    assert other_images and not image_ids & other_images
    editors = ("lipursari-editor", "lipursari-manager")
    assert images["meta"]["total_count"] == (own_images.count() if username in editors else 0)
    documents = {item["id"] for item in client.get("/admin/api/main/documents/").json()["items"]}
    assert other_doc.pk not in documents
    assert (own_doc.pk in documents) == (username in editors)
    assert client.get(f"/admin/api/main/documents/{other_doc.pk}/").status_code == 404
    assert client.get(f"/admin/api/main/images/{min(other_images)}/").status_code == 404


def test_image_and_document_bulk_actions_refuse_another_bumdes(client, login):
    other_doc = _document("plobangan", "Laporan Plobangan")
    image = Image.objects.filter(collection__name__icontains="Plobangan").first()
    login("lipursari-editor")
    for url in (
        f"/admin/bulk/wagtaildocs/document/delete/?id={other_doc.pk}",
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={image.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert other_doc.title not in response.content.decode()


def test_a_document_is_private_to_its_bumdes_until_published(client, login):
    document = _document("plobangan", "Laporan Plobangan")
    assert client.get(document.url).status_code == 404
    login("lipursari-editor")
    assert client.get(document.url).status_code == 404
    login("plobangan-editor")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"isi rahasia"

    client.logout()
    village = _village("plobangan")
    village.story = f'<p><a linktype="document" id="{document.pk}">Laporan</a></p>'
    village.save_revision().publish()
    assert client.get(document.url).status_code == 200
    village.unpublish()
    assert client.get(document.url).status_code == 404
