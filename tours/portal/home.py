"""The portal's home: who is logged in for which partner, a quick "book for a guest", today's
and the coming bookings, the commission earned this month and last, and the partner's
agreement with each BUMDes (terms, settlement, credit left on account)."""

import datetime as dt

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.localtime import business_date, local_days_filter, today_in
from tours.booking.partner_terms import credit_left
from tours.models import BookingStatus
from tours.partners.bookings import commission_this_and_last_month
from tours.portal.access import partner_bookings, partner_page

UPCOMING_SHOWN = 8


def _live(now):
    return Q(status=BookingStatus.CONFIRMED) | Q(status=BookingStatus.HELD, hold_expires_at__gt=now)


def home_bookings(partner, now: dt.datetime) -> tuple[list, list]:
    """(today's bookings, the next ones after today) that still stand."""
    today = today_in(now)
    live = partner_bookings(partner).filter(_live(now)).order_by("departure__starts_at", "pk")
    todays = live.filter(
        local_days_filter("departure__starts_at", "enterprise__time_zone", first=today, last=today)
    )
    coming = live.filter(
        local_days_filter(
            "departure__starts_at",
            "enterprise__time_zone",
            first=lambda zone: business_date(now, zone) + dt.timedelta(days=1),
        )
    )
    return list(todays), list(coming[:UPCOMING_SHOWN])


def partner_agreements(partner, now: dt.datetime) -> list:
    """The partner's agreements, each with `credit_left` when it settles on account and the
    months of its latest statements (`statement_months`: this month and last, in the village's
    own calendar)."""
    agreements = list(partner.agreements.select_related("enterprise", "counterparty"))
    for agreement in agreements:
        agreement.credit_left = credit_left(agreement) if agreement.on_account else None
        today = business_date(now, agreement.enterprise.zone)
        last = today.replace(day=1) - dt.timedelta(days=1)
        agreement.statement_months = [today.replace(day=1), last.replace(day=1)]
    return agreements


@partner_page
@require_GET
def portal_home(request, partner):
    now = timezone.now()
    todays, coming = home_bookings(partner, now)
    context = {
        "partner": partner,
        "nav": "home",
        "todays": todays,
        "coming": coming,
        "earned": commission_this_and_last_month(partner, business_date(now)),
        "agreements": partner_agreements(partner, now),
    }
    return render(request, "tours/portal/home.html", context)
