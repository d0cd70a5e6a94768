"""Template tags that turn a stored phone number into links and text."""

from django.template import Context, Template

from home.templatetags.desa import phone, tel_uri, whatsapp_url


def test_whatsapp_links_use_the_digits_of_a_stored_number():
    assert whatsapp_url("+6281200000102") == "https://wa.me/6281200000102"
    assert whatsapp_url("6281200000102") == "https://wa.me/6281200000102"  # stored before E.164
    assert whatsapp_url("+6281200000102", "Halo, Kelas Membatik?") == (
        "https://wa.me/6281200000102?text=Halo%2C%20Kelas%20Membatik%3F"
    )


def test_no_link_for_what_is_not_a_number():
    assert whatsapp_url("") == "" and whatsapp_url(None) == ""
    assert whatsapp_url("ask at the gate") == ""


def test_tel_links_dial_e164_or_the_digits_stored():
    assert tel_uri("+62 286 000 0000") == "tel:+622860000000"
    assert tel_uri("+6281234567890") == "tel:+6281234567890"
    assert tel_uri("ext. 12, reception") == "tel:12"
    assert tel_uri("") == ""


def test_numbers_are_shown_in_international_format():
    html = Template("{% load desa %}{{ number|phone }}").render(Context({"number": "+62274123456"}))
    assert html == "+62 274 123456"
    assert phone("") == "" and phone(None) == ""
