# The SWIFT/BIC of the BUMDes's bank account, shown to guests who transfer from abroad.

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bumdes', '0007_enterprise_phones_e164'),
    ]

    operations = [
        migrations.AddField(
            model_name='enterprise',
            name='bank_swift',
            field=models.CharField(blank=True, help_text='For guests paying from abroad: 8 or 11 characters, e.g. BRINIDJA.', max_length=11, validators=[django.core.validators.RegexValidator('^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$', 'A SWIFT/BIC code has 8 or 11 letters and digits, e.g. BRINIDJA.')], verbose_name='SWIFT/BIC code'),
        ),
    ]
