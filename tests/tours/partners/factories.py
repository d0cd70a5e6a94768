"""Partners for the tests: a hotel (guest pays, 10%) and an agent (on account, 15%, with a
credit limit), each with an active agreement with Lipursari's BUMDes."""

from django.contrib.auth import get_user_model

from bumdes.models import Enterprise
from tours.models import Partner, PartnerKind, Settlement
from tours.partners.accounts import agreement_approve, agreement_create, partner_create


def partner_with_agreement(
    slug: str,
    *,
    kind: str = PartnerKind.HOTEL,
    enterprise: str = "lipursari",
    active: bool = True,
    **terms,
) -> Partner:
    partner = partner_create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        kind=kind,
        contact_name="Rina",
        email=f"{slug}@example.com",
        phone="+6281234567890",
    )
    agreement = agreement_create(
        partner=partner, enterprise=Enterprise.objects.get(slug=enterprise), **terms
    )
    if active:
        agreement_approve(agreement=agreement)
    return partner


def hotel(slug: str = "uji-hotel", **kwargs) -> Partner:
    return partner_with_agreement(slug, commission_percent=10, **kwargs)


def agent(slug: str = "uji-agen", *, credit_limit: int = 1_000_000, **kwargs) -> Partner:
    return partner_with_agreement(
        slug,
        kind=PartnerKind.AGENT,
        commission_percent=15,
        settlement=Settlement.ON_ACCOUNT,
        credit_limit=credit_limit,
        **kwargs,
    )


PARTNER_PASSWORD = "front-desk-123"


def partner_user(partner: Partner, username: str = "", **fields):
    """A front-desk user of `partner` (password `PARTNER_PASSWORD`)."""
    user = get_user_model().objects.create_user(
        username=username or f"{partner.slug}-desk",
        password=PARTNER_PASSWORD,
        first_name="Rina",
        **fields,
    )
    partner.users.add(user)
    return user
