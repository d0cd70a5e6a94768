"""Root URLs. Indonesian pages at /, English at /en/ (i18n_patterns without a default prefix)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from tours.api import api

MEDIA_FOLDERS = "|".join(home_views.MEDIA_MAX_AGE)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("payments/", include("tours.payments.urls")),
    # Uploaded pictures (MEDIA_URL), in production too; a proxy in front may serve them itself.
    re_path(rf"^media/(?P<folder>{MEDIA_FOLDERS})/(?P<path>.+)$", home_views.media_file),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("booking/", include("tours.web.urls")),
    path("", include("tours.web.partner_urls")),
    path("partner/", include("tours.portal.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "website.errors.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
