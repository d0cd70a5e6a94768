"""Pages, JSON and other text are gzipped on the way out; pictures, PDFs and spreadsheets, which
are compressed already, pass as they are.

Compressing in the app means every deployment gets it, proxy or not. BREACH (guessing a secret in
a compressed page from its size) needs a secret that stays the same across responses: Django masks
the CSRF token afresh in every response and GZipMiddleware adds random padding to each one ("Heal
the Breach"), and the session cookie never appears in a page. Static files do not pass here:
WhiteNoise, earlier in the middleware, serves them compressed ahead of time.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/ld+json",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
