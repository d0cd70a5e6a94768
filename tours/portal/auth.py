"""Partner users log in and out here (not in the Wagtail admin).

Django's own login view (CSRF-protected, never cached, safe `next` redirects) with our
template. Each client address may try a limited number of times per minute, with the same
counter the booking forms use, so a password cannot be guessed at speed.
"""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.ratelimit import rate_limited


class PartnerLoginView(auth_views.LoginView):
    template_name = "tours/portal/login.html"
    redirect_authenticated_user = True
    extra_context = {"title": _("Partner login")}

    def post(self, request, *args, **kwargs):
        if rate_limited(request, "partner_login"):
            response = render(request, "tours/booking/rate_limited.html", status=429)
            response["Retry-After"] = "60"
            return response
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self):
        return reverse("partner_home")


class PartnerLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("partner_login")
