"""Admin for enterprises: platform administrators create them; creating one sets up its staff."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Enterprise
from .services import enterprise_setup


class EnterpriseViewSet(SnippetViewSet):
    model = Enterprise
    icon = "group"
    menu_label = _("BUMDes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "village", "ref_prefix", "phone"]
    search_fields = ["name", "legal_name", "village"]


register_snippet(EnterpriseViewSet)


@hooks.register("after_create_snippet")
def setup_new_enterprise(request, instance):
    if isinstance(instance, Enterprise):
        enterprise_setup(enterprise=instance)
