"""Public JSON API v1: the OpenAPI schema and the docs page (no inline script)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def test_openapi_schema_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {
        "/api/v1/tours/",
        "/api/v1/tours/{tour_id}/departures/",
        "/api/v1/bookings/",
        "/api/v1/bookings/{reference}/",
        "/api/v1/bookings/{reference}/cancel/",
    }
    components = schema["components"]["schemas"]
    assert {"TourOut", "DepartureOut", "BookingIn", "BookingCreatedOut", "InvalidOut"} <= set(
        components
    )
    create = schema["paths"]["/api/v1/bookings/"]["post"]
    assert {"201", "400", "409", "429"} <= set(create["responses"])
    assert "422" not in create["responses"]


def test_docs_page_renders_without_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert "unsafe" not in policy["script-src"]
    # The settings travel as JSON data; every executable script is a file from our origin.
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert 'src="/static/' in opening or 'type="application/json"' in opening
    script = client.get("/static/ninja/swagger-ui-init.js")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in b"".join(script.streaming_content)


def test_partner_keys_are_a_bearer_scheme_optional_except_for_the_list(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["securitySchemes"] == {
        "PartnerKey": {"type": "http", "scheme": "bearer"}
    }
    bookings = schema["paths"]["/api/v1/bookings/"]
    assert bookings["get"]["security"] == [{"PartnerKey": []}]  # partners only
    optional = [{"PartnerKey": []}, {}]  # a partner's key, or none (a guest)
    assert bookings["post"]["security"] == optional
    assert schema["paths"]["/api/v1/bookings/{reference}/"]["get"]["security"] == optional
    assert schema["paths"]["/api/v1/bookings/{reference}/cancel/"]["post"]["security"] == optional
    assert "security" not in schema["paths"]["/api/v1/tours/"]["get"]
    for operation in (bookings["get"], bookings["post"]):
        assert {"401", "429"} <= set(operation["responses"])
