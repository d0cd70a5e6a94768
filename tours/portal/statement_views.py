"""The partner's monthly statements in the portal: the page, its CSV and its PDF, per agreement
(one per BUMDes the partner sells for). A partner user sees its own agreements' statements only;
any other agreement is a 404, the same as one that does not exist."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core.formats import rupiah
from tours.models import PartnerAgreement
from tours.partners.accounts import partner_for_user
from tours.partners.statements import (
    Statement,
    statement_csv,
    statement_file_name,
    statement_for,
    statement_pdf,
)


def _statement(request, agreement_id: int, year: int, month: int) -> Statement:
    partner = partner_for_user(request.user)
    if partner is None:
        raise Http404
    agreement = get_object_or_404(
        PartnerAgreement.objects.select_related("partner", "enterprise", "counterparty"),
        pk=agreement_id,
        partner=partner,
    )
    try:
        return statement_for(agreement, year, month)
    except ValueError:
        raise Http404 from None


def _month_url(name: str, statement: Statement, day) -> str:
    return reverse(name, args=[statement.agreement.pk, day.year, day.month])


def statement_context(statement: Statement, url_name: str) -> dict:
    """What a statement page shows, in rupiah as written on screen (shared by the portal and the
    staff's partner screen)."""
    return {
        "statement": statement,
        "opening": rupiah(statement.opening),
        "added": rupiah(statement.added),
        "settled": rupiah(statement.settled),
        "closing": rupiah(statement.closing),
        "totals": [rupiah(statement.gross), rupiah(statement.commission), rupiah(statement.net)],
        "bookings": [
            (line, rupiah(line.gross), rupiah(line.commission), rupiah(line.net))
            for line in statement.bookings
        ],
        "settlements": [(line, rupiah(line.amount)) for line in statement.settlements],
        "previous_url": _month_url(url_name, statement, statement.previous),
        "next_url": _month_url(url_name, statement, statement.following),
    }


@login_required(login_url="partner_login")
def partner_statement(request, agreement_id: int, year: int, month: int):
    statement = _statement(request, agreement_id, year, month)
    context = statement_context(statement, "partner_statement")
    context["csv_url"] = _month_url("partner_statement_csv", statement, statement.start)
    context["pdf_url"] = _month_url("partner_statement_pdf", statement, statement.start)
    return render(request, "tours/portal/statement.html", context)


@login_required(login_url="partner_login")
def partner_statement_csv(request, agreement_id: int, year: int, month: int):
    statement = _statement(request, agreement_id, year, month)
    response = HttpResponse(statement_csv(statement), content_type="text/csv; charset=utf-8")
    name = statement_file_name(statement, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required(login_url="partner_login")
def partner_statement_pdf(request, agreement_id: int, year: int, month: int):
    statement = _statement(request, agreement_id, year, month)
    response = HttpResponse(statement_pdf(statement), content_type="application/pdf")
    name = statement_file_name(statement, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
