"""Who may use the partner portal, and what each partner may see.

A partner user is a Django user in `Partner.users`; staff accounts are never partner users (the
BUMDes's staff work in the admin). Every portal page answers only for the logged-in user's own
partner: another partner's booking is a 404, whatever its reference, so a guessed reference
says nothing about whether it exists.
"""

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from tours.models import Booking, Partner
from tours.partners.accounts import partner_for_user


def portal_partner(user) -> Partner | None:
    """The partner this user works for in the portal; None for staff and other users."""
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return None
    return partner_for_user(user)


def partner_page(view):
    """A portal page: logged in as a partner user (else the login page, or the "not a
    partner's account" page), never cached, never indexed. The view gets `partner`."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("partner_login"))
        partner = portal_partner(request.user)
        if partner is None:
            response = render(request, "tours/portal/not_partner.html", status=403)
        else:
            response = view(request, partner, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def partner_bookings(partner: Partner):
    """The partner's own bookings, with what their pages show."""
    return Booking.objects.filter(partner=partner).select_related("departure__tour", "enterprise")


def partner_booking(partner: Partner, reference: str) -> Booking:
    """One of the partner's bookings by its reference; 404 for any other."""
    booking = partner_bookings(partner).filter(reference=reference.upper()[:12]).first()
    if booking is None:
        raise Http404
    return booking
