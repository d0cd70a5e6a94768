"""Public partner URLs, inside i18n_patterns: the application form and the booking widget.
(The partner pages themselves are Wagtail pages under /partners/.)"""

from django.urls import path

from tours.web import apply, widget

urlpatterns = [
    path("partners/apply/", apply.partner_apply_form, name="partner_apply"),
    path("partners/apply/thanks/", apply.partner_apply_thanks, name="partner_apply_thanks"),
    path("widget/<slug:code>/", widget.widget_tours, name="widget_tours"),
    path("widget/<slug:code>/<int:tour_id>/", widget.widget_tour, name="widget_tour"),
]
