"""Structured data that search engines read: every JSON-LD object uses only the properties its
schema.org type defines (the tables below, copied from the type pages on schema.org), a tour's
dated departures are `Event`s with offers and places left, organisations carry `url` (and the
platform its `logo`), and the home and listing pages carry `WebSite` and `ItemList`."""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from bumdes.models import Enterprise
from core.provinces import province_in
from tests.public_pages import LANGUAGES, site_pages
from tours.models import Booking, TourIndexPage, TourPage, jsonld
from tours.models.availability import bookable_departures

pytestmark = pytest.mark.django_db

THING = {
    "additionalType", "alternateName", "description", "disambiguatingDescription",
    "identifier", "image", "mainEntityOfPage", "name", "potentialAction", "sameAs",
    "subjectOf", "url",
}  # fmt: skip
# schema.org's properties of each type we emit (its own and its parents'; Thing's are added).
PROPERTIES = {
    "TouristTrip": {  # Trip
        "arrivalTime", "departureTime", "itinerary", "offers", "partOfTrip", "provider",
        "subTrip", "tripOrigin", "touristType",
    },
    "Event": {
        "about", "attendee", "audience", "doorTime", "duration", "endDate",
        "eventAttendanceMode", "eventSchedule", "eventStatus", "inLanguage",
        "isAccessibleForFree", "keywords", "location", "maximumAttendeeCapacity", "offers",
        "organizer", "performer", "previousStartDate", "remainingAttendeeCapacity", "sponsor",
        "startDate", "subEvent", "superEvent", "typicalAgeRange",
    },
    "Offer": {
        "acceptedPaymentMethod", "availability", "availabilityEnds", "availabilityStarts",
        "category", "eligibleQuantity", "itemOffered", "offeredBy", "price", "priceCurrency",
        "priceSpecification", "priceValidUntil", "seller", "validFrom", "validThrough",
    },
    "Organization": {
        "address", "areaServed", "contactPoint", "email", "founder", "legalName", "logo",
        "member", "parentOrganization", "taxID", "telephone", "vatID",
    },
    "Place": {
        "address", "amenityFeature", "containedInPlace", "geo", "hasMap", "latitude",
        "longitude", "maximumAttendeeCapacity", "photo", "publicAccess", "telephone",
    },
    "PostalAddress": {  # ContactPoint
        "addressCountry", "addressLocality", "addressRegion", "postOfficeBoxNumber",
        "postalCode", "streetAddress", "areaServed", "email", "telephone",
    },
    "GeoCoordinates": {"address", "addressCountry", "elevation", "latitude", "longitude"},
    "WebSite": {  # CreativeWork
        "about", "author", "copyrightHolder", "dateModified", "inLanguage", "keywords",
        "publisher", "issn",
    },
    "ItemList": {"itemListElement", "itemListOrder", "numberOfItems"},
    "ListItem": {"item", "nextItem", "position", "previousItem"},
}  # fmt: skip


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def strays(data, path="") -> list[str]:
    """Properties that the object's schema.org type does not define, anywhere in data."""
    found = []
    if isinstance(data, list):
        for index, item in enumerate(data):
            found += strays(item, f"{path}[{index}]")
    elif isinstance(data, dict):
        kind = data.get("@type")
        assert isinstance(kind, str) and kind in PROPERTIES, f"{path}: @type {kind!r}"
        allowed = PROPERTIES[kind] | THING
        for key, value in data.items():
            if not key.startswith("@") and key not in allowed:
                found.append(f"{path}.{key} ({kind})")
            found += strays(value, f"{path}.{key}") if isinstance(value, dict | list) else []
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_object_uses_only_its_types_properties(client, language):
    seen = set()
    for name, path in site_pages(language):
        for block in json_ld(client.get(path).content.decode()):
            assert block["@context"] == "https://schema.org", name
            assert not strays(block), (name, strays(block))
            seen.add(block["@type"])
    assert {"WebSite", "ItemList", "TouristTrip", "Event", "Place", "Organization"} <= seen


