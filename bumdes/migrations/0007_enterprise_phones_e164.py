# Phone and WhatsApp numbers of a BUMDes are stored in E.164; the WhatsApp field had a regex for
# "62…" digits and 16 characters, too short for a number typed with spaces.

from django.db import migrations, models

from core.phones import InvalidPhoneNumber, phone_e164


def normalise_phones(apps, schema_editor):
    """E.164 for every number that parses; the others are left as they are for staff to fix."""
    Enterprise = apps.get_model("bumdes", "Enterprise")
    for enterprise in Enterprise.objects.only("pk", "phone", "whatsapp"):
        changed = {}
        for name in ("phone", "whatsapp"):
            value = getattr(enterprise, name)
            try:
                e164 = phone_e164(value) if value else value
            except InvalidPhoneNumber:
                continue
            if e164 != value:
                changed[name] = e164
        if changed:
            Enterprise.objects.filter(pk=enterprise.pk).update(**changed)


class Migration(migrations.Migration):

    dependencies = [
        ('bumdes', '0006_enterprise_time_zone'),
    ]

    operations = [
        migrations.AlterField(
            model_name='enterprise',
            name='phone',
            field=models.CharField(blank=True, help_text='e.g. (0286) 321456 or 0812 3456 7890', max_length=30, verbose_name='phone'),
        ),
        migrations.AlterField(
            model_name='enterprise',
            name='whatsapp',
            field=models.CharField(blank=True, help_text='e.g. 0812 3456 7890; saved with the country code, as +6281234567890', max_length=30, verbose_name='WhatsApp number'),
        ),
        migrations.RunPython(normalise_phones, migrations.RunPython.noop),
    ]
