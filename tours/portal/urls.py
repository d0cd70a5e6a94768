"""The partner portal's URLs, inside i18n_patterns: /partner/… and /en/partner/…"""

from django.urls import include, path

from tours.portal import auth, book, bookings, home, keys, vouchers

urlpatterns = [
    path("", home.portal_home, name="partner_home"),
    path("login/", auth.PartnerLoginView.as_view(), name="partner_login"),
    path("logout/", auth.PartnerLogoutView.as_view(), name="partner_logout"),
    path("book/", book.book_tour, name="partner_book"),
    path("book/<int:page_id>/", book.book_date, name="partner_book_date"),
    path("book/departure/<int:departure_id>/", book.book_guest, name="partner_book_guest"),
    path("bookings/", bookings.booking_list, name="partner_bookings"),
    path("bookings/<str:reference>/", bookings.booking_detail, name="partner_booking"),
    path(
        "bookings/<str:reference>/cancel/",
        bookings.booking_cancel_view,
        name="partner_booking_cancel",
    ),
    path(
        "bookings/<str:reference>/voucher/",
        vouchers.booking_voucher,
        name="partner_booking_voucher",
    ),
    path("vouchers/", vouchers.vouchers, name="partner_vouchers"),
    path("keys/", keys.key_list, name="partner_keys"),
    path("keys/new/", keys.key_create, name="partner_key_create"),
    path("keys/<int:key_id>/revoke/", keys.key_revoke, name="partner_key_revoke"),
    path("statements/", include("tours.portal.statement_urls")),
]
