"""The demo partners: a hotel and a travel agent selling every village, each with an active
agreement with every BUMDes, a partner user and a co-branded page under the partners' index.

Like the rest of the loader, what exists is kept and what is missing is made: a partner found
by its slug keeps its terms, an agreement found keeps its status, a page found keeps its words.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from bumdes.models import Enterprise
from demo.images.logos import make_logo
from demo.loader.tree import DemoRun, english_slug, publish, rich, translation
from home.models import HomePage
from tours.models import Partner, PartnerAgreement, PartnerIndexPage, PartnerPage
from tours.partners.accounts import agreement_approve, agreement_create, partner_create

ACCOUNT_FIELDS = ("name", "kind", "contact_name", "email", "phone", "address", "website")


def partners_load(
    run: DemoRun, homes: dict[str, HomePage], content: tuple[dict, list[dict]], set_passwords: bool
) -> None:
    index, partners = content
    indexes = _index_load(run, homes, index)
    for data in partners:
        partner = _partner_load(run, data)
        _user_load(run, partner, data, set_passwords)
        _page_load(run, indexes, partner, data)


def _index_load(run: DemoRun, homes: dict[str, HomePage], index: dict) -> dict:
    page = PartnerIndexPage.objects.child_of(homes["id"]).first()
    if page is None:
        page = homes["id"].add_child(
            instance=PartnerIndexPage(
                title=index["title"]["id"],
                slug=index["slug"],
                intro=index["intro"]["id"],
                locale=run.locales["id"],
            )
        )
        publish(page)
    en_page, created = translation(page, run.locales["en"])
    renamed = english_slug(en_page, page, index.get("slug_en"))
    if created:
        en_page.title, en_page.intro = index["title"]["en"], index["intro"]["en"]
    if created or renamed:
        publish(en_page)
    return {"id": page, "en": en_page}


def _partner_load(run: DemoRun, data: dict) -> Partner:
    partner = Partner.objects.filter(slug=data["slug"]).first()
    if partner is None:
        partner = partner_create(
            slug=data["slug"], **{name: data.get(name, "") for name in ACCOUNT_FIELDS}
        )
        run.summary.created.append(f"partner {partner.name}")
    for enterprise in Enterprise.objects.order_by("pk"):
        if PartnerAgreement.objects.filter(partner=partner, enterprise=enterprise).exists():
            continue
        agreement = agreement_create(
            partner=partner,
            enterprise=enterprise,
            commission_percent=data["commission_percent"],
            settlement=data["settlement"],
            credit_limit=data["credit_limit"],
        )
        agreement_approve(agreement=agreement)
    return partner


def _user_load(run: DemoRun, partner: Partner, data: dict, set_passwords: bool) -> None:
    username = data["username"]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": data["contact_name"], "email": data["email"]},
    )
    if created or set_passwords:
        user.set_password(run.password)
        user.save()
    partner.users.add(user)
    run.summary.logins.append((username, f"partner user of {partner.name}"))


def _logo(run: DemoRun, data: dict) -> Image:
    title = f"Logo {data['name']}"
    existing = Image.objects.filter(title=title, collection=run.collection).first()
    if existing is not None:
        return existing
    image = Image(title=title, collection=run.collection)
    png = make_logo(data["logo_text"], data["logo_colour"])
    image.file = ImageFile(BytesIO(png), name=f"logo-{data['slug']}.png")
    image.save()
    return image


def _page_load(run: DemoRun, indexes: dict, partner: Partner, data: dict) -> None:
    page = PartnerPage.objects.child_of(indexes["id"]).filter(partner=partner).first()
    if page is None:
        page = indexes["id"].add_child(
            instance=PartnerPage(
                title=data["title"]["id"],
                slug=partner.slug,
                partner=partner,
                logo=_logo(run, data),
                welcome=rich(data["welcome"]["id"]),
                locale=run.locales["id"],
            )
        )
        publish(page)
    en_page, created = translation(page, run.locales["en"])
    if created:
        en_page.title, en_page.welcome = data["title"]["en"], rich(data["welcome"]["en"])
        publish(en_page)
