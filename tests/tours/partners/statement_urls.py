"""The site's URLs with the portal's statements mounted, and a login page named as the portal's,
for testing the statement screens on a branch without the rest of the portal."""

from django.contrib.auth.views import LoginView
from django.urls import include, path

from website.urls import urlpatterns as site_urls

urlpatterns = [
    path("portal/login/", LoginView.as_view(), name="partner_login"),
    path("portal/statements/", include("tours.portal.statement_urls")),
    *site_urls,
]
