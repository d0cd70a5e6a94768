"""Online payments (Stripe): the BUMDes manager connects the BUMDes's own Stripe account.

The page says in one sentence where the account stands (not connected, details needed, ready to
take card payments, payouts enabled) and offers one button that sends the manager to Stripe's
hosted onboarding (`tours.payments.connect.onboarding_link_create`). Stripe sends the manager back
to this page, which reads the status again; an expired link comes back to the refresh address,
which starts a new one.

Only the manager of the BUMDes may use it (the account receives the BUMDes's money); superusers
choose a BUMDes as on the books screens. Without the platform's Stripe key the page says so and
offers nothing to click.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.base import BooksMixin
from bumdes.admin.menus import BOOKS_MENU_HOOK
from bumdes.admin.permissions import staff_enterprise
from bumdes.models import Role
from bumdes.services import user_roles
from tours.payments.connect import (
    ConnectStatus,
    StripeConnectError,
    account_status_refresh,
    connect_status,
    onboarding_link_create,
)
from tours.payments.stripe_api import stripe_configured

RETURNED = "stripe"  # ?stripe=back: Stripe sent the manager back from onboarding


def is_manager(user) -> bool:
    """Superusers, and managers of a BUMDes (the one they work for)."""
    if user.is_superuser:
        return True
    enterprise = staff_enterprise(user)
    return enterprise is not None and Role.MANAGER in user_roles(user, enterprise)


class StripeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


def page_url(request, enterprise, **params) -> str:
    if request.user.is_superuser:
        params = {"enterprise": enterprise.slug, **params}
    url = reverse("stripe_connect:index")
    return f"{url}?{urlencode(params)}" if params else url


class StripeMixin(BooksMixin):
    """The manager's BUMDes (or the superuser's choice); 403 for everyone else."""

    page_title = gettext_lazy("Online payments (Stripe)")
    header_icon = "link"

    def user_has_permission(self, permission):
        return is_manager(self.request.user)

    def start_onboarding(self):
        request = self.request
        try:
            url = onboarding_link_create(
                self.enterprise,
                return_url=request.build_absolute_uri(
                    page_url(request, self.enterprise, **{RETURNED: "back"})
                ),
                refresh_url=request.build_absolute_uri(self.refresh_path()),
                user=request.user,
            )
        except StripeConnectError as error:
            messages.error(request, str(error.message))
            return redirect(page_url(request, self.enterprise))
        return HttpResponseRedirect(url)

    def refresh_path(self) -> str:
        url = reverse("stripe_connect:refresh")
        if self.request.user.is_superuser:
            url += f"?{urlencode({'enterprise': self.enterprise.slug})}"
        return url


class StripeConnectView(StripeMixin, TemplateView):
    template_name = "tours/admin/stripe_connect.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get(RETURNED) == "back" and stripe_configured():
            try:
                account_status_refresh(self.enterprise, user=request.user)
            except StripeConnectError as error:
                messages.warning(request, str(error.message))
            return redirect(page_url(request, self.enterprise))
        response = super().get(request, *args, **kwargs)
        # The form's POST redirects to Stripe's onboarding: browsers apply CSP `form-action`
        # to that redirect, so Stripe's Connect origin is allowed on this page.
        response._csp_update = {"form-action": [settings.STRIPE_CONNECT_ORIGIN]}
        return response

    def post(self, request, *args, **kwargs):
        if not stripe_configured():
            return redirect(page_url(request, self.enterprise))
        return self.start_onboarding()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enterprise = self.enterprise
        status = connect_status(enterprise)
        context.update(
            {
                "configured": stripe_configured(),
                "status": status,
                "status_label": status.label,
                "not_connected": status == ConnectStatus.NOT_CONNECTED,
                "details_needed": status == ConnectStatus.DETAILS_NEEDED,
                "ready": status in (ConnectStatus.READY, ConnectStatus.PAYOUTS_ENABLED),
                "payouts": status == ConnectStatus.PAYOUTS_ENABLED,
                "steps": [
                    (_("Details sent to Stripe"), enterprise.stripe_details_submitted),
                    (_("Guests can pay by card"), enterprise.stripe_charges_enabled),
                    (_("Stripe pays out to the BUMDes's bank"), enterprise.stripe_payouts_enabled),
                ],
            }
        )
        return context


class StripeRefreshView(StripeMixin, TemplateView):
    """Stripe's `refresh_url`: the link expired or was used already, so start a new one.

    Reached by a plain link from Stripe (GET). It only ever sends the manager back to their own
    BUMDes's onboarding; with no account yet it returns to the page, where creating one is a POST.
    """

    def get(self, request, *args, **kwargs):
        if not stripe_configured() or not self.enterprise.stripe_account_id:
            return redirect(page_url(request, self.enterprise))
        return self.start_onboarding()


class StripeConnectViewSet(ViewSet):
    name = "stripe_connect"
    url_prefix = "stripe"
    icon = "link"
    menu_label = gettext_lazy("Online payments (Stripe)")
    menu_name = "stripe-connect"
    menu_item_class = StripeMenuItem
    menu_hook = BOOKS_MENU_HOOK
    menu_order = 8

    def get_urlpatterns(self):
        return [
            path("", StripeConnectView.as_view(), name="index"),
            path("refresh/", StripeRefreshView.as_view(), name="refresh"),
        ]
