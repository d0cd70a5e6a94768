"""What a guest asks for, checked before anything is written: the departure, who the booking is
for, and how many people of each price tier.

Bad input raises `BookingInvalid` with a message per field before anything is written
(invariant 8). Prices are frozen (invariant 2): each line copies its tier's label, in the
guest's language, and its price at the moment of booking, so a later change of the tour's
prices never touches a booking already made.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core.countries import is_country
from core.phones import InvalidPhoneNumber, phone_e164
from tours.booking.errors import BookingInvalid
from tours.models import BookingLine, Departure, PriceTier, TourPage
from tours.models.availability import tour_in_language
from tours.models.tour import labelled_tiers

MAX_QUANTITY = 500
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Customer:
    name: str
    email: str
    phone: str
    country: str = "ID"
    language: str = "id"


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# The guest ----------------------------------------------------------------------------------


def normalize_phone(phone: str, country: str = "") -> str:
    """The guest's number in E.164 ("+6281234567890"); the guest's country is the hint for a
    number typed without its country code. Raises `InvalidPhoneNumber`."""
    return phone_e164(phone, region=country)


def customer_errors(customer: Customer, *, email_required: bool = True) -> dict[str, str]:
    """What is wrong with the guest's details. Staff bookings (walk-ins, phone calls) may leave
    the e-mail empty when a phone number is given; the guest then gets no e-mail."""
    errors = {}
    if not (customer.name or "").strip():
        errors["customer.name"] = _("Please give the name the booking is for.")
    elif len(customer.name) > 120:
        errors["customer.name"] = _("Please use at most 120 characters.")
    email = (customer.email or "").strip()
    if email or email_required:
        try:
            validate_email(email)
            if len(email) > 254:  # the column's size; Django's validator accepts up to 320
                raise ValidationError("too long")
        except ValidationError:
            errors["customer.email"] = _("Please give a valid e-mail address, e.g. nama@contoh.id.")
    try:
        normalize_phone(customer.phone, customer.country)
    except InvalidPhoneNumber as error:
        errors["customer.phone"] = str(error.message)
    if not is_country(customer.country):
        errors["customer.country"] = _("Please choose a country.")
    if customer.language not in LANGUAGES:
        errors["customer.language"] = _("Choose Indonesian (id) or English (en).")
    return errors


def clean_customer(customer: Customer) -> Customer:
    """The guest's details as they are stored: trimmed, the e-mail in lower case, the phone in
    E.164. Only for details `customer_errors` found nothing wrong with."""
    return Customer(
        name=customer.name.strip(),
        email=(customer.email or "").strip().lower(),
        phone=normalize_phone(customer.phone, customer.country),
        country=customer.country,
        language=customer.language,
    )


def customer_fields(customer: Customer | None) -> dict:
    """The booking's fields that hold the guest's details (none when not given yet)."""
    if customer is None:
        return {}
    return {
        "customer_name": customer.name,
        "customer_email": customer.email,
        "customer_phone": customer.phone,
        "customer_country": customer.country,
        "language": customer.language,
    }


# The departure and the lines ----------------------------------------------------------------


def departure_for_booking(departure_id) -> Departure:
    """The departure a booking asks for, with its tour and BUMDes; `BookingInvalid` if none."""
    if not _is_int(departure_id):
        raise BookingInvalid({"departure": _("Choose a departure.")})
    departure = Departure.objects.select_related("tour", "enterprise").filter(pk=departure_id)
    departure = departure.first()
    if departure is None:
        raise BookingInvalid({"departure": _("This departure does not exist.")})
    return departure


def priced_lines(departure: Departure, lines, language: str) -> tuple[list[BookingLine], dict]:
    """Check each requested (tier, quantity) against the tour and copy label and price.

    Returns the unsaved lines and the errors found, by field ("lines.0.quantity")."""
    tour = departure.tour
    tiers = {tier.pk: tier for tier in tour.price_tiers.all()}
    labels = _tier_labels(tour, tiers, language)
    if not isinstance(lines, list | tuple) or not lines:
        return [], {"lines": _("Choose how many people come.")}
    errors: dict[str, str] = {}
    result = []
    seen: set[int] = set()
    for index, line in enumerate(lines):
        tier, quantity, line_errors = _line_checked(index, line, tiers, seen)
        errors.update(line_errors)
        if tier is None:
            continue
        result.append(
            BookingLine(
                tier=tier,
                label=labels.get(tier.pk, tier.label),
                unit_price=tier.price,
                quantity=quantity,
                requires_id=tier.requires_id,
            )
        )
    if not errors:
        errors.update(_group_size_errors(tour, result))
    return result, errors


def _tier_labels(tour: TourPage, tiers: dict[int, PriceTier], language: str) -> dict[int, str]:
    """The tiers' labels in the guest's language, by tier id; empty when the tour is not
    translated into it (the tiers' own labels are used)."""
    shown = tour_in_language(tour, language)
    if shown.pk == tour.pk:
        return {}
    return {
        tier.pk: tier.display_label
        for tier in labelled_tiers(tiers.values(), shown.price_tiers.all())
    }


def _line_checked(
    index: int, line, tiers: dict[int, PriceTier], seen: set[int]
) -> tuple[PriceTier | None, int, dict[str, str]]:
    """One requested (tier, quantity): its tier and quantity, or (None, 0, its error)."""
    try:
        tier_id, quantity = line
    except (TypeError, ValueError):
        return None, 0, {f"lines.{index}": _("Each line needs a price tier and a quantity.")}
    if not _is_int(tier_id) or tier_id not in tiers:
        return None, 0, {f"lines.{index}.tier": _("Unknown price tier for this experience.")}
    if tier_id in seen:
        return None, 0, {f"lines.{index}.tier": _("Each price tier may appear once.")}
    seen.add(tier_id)
    tier = tiers[tier_id]
    problem = _quantity_error(tier, quantity)
    if problem:
        return None, 0, {f"lines.{index}.quantity": problem}
    return tier, quantity, {}


def _quantity_error(tier: PriceTier, quantity) -> str:
    if not _is_int(quantity) or quantity <= 0:
        return _("The number of people must be 1 or more.")
    if quantity > MAX_QUANTITY:
        return _("That is more people than we can take.")
    if tier.min_quantity and quantity < tier.min_quantity:
        return _("%(label)s: at least %(n)d people.") % {
            "label": tier.label,
            "n": tier.min_quantity,
        }
    if tier.max_quantity and quantity > tier.max_quantity:
        return _("%(label)s: at most %(n)d people.") % {
            "label": tier.label,
            "n": tier.max_quantity,
        }
    return ""


def _group_size_errors(tour: TourPage, lines: list[BookingLine]) -> dict[str, str]:
    """The tour's group size: at least `min_participants`, at most `max_participants`."""
    people = sum(line.quantity for line in lines)
    if people < tour.min_participants:
        return {
            "lines": _("This experience is booked for at least %(n)d people.")
            % {"n": tour.min_participants}
        }
    if people > tour.max_participants:
        return {
            "lines": _("At most %(n)d people per booking; please make two bookings.")
            % {"n": tour.max_participants}
        }
    return {}
