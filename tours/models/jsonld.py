"""schema.org descriptions of the site, villages, tours and the BUMDes that run them (JSON-LD).

Each object uses only properties that schema.org defines for its type (tests/home/test_jsonld.py
checks them against the definitions): a tour is a `TouristTrip` (its offers, the village as its
`itinerary`, the BUMDes as `provider`) and each dated departure an `Event` with its own offers and
places left; the home page is a `WebSite` published by the platform's `Organization`, and the home
and listing pages list their villages or tours as an `ItemList`.
"""

import datetime as dt

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags

from core.links import absolute_url
from tours.models.availability import bookable_departures
from tours.models.calendar import FEW_PLACES

SCHEMA = "https://schema.org"
SITE_NAME = "Desa Wisata Wonosobo"
LOGO = "img/logo.png"  # 512 × 512, drawn like the favicon
EVENTS_AHEAD = dt.timedelta(days=60)
MAX_EVENTS = 6


def _image_url(page, request) -> str | None:
    image = page.seo_image()
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    return absolute_url(rendition.url, page=page)


def duration(minutes: int) -> str:
    """ISO 8601: 90 minutes is "PT1H30M", two hours "PT2H"."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def platform(page, request) -> dict:
    """The platform that publishes the site."""
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "url": absolute_url("/", page=page),
        "logo": absolute_url(static(LOGO), page=page),
    }


def _region(enterprise) -> dict:
    """The BUMDes's province as a postal address's region, when it is known."""
    province = enterprise.province if enterprise is not None else ""
    return {"addressRegion": province} if province else {}


def organization(enterprise, village_page, request) -> dict:
    """A BUMDes; its page on this site is its village's page."""
    data = {
        "@type": "Organization",
        "name": enterprise.name,
        "legalName": enterprise.legal_name,
        "url": village_page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": enterprise.address,
            "addressLocality": enterprise.village,
            **_region(enterprise),
            "addressCountry": "ID",
        },
    }
    if enterprise.logo_id:
        rendition = enterprise.logo.get_rendition("max-512x512|format-png")
        data["logo"] = absolute_url(rendition.url, page=village_page)
    if enterprise.email:
        data["email"] = enterprise.email
    if enterprise.phone:
        data["telephone"] = enterprise.phone
    return data


def place(village_page, request) -> dict:
    data = {
        "@type": "Place",
        "name": village_page.title,
        "url": village_page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": village_page.title,
            **_region(village_page.enterprise),
            "addressCountry": "ID",
        },
    }
    if village_page.latitude is not None and village_page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(village_page.latitude),
            "longitude": float(village_page.longitude),
        }
    return data


def item_list(pages, request) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "numberOfItems": len(pages),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "url": page.get_full_url(request),
                "name": page.title,
            }
            for number, page in enumerate(pages, start=1)
        ],
    }


def home(page, request, villages) -> list[dict]:
    site = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": platform(page, request),
    }
    if summary := page.summary():
        site["description"] = summary
    return [site, item_list(list(villages), request)]


def village(page, request) -> list[dict]:
    data = {
        "@context": SCHEMA,
        **place(page, request),
        "description": page.tagline or strip_tags(page.story)[:300],
    }
    if image := _image_url(page, request):
        data["image"] = image
    blocks = [data]
    if page.enterprise_id:
        blocks.append({"@context": SCHEMA, **organization(page.enterprise, page, request)})
    return blocks


def _offers(tiers, url: str, availability: str, **extra) -> list[dict]:
    return [
        {
            "@type": "Offer",
            "name": tier.display_label,
            "price": tier.price,
            "priceCurrency": "IDR",
            "url": url,
            "availability": f"{SCHEMA}/{availability}",
            **extra,
        }
        for tier in tiers
    ]


def _event(page, departure, *, trip: dict, tiers, zone, cutoff_hours: int) -> dict:
    """One dated departure: when, where, who runs it, its prices and places left."""
    starts_at = departure.starts_at.astimezone(zone)
    closes_at = starts_at - dt.timedelta(hours=cutoff_hours)
    few = departure.seats_left <= FEW_PLACES
    event = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": trip["name"],
        "url": trip["url"],
        "startDate": starts_at.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": trip["itinerary"],
        "maximumAttendeeCapacity": departure.capacity,
        "remainingAttendeeCapacity": departure.seats_left,
        "offers": _offers(
            tiers,
            trip["url"],
            "LimitedAvailability" if few else "InStock",
            validThrough=closes_at.isoformat(),
        ),
    }
    if page.duration_minutes:
        event["endDate"] = (starts_at + dt.timedelta(minutes=page.duration_minutes)).isoformat()
        event["duration"] = duration(page.duration_minutes)
    if trip["description"]:
        event["description"] = trip["description"]
    if "image" in trip:
        event["image"] = trip["image"]
    if "provider" in trip:
        event["organizer"] = trip["provider"]
    return event


def tour(page, request, *, now: dt.datetime | None = None) -> list[dict]:
    """The experience as a `TouristTrip`, then its next bookable departures as `Event`s."""
    now = now or timezone.now()
    url = page.get_full_url(request)
    village_page = page.village
    tiers = page.tiers_shown()  # the experience's one price list, in this page's words
    trip = {
        "@context": SCHEMA,
        "@type": "TouristTrip",
        "name": page.title,
        "description": page.summary(),
        "url": url,
        "touristType": page.get_category_display(),
        "itinerary": place(village_page, request),
        "offers": _offers(tiers, url, "InStock"),
    }
    if image := _image_url(page, request):
        trip["image"] = image
    enterprise = getattr(village_page, "enterprise", None)
    if enterprise is not None:
        trip["provider"] = organization(enterprise, village_page, request)
    departures = bookable_departures(page, start=now, end=now + EVENTS_AHEAD, now=now)
    cutoff_hours = page.booking_page.booking_cutoff_hours
    events = [
        _event(page, departure, trip=trip, tiers=tiers, zone=page.zone, cutoff_hours=cutoff_hours)
        for departure in departures[:MAX_EVENTS]
    ]
    return [trip, *events]


def listing(page, request, tours) -> list[dict]:
    return [item_list(list(tours), request)]
