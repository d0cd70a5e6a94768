"""schema.org descriptions of villages, tours and the BUMDes that run them (JSON-LD)."""

from django.utils.html import strip_tags

from core.links import absolute_url

SCHEMA = "https://schema.org"


def _image_url(page, request) -> str | None:
    image = page.seo_image()
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    return absolute_url(rendition.url, page=page)


def organization(enterprise) -> dict:
    data = {
        "@type": "Organization",
        "name": enterprise.name,
        "legalName": enterprise.legal_name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": enterprise.address,
            "addressLocality": enterprise.village,
            "addressRegion": "Jawa Tengah",
            "addressCountry": "ID",
        },
    }
    if enterprise.email:
        data["email"] = enterprise.email
    if enterprise.phone:
        data["telephone"] = enterprise.phone
    return data


def village(page, request) -> list[dict]:
    place = {
        "@context": SCHEMA,
        "@type": "Place",
        "name": page.title,
        "description": page.tagline or strip_tags(page.story)[:300],
        "url": page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.title,
            "addressRegion": "Jawa Tengah",
            "addressCountry": "ID",
        },
    }
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if image := _image_url(page, request):
        place["image"] = image
    data = [place]
    if page.enterprise_id:
        data.append({"@context": SCHEMA, **organization(page.enterprise)})
    return data


def tour(page, request) -> list[dict]:
    url = page.get_full_url(request)
    village_page = page.village
    trip = {
        "@context": SCHEMA,
        "@type": ["TouristTrip", "TouristAttraction"],
        "name": page.title,
        "description": page.intro or page.search_description,
        "url": url,
        "touristType": page.get_category_display(),
        "offers": [
            {
                "@type": "Offer",
                "name": tier.display_label,
                "price": tier.price,
                "priceCurrency": "IDR",
                "url": url,
                "availability": f"{SCHEMA}/InStock",
            }
            for tier in page.tiers_shown()
        ],
        "location": {
            "@type": "Place",
            "name": village_page.title,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": village_page.title,
                "addressRegion": "Jawa Tengah",
                "addressCountry": "ID",
            },
        },
    }
    if page.duration_minutes:
        trip["duration"] = f"PT{page.duration_minutes // 60}H{page.duration_minutes % 60}M"
    if image := _image_url(page, request):
        trip["image"] = image
    enterprise = getattr(village_page, "enterprise", None)
    if enterprise is not None:
        trip["provider"] = organization(enterprise)
    return [trip]
