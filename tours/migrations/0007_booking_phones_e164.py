# Guests' phone numbers are stored in E.164 ("+6281234567890"). Before, spaces and dashes were
# only removed, so "0812 3456 7890" was kept as "081234567890" and "+62 0812…" as "+62081…",
# which make no working WhatsApp link.

from django.db import migrations

from core.phones import InvalidPhoneNumber, phone_e164


def normalise_phones(apps, schema_editor):
    """E.164 for every booking's number that parses, read with the guest's country as the hint;
    numbers that do not parse are left unchanged."""
    Booking = apps.get_model("tours", "Booking")
    bookings = Booking.objects.exclude(customer_phone="").only(
        "pk", "customer_phone", "customer_country"
    )
    changed = []
    for booking in bookings.iterator(chunk_size=2000):
        try:
            e164 = phone_e164(booking.customer_phone, region=booking.customer_country)
        except InvalidPhoneNumber:
            continue
        if e164 != booking.customer_phone:
            booking.customer_phone = e164
            changed.append(booking)
    Booking.objects.bulk_update(changed, ["customer_phone"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("tours", "0006_booking_idempotency_fingerprint"),
    ]

    operations = [
        migrations.RunPython(normalise_phones, migrations.RunPython.noop),
    ]
