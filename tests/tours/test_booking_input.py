"""Invariant 8: bad input gets a clear message for the field it concerns and writes nothing.

Every case checks that no booking, line or history row appeared. Quantities and tiers arrive from
forms and JSON, so strings, floats, booleans and nulls are tried where integers belong.
"""

import dataclasses
import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.tours.factories import (
    BOOKED_AT,
    GUEST,
    STARTS_AT,
    DepartureFactory,
    hold,
    per_person,
    student,
    tour,
    written,
)
from tours.booking.booking_input import Customer
from tours.booking.cancelling import departure_cancel
from tours.booking.departures import departure_set_status
from tours.booking.errors import BookingClosed, BookingInvalid, SoldOut
from tours.booking.holds import booking_hold
from tours.models import Booking, Departure, DepartureStatus, PaymentMethod, PriceTier, TourPage
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def departure():
    return DepartureFactory(starts_at=STARTS_AT, capacity=40)


@pytest.fixture
def tiers(departure):
    """Tiers by role: the tour's own two, another village's, and the English page's copy."""
    page = departure.tour
    return {
        "adult": per_person(page).pk,
        "school": student(page).pk,
        "other_tour": tour("jalan-pusaka-ki-ageng-wonosobo").price_tiers.first().pk,
        "english": per_person(tour(language="en")).pk,
    }


def _refused(call, error=BookingInvalid) -> BookingInvalid:
    before = written()
    with pytest.raises(error) as refused:
        call()
    assert written() == before, "a refused booking wrote something"
    return refused.value


def _hold(departure, lines, **kwargs):
    kwargs.setdefault("customer", GUEST)
    kwargs.setdefault("language", "id")
    kwargs.setdefault("now", BOOKED_AT)
    return lambda: booking_hold(departure_id=departure.pk, lines=lines, **kwargs)


def _create(departure, lines, **kwargs):
    kwargs.setdefault("customer", GUEST)
    kwargs.setdefault("payment_method", PaymentMethod.CASH)
    kwargs.setdefault("now", BOOKED_AT)
    return lambda: booking_create(departure_id=departure.pk, lines=lines, **kwargs)


def _assert_message(error: BookingInvalid, field: str) -> str:
    assert field in error.errors, error.errors
    message = str(error.errors[field])
    assert message.strip(), f"no message for {field}"
    return message


LINE_CASES = {
    # name: (lines, where the message goes); tiers named by role, filled in by the test
    "zero people": ([("adult", 0)], "lines.0.quantity"),
    "negative people": ([("adult", -2)], "lines.0.quantity"),
    "quantity as text": ([("adult", "2")], "lines.0.quantity"),
    "quantity as float": ([("adult", 2.0)], "lines.0.quantity"),
    "quantity as fraction": ([("adult", 1.5)], "lines.0.quantity"),
    "quantity as bool": ([("adult", True)], "lines.0.quantity"),
    "quantity missing": ([("adult", None)], "lines.0.quantity"),
    "absurd quantity": ([("adult", 10**9)], "lines.0.quantity"),
    "bad second line": ([("adult", 1), ("school", -10)], "lines.1.quantity"),
    "unknown tier": ([(999_999_999, 1)], "lines.0.tier"),
    "tier as text": ([("adult-as-text", 1)], "lines.0.tier"),
    "tier as bool": ([(True, 1)], "lines.0.tier"),
    "tier missing": ([(None, 1)], "lines.0.tier"),
    "another tour's tier": ([("other_tour", 1)], "lines.0.tier"),
    "the English page's tier": ([("english", 1)], "lines.0.tier"),
    "same tier twice": ([("adult", 1), ("adult", 2)], "lines.1.tier"),
    "no lines": ([], "lines"),
    "lines missing": (None, "lines"),
    "lines as a dict": ({"adult": 2}, "lines"),
    "lines as text": ("adult=2", "lines"),
    "line without quantity": ([("adult",)], "lines.0"),
    "line with three parts": ([("adult", 1, 1)], "lines.0"),
    "line not a pair": ([7], "lines.0"),
    "more than the tour's 40 per booking": ([("adult", 41)], "lines"),
    "more than 40 across two tiers": ([("adult", 30), ("school", 11)], "lines"),
    "school tier below its 10": ([("school", 9)], "lines.0.quantity"),
}


