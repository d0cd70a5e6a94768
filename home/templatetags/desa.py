"""Template filters and tags for local formats, phone numbers, absolute addresses, JSON-LD and
language links."""

import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from core import formats, links, phones
from core.localtime import zone_abbreviation
from home import models

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def rupiah(amount):
    return formats.rupiah(amount)


@register.filter
def local_date(value, zone=None):
    """`{{ departure.starts_at|local_date:zone }}`: the date on the village's clock."""
    return formats.local_date(value, zone=zone or None) if value else ""


@register.filter
def local_time(value, zone=None):
    """`{{ departure.starts_at|local_time:zone }}`: "09.00 WITA" on the village's clock."""
    return formats.local_time(value, zone=zone or None) if value else ""


@register.filter
def zone_name(zone=None):
    """'WIB', 'WITA' or 'WIT'."""
    return zone_abbreviation(zone or None)


@register.filter
def duration(minutes):
    return formats.duration(minutes)


@register.simple_tag
def site_url(url, page=None):
    """`{% site_url og_image.url page %}`: an address on the page's site, like its canonical."""
    return links.absolute_url(url, page=page)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """Render the page's schema.org data as a JSON-LD script (not executed, so no CSP nonce)."""
    request = context.get("request")
    blocks = page.json_ld(request) if hasattr(page, "json_ld") else []
    html = "".join(
        '<script type="application/ld+json">'
        + json.dumps(block, ensure_ascii=False).translate(_JSON_ESCAPES)
        + "</script>"
        for block in blocks
    )
    return mark_safe(html)


def _words(text: str) -> list[str]:
    return "".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split()


@register.simple_tag
def image_alt(image, alt="", caption=""):
    """A picture's alt text. Beside a caption that says what it shows (always, when no alt is
    given) it gets none, or screen readers read the same words twice; elsewhere the alt given,
    else the image's own."""
    if caption and (not alt or _words(alt) == _words(caption)):
        return ""
    return alt or getattr(image, "default_alt_text", "")


@register.simple_tag
def page_summary(page=None):
    """`<meta name="description">`: the page's own summary, else one line about the site."""
    summary = page.summary() if hasattr(page, "summary") else ""
    return summary or _(
        "Book experiences run by the tourism villages of Wonosobo themselves: batik, farming, "
        "heritage walks and village food."
    )


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """The switcher's links: the page in each language, or that language's home page."""
    request = context.get("request")
    current = get_language()
    alternates = {}
    page = page or None
    if page is not None and hasattr(page, "language_alternates"):
        alternates = {a["lang_code"]: a["url"] for a in page.language_alternates(request)}
    links = []
    for code, name in settings.LANGUAGES:
        if code in alternates:
            url = alternates[code]
        elif page is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag
def whatsapp_url(number, text=""):
    """A `wa.me` link for a stored number (E.164, or digits with the country code)."""
    digits = phones.whatsapp_digits(number) if number else ""
    if not digits:
        return ""
    return f"https://wa.me/{digits}" + (f"?text={quote(text)}" if text else "")


@register.filter
def phone(number):
    """A stored number for people to read: "+62 812-3456-7890"."""
    return phones.phone_display(number) if number else ""


@register.filter
def tel_uri(number):
    """A `tel:` link for a stored number; what does not parse is dialled as stored."""
    if not number:
        return ""
    try:
        return "tel:" + phones.phone_e164(number)
    except phones.InvalidPhoneNumber:
        return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


@register.simple_tag
def hello_text(name):
    return _("Hello, I have a question about %(name)s.") % {"name": name}


def _localized_home(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def site_menu(context):
    """Header links: the home page's children marked "show in menus", in the current language."""
    home = _localized_home(context)
    if home is None:
        return []
    page = context.get("page")
    items = []
    for child in home.get_children().live().public().in_menu().only("title", "path", "url_path"):
        active = bool(page is not None and page.path.startswith(child.path))
        items.append(
            {"title": child.title, "url": child.get_url(context.get("request")), "active": active}
        )
    return items


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Footer links: the standard pages (about, FAQ, terms, privacy) in the current language."""
    home = _localized_home(context)
    if home is None:
        return []
    request = context.get("request")
    pages = models.StandardPage.objects.child_of(home).live().public().only("title", "url_path")
    return [{"title": p.title, "url": p.get_url(request)} for p in pages]
