"""Absolute addresses: one origin for every link that leaves a page.

Canonical and hreflang links, the sitemap and JSON-LD (Wagtail's `page.full_url`), sharing
images, and the links and QR codes in e-mails and tickets are all made on the root URL of the
Wagtail Site the page belongs to (*Settings → Sites*; the default site when there is no page),
so a page never mixes two origins. `SITE_BASE_URL` is only where Wagtail's admin links point and
where the demo puts its site (`make run PORT=…` passes the port). Links that bring a browser back
to the address it is on (returning from Stripe) keep using the request's own host.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site


def site_root_url(*, page: Page | None = None, request=None) -> str:
    """The root URL ("https://desawisata.example", no slash) of the page's site, or of the
    request's, or of the default site."""
    site = None
    if page is not None:
        site = page.get_site()
    elif request is not None:
        site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url


def absolute_url(url: str, *, page: Page | None = None, request=None) -> str:
    """`url` (a path such as "/media/…" or "/booking/…") on the site's root URL; a URL that is
    absolute already (media on another host) is returned as it is."""
    if urlsplit(url).scheme:
        return url
    return site_root_url(page=page, request=request) + url
