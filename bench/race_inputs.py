"""What the booking race sends: one guest's booking body, and each kind of bad input with the
request that carries it (all of them must be refused with a 4xx and write nothing)."""


def booking_body(departure: int, tier: int, index: int, quantity=1) -> dict:
    return {
        "departure": departure,
        "lines": [{"tier": tier, "quantity": quantity}],
        "customer": {
            "name": f"Tamu {index}",
            "email": f"tamu{index}@contoh.id",
            "phone": f"+62812000{index:05d}",
            "country": "ID",
            "language": "id",
        },
        "payment_method": "cash",
    }


def bad_inputs(ids: dict) -> list[tuple[str, str, str, object, dict]]:
    tier, race = ids["tier"], ids["race"]

    def changed(**changes) -> dict:
        return {**booking_body(ids["idempotent"], tier, 900), **changes}

    def line(**values) -> list:
        return [{"tier": tier, "quantity": 1, **values}]

    customer = booking_body(race, tier, 900)["customer"]
    without_email = {key: value for key, value in customer.items() if key != "email"}
    departures = f"/api/v1/tours/{ids['tour']}/departures/"
    post = "POST", "/api/v1/bookings/"
    return [
        ("zero quantity", *post, changed(lines=line(quantity=0)), {}),
        ("negative quantity", *post, changed(lines=line(quantity=-3)), {}),
        ("fractional quantity", *post, changed(lines=line(quantity=1.5)), {}),
        ("quantity as text", *post, changed(lines=line(quantity="2")), {}),
        ("below the tier's minimum", *post, changed(lines=line(tier=ids["min_tier"])), {}),
        ("unknown tier", *post, changed(lines=line(tier=999999)), {}),
        ("no lines", *post, changed(lines=[]), {}),
        ("unknown payment method", *post, changed(payment_method="bitcoin"), {}),
        ("missing e-mail", *post, changed(customer=without_email), {}),
        ("bad e-mail", *post, changed(customer={**customer, "email": "tamu@"}), {}),
        ("bad phone", *post, changed(customer={**customer, "phone": "12"}), {}),
        ("unknown departure", *post, changed(departure=999999), {}),
        ("departure as text", *post, changed(departure="besok"), {}),
        ("started departure", *post, changed(departure=ids["started"]), {}),
        ("closed departure", *post, changed(departure=ids["closed"]), {}),
        ("sold-out departure", *post, changed(departure=race), {}),
        ("malformed JSON", *post, '{"departure": 1, "lines": [', {}),
        ("JSON array body", *post, "[1, 2]", {}),
        ("Idempotency-Key of 256", *post, changed(), {"Idempotency-Key": "k" * 256}),
        ("unknown tour", "GET", "/api/v1/tours/999999/departures/", None, {}),
        ("from after to", "GET", f"{departures}?from=2027-02-10&to=2027-02-09", None, {}),
        ("range over 366 days", "GET", f"{departures}?from=2027-01-01&to=2028-06-01", None, {}),
        ("bad date", "GET", f"{departures}?from=2027-13-01", None, {}),
        ("wrong token", "GET", "/api/v1/bookings/LPS-22222/?token=nope", None, {}),
    ]
