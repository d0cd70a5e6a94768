"""Two-step sign-in for staff: a time-based one-time code (TOTP, django-otp) from an
authenticator app, after the password.

Any staff member may turn it on from their account menu; once on, each admin session asks for a
code. Treasurers and managers hold the books and the payouts: with `STAFF_TWO_FACTOR_REQUIRED`
on (production), they are sent to set it up before any other admin page, and cannot turn it off.
"""

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from bumdes.models import EnterpriseRole, Role

OFFICER_ROLES = (Role.TREASURER, Role.MANAGER)
ADMIN_PREFIX = "/admin/"


def two_factor_required(user) -> bool:
    """Must this staff member sign in with a code? Treasurers and managers, when required."""
    if not getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", False):
        return False
    return EnterpriseRole.objects.filter(group__user=user, role__in=OFFICER_ROLES).exists()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """Show a new secret (QR code and text) and turn it on once a code from it is right."""

    template_name = "bumdes/admin/two_factor_setup.html"
    form_class = CodeForm
    page_title = _("Two-step sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.confirmed = confirmed_device(request.user)
        if self.confirmed and not request.user.is_verified():
            # With the password alone, nobody turns the second step off or replaces it.
            return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.path})}")
        return super().dispatch(request, *args, **kwargs)

    def _pending_device(self) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name="authenticator", confirmed=False
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["confirmed"] = self.confirmed
        context["required"] = two_factor_required(self.request.user)
        context["next"] = _next_url(self.request)
        if not self.confirmed:
            device = self._pending_device()
            context["secret"] = b32encode(device.bin_key).decode()
            context["qr_code"] = segno.make(device.config_url, error="m").svg_data_uri(scale=5)
        return context

    def post(self, request, *args, **kwargs):
        if self.confirmed:
            if request.POST.get("turn_off") and not two_factor_required(request.user):
                TOTPDevice.objects.filter(user=request.user).delete()
            return redirect("two_factor_setup")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = self._pending_device()
        if not device.verify_token(form.cleaned_data["code"].strip()):
            form.add_error("code", _("That code is not right. Enter the code your app shows now."))
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(self.request, device)
        return redirect(_next_url(self.request))


class TwoFactorVerifyView(WagtailAdminTemplateMixin, FormView):
    """Ask a signed-in staff member with two-step sign-in on for the code of this session."""

    template_name = "bumdes/admin/two_factor_verify.html"
    form_class = CodeForm
    page_title = _("Two-step sign-in")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": _next_url(self.request)}

    def form_valid(self, form):
        device = match_token(self.request.user, form.cleaned_data["code"].strip())
        if device is None:
            form.add_error("code", _("That code is not right. Enter the code your app shows now."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect(_next_url(self.request))


class TwoFactorMiddleware:
    """Keep a signed-in staff member out of the admin until this session's code is entered; send
    a treasurer or manager who must have two-step sign-in to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(ADMIN_PREFIX)
            and user.is_authenticated
            and not user.is_verified()
            and request.path not in self._open_paths()
        ):
            if confirmed_device(user):
                return self._redirect(request, "two_factor_verify")
            if two_factor_required(user):
                return self._redirect(request, "two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _open_paths() -> set[str]:
        names = ("two_factor_setup", "two_factor_verify", "wagtailadmin_logout")
        return {reverse(name) for name in names}

    @staticmethod
    def _redirect(request, name: str):
        target = (
            request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        )
        return redirect(f"{reverse(name)}?{urlencode({'next': target})}")
