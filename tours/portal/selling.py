"""What a partner may sell, and at which price.

A partner sells the published experiences of each BUMDes it has an active agreement with. The
prices it sees are what it books at: the experience's prices on commission terms (with its
commission beside them), its net rates on net-rate terms — a tier without an agreed net rate
is not offered to it.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Locale

from tours.booking.partner_terms import agreement_for, commission_percent_for
from tours.models import Partner, PartnerStatus, Terms, TourPage
from tours.models.availability import tour_in_language


def selling_enterprise_ids(partner: Partner) -> list[int]:
    return list(
        partner.agreements.filter(status=PartnerStatus.ACTIVE).values_list(
            "enterprise_id", flat=True
        )
    )


def tours_for_sale(partner: Partner) -> list[TourPage]:
    """The experiences the partner may sell (booking pages), each with `shown`: the page in
    the reader's language."""
    tours = (
        TourPage.objects.live()
        .public()
        .filter(
            locale=Locale.get_default(),
            business_unit__enterprise_id__in=selling_enterprise_ids(partner),
        )
        .select_related("business_unit__enterprise")
        .order_by("title")
    )
    language = get_language()
    result = []
    for tour in tours:
        tour.shown = tour_in_language(tour, language)
        result.append(tour)
    return result


def tour_for_sale(partner: Partner, page_id: int) -> TourPage:
    """One experience the partner may sell, by its booking page's id; 404 for any other."""
    tour = next((tour for tour in tours_for_sale(partner) if tour.pk == page_id), None)
    if tour is None:
        raise Http404
    return tour


def partner_tiers(partner: Partner, tour: TourPage) -> tuple[list, dict]:
    """The tiers the partner books (labelled in the reader's language), each with
    `partner_price`; and the terms shown beside them (`net_rates`, `commission_percent`,
    `on_account`)."""
    agreement = agreement_for(partner, tour.business_unit.enterprise_id)
    tiers = tour_in_language(tour, get_language()).tiers_shown()
    net_rates = agreement.terms == Terms.NET_RATES
    if net_rates:
        rates = dict(agreement.net_rates.values_list("tier_id", "net_price"))
        tiers = [tier for tier in tiers if tier.pk in rates]
        for tier in tiers:
            tier.partner_price = rates[tier.pk]
    else:
        for tier in tiers:
            tier.partner_price = tier.price
    terms = {
        "net_rates": net_rates,
        "commission_percent": commission_percent_for(agreement, tour),
        "on_account": agreement.on_account,
    }
    return tiers, terms
