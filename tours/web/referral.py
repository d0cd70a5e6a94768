"""Referral links: `?ref=<code>` on any public page remembers the partner for 30 days.

A guest who arrives through a partner's link (or its page, or its widget) and books within 30
days books as the partner's guest: the booking is attributed to the partner, which earns its
commission. The guest pays as usual. The code is kept in a signed cookie (SameSite=Lax, so it
comes along when the guest follows a link from another site but is never sent by another
site's forms or frames); only the code of a partner with an active agreement is remembered, an
unknown code is ignored. A referral never refuses a guest: when the remembered partner does
not sell the village booked (no active agreement with its BUMDes, or net rates, whose prices a
guest never sees), the booking is simply direct.
"""

import datetime as dt

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from core.content_policy import is_admin_request
from tours.booking.partner_terms import agreement_for
from tours.models import Departure, Partner, PartnerStatus, Terms
from tours.partners.accounts import partner_is_active

COOKIE = "desa_ref"
SALT = "tours.referral"
MAX_AGE = dt.timedelta(days=30)
PARAMETER = "ref"


def partner_by_code(code: str) -> Partner | None:
    """The partner with this referral code, when it may sell (an active agreement)."""
    code = (code or "").strip()[:30]
    partner = Partner.objects.filter(code=code).first() if code else None
    return partner if partner is not None and partner_is_active(partner) else None


def referral_remember(response: HttpResponseBase, partner: Partner, *, secure: bool) -> None:
    response.set_signed_cookie(
        COOKIE,
        partner.code,
        salt=SALT,
        max_age=int(MAX_AGE.total_seconds()),
        samesite="Lax",
        httponly=True,
        secure=secure or settings.SESSION_COOKIE_SECURE,
    )


def referred_partner(request: HttpRequest) -> Partner | None:
    """The partner the guest came from: this request's `?ref=`, else the remembered one."""
    partner = partner_by_code(request.GET.get(PARAMETER, ""))
    if partner is not None:
        return partner
    code = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE.total_seconds())
    return partner_by_code(code)


def referral_partner_for(request: HttpRequest, departure: Departure) -> Partner | None:
    """The referring partner when it sells this departure's village on commission, else None
    (a direct booking)."""
    partner = referred_partner(request)
    if partner is None:
        return None
    agreement = agreement_for(partner, departure.enterprise_id)
    if agreement is None or agreement.status != PartnerStatus.ACTIVE:
        return None
    return partner if agreement.terms == Terms.COMMISSION else None


class ReferralMiddleware:
    """Remember the partner of a `?ref=` link on any page outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        code = request.GET.get(PARAMETER)
        if code and request.method == "GET" and not is_admin_request(request):
            partner = partner_by_code(code)
            if partner is not None:
                referral_remember(response, partner, secure=request.is_secure())
        return response
