"""Two Content Security Policies: a strict one for the public site, a looser one for the admin.

The public pages run only our own script files (`script-src 'self'`, plus the request's nonce
for any inline script we write). Wagtail's admin cannot live under that policy: it starts its
widgets (the "Add" button of an inline panel, the image and page choosers, the date and time
pickers) with inline `<script>` elements that carry no nonce, and its modal dialogs run the
scripts in the HTML they load. Requests under the admin's address therefore get the
`CONTENT_SECURITY_POLICY_ADMIN` directives instead. A view that sets a whole policy of its own
(django-csp's `@csp`) keeps it; `csp_update` (adding an origin) and `csp_replace` apply on top of
whichever policy the request gets.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse


def is_admin_request(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("wagtailadmin_home"))


class ContentPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's directives for the admin's requests."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
