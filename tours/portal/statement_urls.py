"""The statement's addresses in the portal: `<agreement>/<year>/<month>/` and its exports."""

from django.urls import path

from tours.portal import statement_views

urlpatterns = [
    path(
        "<int:agreement_id>/<int:year>/<int:month>/",
        statement_views.partner_statement,
        name="partner_statement",
    ),
    path(
        "<int:agreement_id>/<int:year>/<int:month>/csv/",
        statement_views.partner_statement_csv,
        name="partner_statement_csv",
    ),
    path(
        "<int:agreement_id>/<int:year>/<int:month>/pdf/",
        statement_views.partner_statement_pdf,
        name="partner_statement_pdf",
    ),
]
