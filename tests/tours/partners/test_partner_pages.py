"""Partner pages, referral links and the booking widget: what they show, whom the bookings they
start belong to, and which pages another site may frame."""

import datetime as dt

import pytest
from django.core import mail

from bumdes.models import Enterprise
from tests.tours.guest_flow import GUEST, book, booking_from, guest_url, hold, url
from tests.tours.partners.factories import partner_with_agreement
from tours.models import (
    Channel,
    Partner,
    PartnerPage,
    PartnerPageTour,
    PartnerStatus,
    Settlement,
    Terms,
    TourPage,
)
from tours.web import referral

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def _page(language: str = "id") -> PartnerPage:
    return PartnerPage.objects.get(partner__slug="demo-hotel", locale__language_code=language)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_partner_page_shows_its_logo_and_the_tours_it_sells_with_its_code(client, language):
    page = _page(language)
    assert page.url == f"{'' if language == 'id' else '/en'}/partners/demo-hotel/"
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    tours = TourPage.objects.live().filter(locale__language_code=language)
    assert tours.count() >= 6
    for tour in tours:
        assert f'href="{tour.url}?ref=demo-hotel"' in html
    assert 'class="partner-logo"' in html and "Hotel Kabut Teh Wonosobo" in html
    assert f"/{'en/' if language == 'en' else ''}widget/demo-hotel/" in html  # the snippet


def test_a_partner_page_shows_only_the_villages_it_has_active_agreements_with(client):
    partner = Partner.objects.get(slug="demo-hotel")
    partner.agreements.exclude(enterprise__slug="lipursari").update(status=PartnerStatus.SUSPENDED)
    tours = _page().tours()
    assert {tour.slug for tour in tours} == {
        t.slug for t in TourPage.objects.live().filter(locale__language_code="id")
        if t.business_unit.enterprise.slug == "lipursari"
    }  # fmt: skip
    assert 2 <= len(tours) < TourPage.objects.live().filter(locale__language_code="id").count()


def test_a_chosen_subset_of_tours_is_all_the_page_shows(batik, batik_en):
    for language, tour in (("id", batik), ("en", batik_en)):
        page = _page(language)
        PartnerPageTour.objects.create(page=page, tour=batik, locale=page.locale)
        assert [t.pk for t in page.tours()] == [tour.pk]


def test_a_referral_link_remembers_the_partner_for_30_days(client, rf):
    response = client.get("/?ref=demo-hotel")
    cookie = response.cookies[referral.COOKIE]
    assert cookie["max-age"] == 30 * 24 * 3600
    assert cookie["samesite"] == "Lax" and cookie["httponly"]
    assert cookie.value.startswith("demo-hotel:")  # signed, not forgeable
    later = rf.get("/")
    later.COOKIES[referral.COOKIE] = cookie.value
    assert referral.referred_partner(later).slug == "demo-hotel"


@pytest.mark.parametrize("code", ["no-such-partner", "uji-pending"])
def test_an_unknown_code_or_a_partner_not_yet_approved_is_ignored(client, code):
    partner_with_agreement("uji-pending", active=False)
    response = client.get(f"/?ref={code}")
    assert referral.COOKIE not in response.cookies


def test_a_forged_cookie_is_ignored(client, departure, tiers):
    client.cookies[referral.COOKIE] = "demo-hotel"
    booking = book(client, departure, tiers)
    assert booking.partner is None and booking.channel == Channel.DIRECT


def test_a_booking_after_a_referral_link_is_the_partners(client, departure, tiers):
    client.get(url("booking_start", departure_id=departure.pk) + "?ref=demo-hotel")
    client.get("/")  # the guest wanders around first; the cookie stays
    booking = book(client, departure, tiers)
    assert booking.partner.slug == "demo-hotel"
    assert booking.channel == Channel.PARTNER
    assert booking.commission_percent == 10
    assert booking.payment_method == "cash"  # the guest pays as usual


def test_the_cookie_expires_after_30_days(client, departure, tiers, monkeypatch):
    client.get("/?ref=demo-hotel")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    booking = book(client, departure, tiers)
    assert booking.partner is None


def test_an_on_account_partners_guest_pays_as_usual_never_on_account(client, departure, tiers):
    client.get("/?ref=demo-agent")
    booking = booking_from(hold(client, departure, {tiers[0]: 2}))
    assert booking.partner.slug == "demo-agent"
    client.post(guest_url("booking_details", booking), GUEST)
    response = client.post(guest_url("booking_review", booking), {"payment_method": "on_account"})
    assert response.status_code == 200
    assert b"partner_account" not in response.content
    booking.refresh_from_db()
    assert booking.status == "held" and booking.payment_method != "partner_account"


