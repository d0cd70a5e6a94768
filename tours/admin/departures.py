"""Departures in the admin: the menu entry and the URLs of the list (`departure_index`), one
departure's page, its cancellation and extra slots (`departure_pages`) and the manifests.

Changing capacity, closing, reopening, cancelling and adding an extra slot are each one service
call; a refusal (capacity below the places taken, a cancelled departure) is shown as an admin
message and changes nothing.
"""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes.admin.permissions import ServiceOnlyViewSetMixin
from tours.admin.departure_index import DepartureIndexView
from tours.admin.departure_pages import DepartureCancelView, DepartureEditView, ExtraDepartureView
from tours.admin.manifest import DayManifestView, ManifestView
from tours.models import Departure


class DepartureViewSet(ServiceOnlyViewSetMixin, ModelViewSet):
    # Departures change through services on their own page, never through a model form.
    model = Departure
    name = "departures"
    icon = "calendar-alt"
    menu_label = gettext_lazy("Departures")
    menu_name = "departures"
    index_view_class = DepartureIndexView
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 40

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", ExtraDepartureView.as_view(), name="add"),
            path("edit/<int:pk>/", DepartureEditView.as_view(), name="edit"),
            path("cancel/<int:pk>/", DepartureCancelView.as_view(), name="cancel"),
            path("manifest/<int:pk>/", ManifestView.as_view(), name="manifest"),
            path("manifest/day/", DayManifestView.as_view(), name="day_manifest"),
        ]