def _resolve(lines, tiers):
    if not isinstance(lines, list):
        return lines
    resolved = []
    for line in lines:
        if isinstance(line, tuple) and line and isinstance(line[0], str):
            name = line[0]
            tier = str(tiers["adult"]) if name == "adult-as-text" else tiers[name]
            line = (tier, *line[1:])
        resolved.append(line)
    return resolved


@pytest.mark.parametrize("case", list(LINE_CASES), ids=list(LINE_CASES))
def test_bad_lines_are_refused_with_a_message_and_write_nothing(departure, tiers, case):
    lines, field = LINE_CASES[case]
    error = _refused(_hold(departure, _resolve(lines, tiers)))
    _assert_message(error, field)
    # The same through the one-step service used by the API and staff.
    error = _refused(_create(departure, _resolve(lines, tiers)))
    _assert_message(error, field)


def test_tier_limits_name_the_tier_and_the_number(departure, tiers):
    error = _refused(_hold(departure, [(tiers["school"], 9)]))
    message = _assert_message(error, "lines.0.quantity")
    assert "10" in message and "Pelajar" in message

    PriceTier.objects.filter(pk=tiers["adult"]).update(max_quantity=3)
    error = _refused(_hold(departure, [(tiers["adult"], 4)]))
    message = _assert_message(error, "lines.0.quantity")
    assert "3" in message and "Per orang" in message
    hold(departure, 3)


def test_fewer_people_than_the_tour_takes_is_refused(departure, tiers):
    TourPage.objects.filter(pk=departure.tour_id).update(min_participants=2)
    error = _refused(_hold(departure, [(tiers["adult"], 1)]))
    assert "2" in _assert_message(error, "lines")
    hold(departure, 2)


def test_more_people_than_the_tour_takes_names_the_limit(departure, tiers):
    error = _refused(_hold(departure, [(tiers["adult"], 41)]))
    assert "40" in _assert_message(error, "lines")


def test_every_bad_field_gets_its_own_message_at_once(departure, tiers):
    customer = Customer(name=" ", email="siti@", phone="12ab", country="Indonesia", language="fr")
    error = _refused(
        _create(departure, [(tiers["adult"], 0)], customer=customer, payment_method="bitcoin")
    )
    for field in (
        "lines.0.quantity",
        "customer.name",
        "customer.email",
        "customer.phone",
        "customer.country",
        "customer.language",
        "payment_method",
    ):
        _assert_message(error, field)
    assert len({str(message) for message in error.errors.values()}) == len(error.errors)


CUSTOMER_CASES = {
    "no name": ({"name": ""}, "customer.name"),
    "name too long": ({"name": "S" * 121}, "customer.name"),
    "e-mail without domain": ({"email": "siti@"}, "customer.email"),
    "e-mail with spaces": ({"email": "siti rahayu@contoh.id"}, "customer.email"),
    "no e-mail": ({"email": ""}, "customer.email"),
    "phone with letters": ({"phone": "0812-ABCD-123"}, "customer.phone"),
    "phone too short": ({"phone": "12345"}, "customer.phone"),
    "phone too long": ({"phone": "+62 8123 4567 8901 234"}, "customer.phone"),
    "no phone": ({"phone": ""}, "customer.phone"),
    "only the pre-filled +62": ({"phone": "+62"}, "customer.phone"),
    "phone not in the numbering plan": ({"phone": "+62 0000 000"}, "customer.phone"),
    "phone with an unknown country code": ({"phone": "+999 123456"}, "customer.phone"),
    "country name instead of code": ({"country": "Indonesia"}, "customer.country"),
    "country of three letters": ({"country": "IDN"}, "customer.country"),
    "no country": ({"country": ""}, "customer.country"),
    "country that does not exist": ({"country": "XX"}, "customer.country"),
    "country code in small letters": ({"country": "id"}, "customer.country"),
    "unknown language": ({"language": "fr"}, "customer.language"),
    "language name": ({"language": "English"}, "customer.language"),
}


