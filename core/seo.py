"""Search-engine and sharing metadata common to our pages: JSON-LD, hreflang alternates, sitemap."""

from django.conf import settings


class SeoMixin:
    """Mixed into page models. Pages override `json_ld` to describe themselves to search engines."""

    def seo_image(self):
        return getattr(self, "hero_image", None) or getattr(self, "image", None)

    def json_ld(self, request) -> list[dict]:
        return []

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
