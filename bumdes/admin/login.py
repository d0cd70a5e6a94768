"""The admin's login form (`WAGTAILADMIN_USER_LOGIN_FORM`): Wagtail's own, with its password
field labelled in the admin's language. Wagtail's form gives that field no label, so Django
shows the field's English name, "Password", on an Indonesian page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
