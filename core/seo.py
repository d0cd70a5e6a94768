"""Search-engine and sharing metadata common to our pages: JSON-LD, hreflang alternates, sitemap."""

import html

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator

# Fields a page may summarise itself with, best first (search engines show about 160 characters).
SUMMARY_FIELDS = ("search_description", "intro", "tagline", "hero_text")
SUMMARY_LENGTH = 160


class SeoMixin:
    """Mixed into page models. Pages override `json_ld` to describe themselves to search engines."""

    def seo_image(self):
        return getattr(self, "hero_image", None) or getattr(self, "image", None)

    def json_ld(self, request) -> list[dict]:
        return []

    def summary(self) -> str:
        """One plain-text line for `<meta name="description">` and `og:description`: the
        editor's search description, else the page's intro, tagline or hero text."""
        for name in SUMMARY_FIELDS:
            text = " ".join(html.unescape(strip_tags(str(getattr(self, name, "") or ""))).split())
            if text:
                return Truncator(text).chars(SUMMARY_LENGTH)
        return ""

    def language_alternates(self, request=None) -> list[dict]:
        """The live translations of this page (itself included), for hreflang links."""
        codes = dict(settings.LANGUAGES)
        alternates = []
        for page in self.get_translations(inclusive=True).live().public().select_related("locale"):
            code = page.locale.language_code
            if code in codes:
                alternates.append(
                    {
                        "lang_code": code,
                        "location": page.get_full_url(request),
                        "url": page.get_url(request),
                    }
                )
        return sorted(alternates, key=lambda a: a["lang_code"])

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        alternates = self.language_alternates(request)
        if len(alternates) > 1:
            for url in urls:
                url["alternates"] = alternates
        return urls