@pytest.mark.parametrize(
    "terms",
    [
        {"enterprise": "plobangan"},  # no agreement with Lipursari's BUMDes
        {"terms": Terms.NET_RATES, "settlement": Settlement.ON_ACCOUNT},  # prices guests never see
    ],
)
def test_a_referral_to_a_partner_that_does_not_sell_the_village_books_directly(
    client, departure, tiers, terms
):
    partner_with_agreement("uji-hotel", commission_percent=10, **terms)
    client.get("/?ref=uji-hotel")
    assert referral.COOKIE in client.cookies
    booking = book(client, departure, tiers)
    assert booking.partner is None and booking.channel == Channel.DIRECT


def test_the_widget_lists_the_tours_and_its_dates_start_the_partners_booking(
    client, batik, departure, tiers
):
    response = client.get(url("widget_tours", code="demo-hotel"))
    assert url("widget_tour", code="demo-hotel", tour_id=batik.pk) in response.content.decode()
    response = client.get(url("widget_tour", code="demo-hotel", tour_id=batik.pk))
    start = url("booking_start", departure_id=departure.pk) + "?ref=demo-hotel"
    assert f'href="{start}" target="_blank"' in response.content.decode()
    # A new tab from a frame: no cookie yet, the code is in the address.
    client.cookies.clear()
    response = client.post(start, {f"tier_{tiers[0].pk}": 2})
    assert booking_from(response).partner.slug == "demo-hotel"


def test_the_widget_of_an_unknown_partner_or_a_tour_it_does_not_sell_is_not_found(client):
    assert client.get(url("widget_tours", code="nobody")).status_code == 404
    partner_with_agreement("uji-hotel", enterprise="plobangan", commission_percent=10)
    batik = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    assert client.get(url("widget_tour", code="uji-hotel", tour_id=batik.pk)).status_code == 404


def _frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(p.strip() for p in policy.split(";") if "frame-ancestors" in p)


@pytest.mark.parametrize("language", ["id", "en"])
def test_only_the_widget_may_be_framed_and_only_by_the_partners_site(
    client, batik, batik_en, language
):
    tour = batik if language == "id" else batik_en
    for widget in (
        url("widget_tours", language, code="demo-hotel"),
        url("widget_tour", language, code="demo-hotel", tour_id=tour.pk),
    ):
        response = client.get(widget)
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        assert _frame_ancestors(response) == (
            "frame-ancestors 'self' https://kabutteh.example https://www.kabutteh.example"
        )
    departure_page = url("booking_start", departure_id=batik.departures.first().pk)
    pages = ("/", _page(language).url, tour.url, url("partner_apply", language), departure_page)
    for path in pages:
        response = client.get(path + "?ref=demo-hotel")
        assert response.status_code == 200, path
        assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN"), path
        assert _frame_ancestors(response) == "frame-ancestors 'self'", path


def _application(**changes) -> dict:
    data = {
        "name": "Homestay Sikunir",
        "kind": "hotel",
        "contact_name": "Wati",
        "email": "wati@sikunir.example",
        "phone": "0812 3456 7890",
        "address": "Dieng",
        "website": "sikunir.example",
        "enterprises": [],
        "message": "Kami ingin menjual kelas membatik.",
        "fax": "",
    }
    return {**data, **changes}


def _enterprise_ids(*slugs):
    return [e.pk for e in Enterprise.objects.filter(slug__in=slugs)]


@pytest.mark.parametrize("language", ["id", "en"])
def test_applying_makes_a_partner_with_pending_agreements_and_tells_the_bumdes(
    client, language, django_capture_on_commit_callbacks
):
    ids = _enterprise_ids("lipursari", "plobangan")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("partner_apply", language), _application(enterprises=ids))
    assert response.status_code == 302
    assert response["Location"] == url("partner_apply_thanks", language)
    partner = Partner.objects.get(name="Homestay Sikunir")
    assert partner.phone == "+6281234567890"
    assert partner.website == "https://sikunir.example"
    assert partner.application_message == "Kami ingin menjual kelas membatik."
    agreements = partner.agreements.all()
    assert sorted(a.enterprise_id for a in agreements) == sorted(ids)
    assert {a.status for a in agreements} == {PartnerStatus.PENDING}
    assert len(mail.outbox) == 2
    assert "Homestay Sikunir" in mail.outbox[0].subject
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "12"}, "phone"),
        ({"email": "wati"}, "email"),
        ({"name": ""}, "name"),
        ({"kind": "bank"}, "kind"),
        ({"enterprises": []}, "enterprises"),
    ],
)
def test_a_bad_application_says_why_and_saves_nothing(client, changes, field):
    before = Partner.objects.count()
    data = _application(**{"enterprises": _enterprise_ids("lipursari"), **changes})
    response = client.post(url("partner_apply"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert b"field-error" in response.content
    assert b"Homestay Sikunir" in response.content or field == "name"  # nothing typed is lost
    assert Partner.objects.count() == before


def test_a_bot_filling_the_hidden_field_is_thanked_and_nothing_is_saved(client):
    before = Partner.objects.count()
    data = _application(enterprises=_enterprise_ids("lipursari"), fax="spam")
    response = client.post(url("partner_apply"), data)
    assert response.status_code == 302
    assert Partner.objects.count() == before and mail.outbox == []
