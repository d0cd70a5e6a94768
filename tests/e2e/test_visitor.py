"""A visitor on a phone goes home → village → tour, in Indonesian and in English."""

import pytest

from tests.e2e.conftest import shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "language, prefix, village_link, experience_word",
    [("id", "", "Lipursari", "Pengalaman"), ("en", "/en", "Lipursari", "Experiences")],
)
def test_visitor_goes_home_village_tour(
    demo, phone, language, prefix, village_link, experience_word
):
    phone.goto(f"{demo.url}{prefix}/")
    assert phone.locator("html").get_attribute("lang") == language
    shoot(phone, f"{language}-1-home")

    phone.locator(".card-village a", has_text=village_link).first.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "Lipursari"
    assert phone.get_by_role("heading", name=experience_word).is_visible()
    shoot(phone, f"{language}-2-village")

    phone.locator(".cards .card a").first.click()
    phone.wait_for_load_state()
    assert "Rp" in phone.locator(".price-table").inner_text()
    book = phone.locator(".sticky-action")
    assert book.is_visible()
    shoot(phone, f"{language}-3-tour")

    # The language switcher leads to the same tour in the other language.
    other = "en" if language == "id" else "id"
    phone.locator(f'.lang-switch a[hreflang="{other}"]').click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == other
    assert phone.locator(".price-table").is_visible()
