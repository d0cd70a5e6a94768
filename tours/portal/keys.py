"""The partner's API keys: the list (name, prefix, created, last used, revoked), a new key
(shown once, on the page that answers the form, then only its digest is kept) and revoking
one (asked to confirm first)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimit import rate_limited
from tours.models import PartnerApiKey
from tours.partners.keys import api_key_create, api_key_revoke
from tours.portal.access import partner_page
from tours.portal.forms import ApiKeyForm


@partner_page
@require_GET
def key_list(request, partner):
    keys = PartnerApiKey.objects.filter(partner=partner).order_by("revoked_at", "-created_at")
    context = {"partner": partner, "nav": "keys", "keys": keys, "form": ApiKeyForm()}
    return render(request, "tours/portal/key_list.html", context)


@partner_page
@require_http_methods(["GET", "POST"])
def key_create(request, partner):
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if rate_limited(request, "partner"):
            form.add_error(None, _("Too many requests at once. Please wait a minute."))
        else:
            key, raw = api_key_create(
                partner=partner, name=form.cleaned_data["name"], user=request.user
            )
            context = {"partner": partner, "nav": "keys", "key": key, "raw": raw}
            return render(request, "tours/portal/key_created.html", context)
    return render(
        request, "tours/portal/key_create.html", {"partner": partner, "nav": "keys", "form": form}
    )


@partner_page
@require_http_methods(["GET", "POST"])
def key_revoke(request, partner, key_id: int):
    key = get_object_or_404(PartnerApiKey, pk=key_id, partner=partner)
    if key.revoked_at is not None:
        return redirect("partner_keys")
    if request.method == "POST":
        api_key_revoke(key=key)
        messages.success(request, _("The key “%(name)s” is revoked.") % {"name": key.name})
        return redirect("partner_keys")
    return render(
        request, "tours/portal/key_revoke.html", {"partner": partner, "nav": "keys", "key": key}
    )
