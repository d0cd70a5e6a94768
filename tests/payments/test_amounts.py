import pytest
from hypothesis import given
from hypothesis import strategies as st

from tours.payments.amounts import IDR_MAX, STRIPE_MAX_UNITS, idr_to_stripe, stripe_to_idr


def test_rp_150000_is_15000000_units():
    assert idr_to_stripe(150_000) == 15_000_000
    assert stripe_to_idr(15_000_000) == 150_000


def test_zero_and_the_largest_amount():
    assert idr_to_stripe(0) == 0
    assert idr_to_stripe(IDR_MAX) == 999_999_999_900
    assert idr_to_stripe(IDR_MAX) <= STRIPE_MAX_UNITS
    assert len(str(idr_to_stripe(IDR_MAX))) == 12


def test_beyond_twelve_digits_is_refused():
    with pytest.raises(ValueError):
        idr_to_stripe(IDR_MAX + 1)
    with pytest.raises(ValueError):
        stripe_to_idr(STRIPE_MAX_UNITS + 1)


@pytest.mark.parametrize("bad", [1.5, 150000.0, "150000", None, True, False])
def test_non_integers_are_refused(bad):
    with pytest.raises(TypeError):
        idr_to_stripe(bad)
    with pytest.raises(TypeError):
        stripe_to_idr(bad)


def test_negative_is_refused():
    with pytest.raises(ValueError):
        idr_to_stripe(-1)
    with pytest.raises(ValueError):
        stripe_to_idr(-100)


@pytest.mark.parametrize("units", [1, 99, 15_000_001, 150])
def test_fractions_of_a_rupiah_are_refused(units):
    with pytest.raises(ValueError):
        stripe_to_idr(units)


@given(st.integers(min_value=0, max_value=IDR_MAX))
def test_round_trip(amount):
    assert stripe_to_idr(idr_to_stripe(amount)) == amount
