from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BumdesConfig(AppConfig):
    name = "bumdes"
    verbose_name = _("BUMDes")
