"""The admin's login form (`WAGTAILADMIN_USER_LOGIN_FORM`): Wagtail's own, with its password
field labelled in the admin's language. Wagtail's form gives that field no label, so Django
shows the field's English name, "Password", on an Indonesian page.

The password reset form (`WAGTAILADMIN_USER_PASSWORD_RESET_FORM`) sends at most a few e-mails
per e-mail address and per client address an hour; over that, it answers as usual and sends
nothing, so that neither a flood of e-mails nor the existence of an account leaks."""

import logging

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from core.ratelimit import client_address, window_exceeded

logger = logging.getLogger(__name__)


class StaffLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


def password_reset_throttled(request, email: str) -> bool:
    """Count one reset request for `email` from this client; True when either is over its rate."""
    by_email = window_exceeded(
        f"reset-email:{email.strip().lower()}", settings.PASSWORD_RESET_RATE_PER_EMAIL
    )
    by_address = window_exceeded(
        f"reset-address:{client_address(request)}", settings.PASSWORD_RESET_RATE_PER_ADDRESS
    )
    return by_email or by_address


class StaffPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if password_reset_throttled(request, self.cleaned_data["email"]):
            logger.warning("Password reset throttled for %s", client_address(request))
            return
        super().save(*args, request=request, **kwargs)
