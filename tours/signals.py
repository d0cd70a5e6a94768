"""Signal receivers: they collect the event and call one service, nothing more."""

from tours.booking.pages import village_permissions_sync
from tours.models import VillagePage


def on_village_published(sender, instance, **kwargs):
    village_permissions_sync(page=instance)


def on_page_translated(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, VillagePage):
        village_permissions_sync(page=target_obj)
