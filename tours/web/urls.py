"""Public booking URLs, inside i18n_patterns: /booking/… and /en/booking/…"""

from django.urls import path

from tours.web import balance
from tours.web import booking as views

urlpatterns = [
    path("availability/<int:page_id>/", views.booking_availability, name="booking_availability"),
    path("new/<int:departure_id>/", views.booking_start, name="booking_start"),
    path("<str:reference>/details/", views.booking_details, name="booking_details"),
    path("<str:reference>/review/", views.booking_review, name="booking_review"),
    path("<str:reference>/ticket/", views.booking_ticket, name="booking_ticket"),
    path("<str:reference>/calendar.ics", views.booking_calendar, name="booking_calendar"),
    path("<str:reference>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("<str:reference>/balance/", balance.booking_pay_balance, name="booking_pay_balance"),
    path("<str:reference>/", views.booking_manage, name="booking_manage"),
]