def test_home_is_a_website_by_the_platform_listing_its_villages(client):
    site, villages = json_ld(client.get("/").content.decode())
    root = Site.objects.get(is_default_site=True).root_url
    assert site["@type"] == "WebSite" and site["inLanguage"] == "id"
    assert site["url"] == f"{root}/"
    publisher = site["publisher"]
    assert publisher["url"] == f"{root}/" and publisher["logo"] == f"{root}/static/img/logo.png"
    assert client.get("/static/img/logo.png").status_code == 200
    assert [item["position"] for item in villages["itemListElement"]] == [1, 2, 3]
    assert villages["itemListElement"][1]["url"].endswith("/lipursari/")


def test_listing_lists_every_experience(client):
    english = TourIndexPage.objects.get(locale__language_code="en")
    (listing,) = json_ld(client.get(english.url).content.decode())
    live = TourPage.objects.live().filter(locale__language_code="en").count()
    assert listing["@type"] == "ItemList" and listing["numberOfItems"] == live
    urls = {page.full_url for page in TourPage.objects.live().filter(locale__language_code="en")}
    assert {item["url"] for item in listing["itemListElement"]} == urls


def test_each_coming_departure_is_an_event_with_offers_and_places_left(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    now = timezone.now()
    departures = bookable_departures(tour, start=now, end=now + dt.timedelta(days=60))
    first = departures[0]
    Booking.objects.filter(departure=first).delete()
    trip, *events = json_ld(client.get(tour.url).content.decode())
    assert trip["@type"] == "TouristTrip" and "location" not in trip and "duration" not in trip
    assert trip["itinerary"]["name"] == "Lipursari" and trip["provider"]["url"].endswith(
        "/lipursari/"
    )
    assert len(events) == min(6, len(departures))
    event = events[0]
    assert event["startDate"] == first.starts_at.astimezone(tour.zone).isoformat()
    assert event["startDate"].endswith("+07:00")
    assert tour.duration_minutes == 180 and event["duration"] == "PT3H"
    assert event["endDate"] > event["startDate"]
    assert event["remainingAttendeeCapacity"] == event["maximumAttendeeCapacity"]
    assert event["location"]["geo"]["latitude"] < 0
    assert event["organizer"]["@type"] == "Organization"
    offer = event["offers"][0]
    assert offer["priceCurrency"] == "IDR" and offer["availability"].endswith("/InStock")
    assert offer["validThrough"] < event["startDate"]


def test_durations_are_iso_8601():
    assert [jsonld.duration(m) for m in (45, 60, 90, 180)] == ["PT45M", "PT1H", "PT1H30M", "PT3H"]


def test_a_bumdes_is_an_organization_with_its_logo_and_province(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    trip, *_ = json_ld(client.get(tour.url).content.decode())
    provider = trip["provider"]
    assert provider["logo"].startswith(Site.objects.get(is_default_site=True).root_url)
    path = "/" + provider["logo"].split("//", 1)[1].split("/", 1)[1]
    assert client.get(path).status_code == 200
    assert provider["address"]["addressRegion"] == "Jawa Tengah"
    assert trip["itinerary"]["address"]["addressRegion"] == "Jawa Tengah"


def test_without_a_province_or_logo_nothing_is_made_up(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    Enterprise.objects.filter(slug="lipursari").update(province="", logo=None)
    trip, *_ = json_ld(client.get(tour.url).content.decode())
    assert "logo" not in trip["provider"]
    assert "addressRegion" not in trip["provider"]["address"]
    assert "addressRegion" not in trip["itinerary"]["address"]


def test_a_province_is_read_from_the_end_of_an_address():
    assert province_in("Desa Lipursari, Kabupaten Wonosobo, Jawa Tengah") == "Jawa Tengah"
    assert province_in("Jl. Raya Ubud, bali") == "Bali"
    assert province_in("Desa Lipursari") == ""
