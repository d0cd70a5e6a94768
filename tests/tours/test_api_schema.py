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


def test_the_schema_states_each_fields_rules(client):
    """What the server refuses field by field is in the schema, so a client (and schemathesis)
    can know it: ranges, lengths, patterns and choices."""
    schema = client.get("/api/v1/openapi.json").json()
    parts = schema["components"]["schemas"]
    line = parts["LineIn"]["properties"]
    assert (line["quantity"]["minimum"], line["quantity"]["maximum"]) == (1, 500)
    assert line["tier"]["minimum"] == 1
    booking = parts["BookingIn"]["properties"]
    assert booking["lines"]["minItems"] == 1
    assert booking["departure"]["minimum"] == 1
    assert set(booking["payment_method"]["enum"]) == {
        "cash",
        "bank_transfer",
        "stripe",
        "partner_account",
    }
    customer = parts["CustomerIn"]["properties"]
    assert customer["language"]["enum"] == ["id", "en"]
    assert "ID" in customer["country"]["enum"] and "id" not in customer["country"]["enum"]
    assert customer["email"]["format"] == "email" and customer["email"]["maxLength"] == 254
    assert customer["name"]["maxLength"] == 120 and "pattern" in customer["name"]
    assert customer["phone"]["pattern"] == "^[0-9 ().+/\\u00a0-]+$"

    departures = schema["paths"]["/api/v1/tours/{tour_id}/departures/"]["get"]
    params = {param["name"]: param["schema"] for param in departures["parameters"]}
    dates = [params[name]["anyOf"][0] for name in ("from", "to")]
    assert dates[0]["format"] == "date" and dates[0]["pattern"].startswith("^20")
    assert dates[1] == dates[0]
    assert params["tour_id"]["minimum"] == 1
    assert "366 days" in departures["description"]

    detail = schema["paths"]["/api/v1/bookings/{reference}/"]["get"]
    params = {param["name"]: param["schema"] for param in detail["parameters"]}
    assert params["reference"]["pattern"] == "^[A-Za-z0-9-]{1,12}$"
    assert params["token"]["maxLength"] == 64
    listing = schema["paths"]["/api/v1/bookings/"]["get"]
    params = {param["name"]: param["schema"] for param in listing["parameters"]}
    assert params["page"]["maximum"] == 100_000


def test_every_operation_says_it_may_answer_400_and_503(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "503"} <= set(operation["responses"]), (method, path)
