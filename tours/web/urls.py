"""Public booking URLs, inside i18n_patterns: /booking/… and /en/booking/…"""

from django.urls import path

from tours.web import balance, email_check, manage, steps

urlpatterns = [
    path("availability/<int:page_id>/", steps.booking_availability, name="booking_availability"),
    path("new/<int:departure_id>/", steps.booking_start, name="booking_start"),
    path("<str:reference>/details/", steps.booking_details, name="booking_details"),
    path("<str:reference>/review/", steps.booking_review, name="booking_review"),
    path("<str:reference>/ticket/", manage.booking_ticket, name="booking_ticket"),
    path("<str:reference>/calendar.ics", manage.booking_calendar, name="booking_calendar"),
    path("<str:reference>/cancel/", manage.booking_cancel, name="booking_cancel"),
    path("<str:reference>/balance/", balance.booking_pay_balance, name="booking_pay_balance"),
    path(
        "<str:reference>/confirm-email/",
        email_check.booking_email_confirm_view,
        name="booking_email_confirm",
    ),
    path("<str:reference>/", manage.booking_manage, name="booking_manage"),
]
