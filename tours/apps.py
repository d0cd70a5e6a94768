from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import copy_for_translation_done, page_published


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = _("Tours")

    def ready(self):
        # Django's documented place to connect receivers: the models they name exist only now.
        from tours import signals
        from tours.models import VillagePage

        page_published.connect(signals.on_village_published, sender=VillagePage)
        copy_for_translation_done.connect(signals.on_page_translated)
