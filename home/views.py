"""Site-wide views: search, robots.txt, sitemap, uploaded pictures and the friendly error pages."""

from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from core.links import absolute_url

MAX_QUERY_LENGTH = 100
# Uploaded pictures, by folder, and how long browsers and caches may keep them (seconds).
# Wagtail names a rendition after its original file, filter and focal point, and a new file
# gets a new name, so renditions never change under their address: a year. Documents are not
# here: Wagtail serves them through its own view, which checks their collection's privacy.
MEDIA_MAX_AGE = {"images": 365 * 24 * 3600, "original_images": 24 * 3600}


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().exclude(depth__lte=1)
        if locale is not None:
            pages = pages.filter(locale=locale)
        results = pages.specific().search(query)
    paginator = Paginator(results, 10)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "results": page})


@require_safe
def media_file(request, folder: str, path: str):
    """An uploaded picture from MEDIA_ROOT, with a long Cache-Control (the URL pattern admits
    only the folders of MEDIA_MAX_AGE)."""
    # Rooted in the folder itself, so "images/../documents/…" cannot climb out of it.
    response = static.serve(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE[folder])
    return response


class LocalizedSitemap(Sitemap):
    """Every live page of the site in every language, each with its hreflang alternates."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": LocalizedSitemap(request)})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {absolute_url('/sitemap.xml', request=request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # The error page must not depend on the database or on context processors that might fail.

    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"LANGUAGE_CODE": get_language() or settings.LANGUAGE_CODE}), status=500
    )