@pytest.mark.parametrize("case", list(CUSTOMER_CASES), ids=list(CUSTOMER_CASES))
def test_bad_guest_details_are_refused_with_a_message_and_write_nothing(departure, tiers, case):
    changes, field = CUSTOMER_CASES[case]
    customer = dataclasses.replace(GUEST, **changes)
    _assert_message(_refused(_create(departure, [(tiers["adult"], 2)], customer=customer)), field)
    _assert_message(_refused(_hold(departure, [(tiers["adult"], 2)], customer=customer)), field)


@pytest.mark.parametrize("method", ["bitcoin", "stripe-ish", "CASH", " cash"])
def test_an_unknown_payment_method_is_refused(departure, tiers, method):
    for call in (
        _create(departure, [(tiers["adult"], 2)], payment_method=method),
        _hold(departure, [(tiers["adult"], 2)], payment_method=method),
    ):
        _assert_message(_refused(call), "payment_method")


def test_a_booking_without_payment_method_is_refused(departure, tiers):
    _assert_message(
        _refused(_create(departure, [(tiers["adult"], 2)], payment_method="")), "payment_method"
    )


@pytest.mark.parametrize("language", ["fr", "", "ID", None])
def test_a_hold_in_an_unknown_language_is_refused(departure, tiers, language):
    call = _hold(departure, [(tiers["adult"], 2)], customer=None, language=language)
    _assert_message(_refused(call), "language")


@pytest.mark.parametrize("departure_id", [999_999_999, -1, 0, "1", None, True, 1.0])
def test_a_departure_that_does_not_exist_is_refused(tiers, departure_id):
    def call():
        return booking_hold(
            departure_id=departure_id, lines=[(tiers["adult"], 1)], language="id", now=BOOKED_AT
        )

    _assert_message(_refused(call), "departure")


def test_a_departure_that_has_started_is_refused(departure, tiers):
    for now in (STARTS_AT, STARTS_AT + dt.timedelta(days=2)):
        error = _refused(_hold(departure, [(tiers["adult"], 1)], now=now))
        _assert_message(error, "departure")


def test_a_departure_past_its_booking_cutoff_is_closed(departure, tiers):
    # Kelas Membatik closes 12 hours before the start.
    error = _refused(
        _hold(departure, [(tiers["adult"], 1)], now=STARTS_AT - dt.timedelta(hours=12)),
        BookingClosed,
    )
    assert str(error.message)
    hold(departure, 1, now=STARTS_AT - dt.timedelta(hours=12, seconds=1))


def test_a_closed_departure_is_refused(departure, tiers):
    departure_set_status(departure=departure, status=DepartureStatus.CLOSED)
    _refused(_hold(departure, [(tiers["adult"], 1)]), BookingClosed)
    _refused(_create(departure, [(tiers["adult"], 1)]), BookingClosed)


def test_a_cancelled_departure_is_refused(departure, tiers):
    departure_cancel(departure=departure, reason="Banjir di jalan desa", now=BOOKED_AT)
    _refused(_hold(departure, [(tiers["adult"], 1)]), BookingClosed)
    _refused(_create(departure, [(tiers["adult"], 1)]), BookingClosed)


def test_more_people_than_places_left_is_sold_out_with_the_places_left(departure, tiers):
    Departure.objects.filter(pk=departure.pk).update(capacity=5)
    hold(departure, 3)

    error = _refused(_hold(departure, [(tiers["adult"], 3)]), SoldOut)
    assert error.seats_left == 2
    assert "2" in str(error.message)
    error = _refused(_create(departure, [(tiers["adult"], 3)]), SoldOut)
    assert error.seats_left == 2

    hold(departure, 2)
    error = _refused(_hold(departure, [(tiers["adult"], 1)]), SoldOut)
    assert error.seats_left == 0


