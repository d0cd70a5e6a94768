"""A partner's account and its agreements with the BUMDes it sells for.

A hotel or agent applies with the public form (`partner_apply`): its account is made with a
pending agreement with each village it wants to sell, and each BUMDes's staff approve (or later
suspend) their own agreement. Each agreement is also the partner's counterparty in that BUMDes's
books, so what it owes and is owed is kept per partner and BUMDes.
"""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from bumdes.models import Counterparty, CounterpartyKind, Enterprise
from tours.models import Partner, PartnerAgreement, PartnerStatus, TourPage


def _unique_slug(name: str) -> str:
    base = slugify(name)[:40] or "mitra"
    slug, n = base, 2
    while Partner.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def partner_create(*, name: str, slug: str = "", **fields) -> Partner:
    """A partner account; its referral code is its slug unless given."""
    slug = slug or _unique_slug(name)
    fields.setdefault("code", slug)
    return Partner.objects.create(name=name, slug=slug, **fields)


@transaction.atomic
def agreement_create(*, partner: Partner, enterprise: Enterprise, **terms) -> PartnerAgreement:
    """An agreement between a partner and a BUMDes (pending unless `status` is given), with the
    partner as a counterparty in that BUMDes's books."""
    counterparty = Counterparty.objects.create(
        enterprise=enterprise, kind=CounterpartyKind.PARTNER, name=partner.name[:120]
    )
    agreement = PartnerAgreement(
        partner=partner, enterprise=enterprise, counterparty=counterparty, **terms
    )
    agreement.full_clean(exclude=["counterparty"])
    agreement.save()
    return agreement


@transaction.atomic
def partner_apply(*, enterprises: Iterable[Enterprise], **fields) -> Partner:
    """The public application: a partner with a pending agreement per village it wants to sell."""
    partner = partner_create(**fields)
    for enterprise in enterprises:
        agreement_create(partner=partner, enterprise=enterprise)
    return partner


def agreement_approve(
    *, agreement: PartnerAgreement, user=None, now: dt.datetime | None = None
) -> PartnerAgreement:
    agreement.status = PartnerStatus.ACTIVE
    if agreement.approved_at is None:
        agreement.approved_at = now or timezone.now()
        agreement.approved_by = user if getattr(user, "is_authenticated", False) else None
    agreement.save(update_fields=["status", "approved_at", "approved_by"])
    return agreement


def agreement_suspend(*, agreement: PartnerAgreement) -> PartnerAgreement:
    """Stop the partner selling this BUMDes's experiences (its bookings stay as they are)."""
    agreement.status = PartnerStatus.SUSPENDED
    agreement.save(update_fields=["status"])
    return agreement


def tours_sold(agreement: PartnerAgreement) -> list[TourPage]:
    """The BUMDes's experiences (their canonical pages, whose tiers bookings use)."""
    return list(
        TourPage.objects.filter(
            business_unit__enterprise_id=agreement.enterprise_id, locale__language_code="id"
        )
        .prefetch_related("price_tiers")
        .order_by("title")
    )


@transaction.atomic
def agreement_tour_terms_set(
    *, agreement: PartnerAgreement, commissions: dict, net_rates: dict
) -> None:
    """Per-experience commissions and per-tier net rates of an agreement: a value sets one, an
    empty one (None) removes it, so the agreement's own terms apply."""
    for tour_id, percent in commissions.items():
        if percent is None:
            agreement.tour_terms.filter(tour_id=tour_id).delete()
        else:
            agreement.tour_terms.update_or_create(
                tour_id=tour_id, defaults={"commission_percent": percent}
            )
    for tier_id, price in net_rates.items():
        if price is None:
            agreement.net_rates.filter(tier_id=tier_id).delete()
        else:
            agreement.net_rates.update_or_create(tier_id=tier_id, defaults={"net_price": price})


def partner_is_active(partner: Partner) -> bool:
    """May the partner sell at all (an active agreement with at least one BUMDes)?"""
    return partner.agreements.filter(status=PartnerStatus.ACTIVE).exists()


def partner_for_user(user) -> Partner | None:
    """The partner a logged-in partner user works for."""
    if not getattr(user, "is_authenticated", False):
        return None
    return user.partners.first()