def test_good_input_is_cleaned_before_it_is_stored(departure, tiers):
    customer = Customer(
        name="  Siti Rahayu ", email=" Siti@Contoh.ID ", phone="+62 (812) 3456-7890", country="ID"
    )
    booking, created = _create(departure, [(tiers["adult"], 2)], customer=customer)()
    assert created
    booking = Booking.objects.get(pk=booking.pk)
    assert (booking.customer_name, booking.customer_email, booking.customer_phone) == (
        "Siti Rahayu",
        "siti@contoh.id",
        "+6281234567890",
    )


# Whatever arrives, either a valid booking is made or nothing is written ------------------------

TIER_ROLES = st.sampled_from(["adult", "school", "other_tour", "english", "unknown"])
TIERS = st.one_of(
    TIER_ROLES,
    st.one_of(st.integers(-3, 3), st.text(max_size=3), st.booleans(), st.none(), st.floats()),
)
QUANTITIES = st.one_of(
    st.integers(-3, 45),
    st.one_of(st.floats(), st.booleans(), st.text(max_size=3), st.none()),
)
# Nearly right: the tour's own tiers, quantities around the limits, a tier twice.
OWN_TIERS = st.sampled_from(["adult", "school"])
NEARLY_RIGHT = st.lists(st.tuples(OWN_TIERS, st.integers(-1, 45)), min_size=1, max_size=2)
ANYTHING = st.one_of(
    st.lists(st.tuples(TIERS, QUANTITIES), max_size=3),
    st.lists(st.one_of(st.tuples(TIERS), st.tuples(TIERS, QUANTITIES, QUANTITIES), st.integers())),
    st.none(),
    st.text(max_size=4),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.one_of(NEARLY_RIGHT, ANYTHING))
def test_any_lines_either_make_a_valid_booking_or_write_nothing(departure, tiers, lines):
    tiers = {**tiers, "unknown": 999_999_999}
    lines = (
        [
            (tiers[line[0]], *line[1:]) if isinstance(line, tuple) and line[0] in tiers else line
            for line in lines
        ]
        if isinstance(lines, list)
        else lines
    )
    savepoint = transaction.savepoint()
    try:
        before = written()
        try:
            booking, _ = booking_hold(
                departure_id=departure.pk, lines=lines, language="id", now=BOOKED_AT
            )
        except (BookingInvalid, SoldOut):
            assert written() == before
            event("refused")
            return
        event("booked")
        own = {tiers["adult"]: 100_000, tiers["school"]: 75_000}
        assert all(type(q) is int and q > 0 and t in own for t, q in lines)
        assert len({t for t, _ in lines}) == len(lines)
        assert booking.seats == sum(q for _, q in lines) <= 40
        assert booking.total == sum(own[t] * q for t, q in lines)
    finally:
        transaction.savepoint_rollback(savepoint)


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    adults=st.one_of(st.none(), st.integers(-2, 45)),
    students=st.one_of(st.none(), st.integers(-2, 45)),
)
def test_group_sizes_are_accepted_exactly_within_the_limits(departure, tiers, adults, students):
    """Per person: 1 or more; school group: 10 or more; 1 to 40 people in all."""
    lines = [
        (tiers[role], n) for role, n in (("adult", adults), ("school", students)) if n is not None
    ]
    present = [n for n in (adults, students) if n is not None]
    valid = (
        bool(lines)
        and (adults is None or adults >= 1)
        and (students is None or students >= 10)
        and sum(present) <= 40
    )
    savepoint = transaction.savepoint()
    try:
        before = written()
        try:
            booking, _ = booking_hold(
                departure_id=departure.pk, lines=lines, language="id", now=BOOKED_AT
            )
        except BookingInvalid:
            assert not valid, (adults, students)
            assert written() == before
            return
        assert valid, (adults, students)
        assert booking.seats == sum(present)
        assert booking.total == 100_000 * (adults or 0) + 75_000 * (students or 0)
    finally:
        transaction.savepoint_rollback(savepoint)
