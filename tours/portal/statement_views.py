"""The partner's monthly statements in the portal: the page, its CSV and its PDF, per agreement
(one per BUMDes the partner sells for). A partner user sees its own agreements' statements only;
any other agreement is a 404, the same as one that does not exist."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from tours.models import PartnerAgreement
from tours.partners.statements import (
    Statement,
    statement_context,
    statement_csv,
    statement_file_name,
    statement_for,
    statement_pdf,
)
from tours.portal.access import partner_page


def _statement(partner, agreement_id: int, year: int, month: int) -> Statement:
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


@partner_page
def partner_statement(request, partner, agreement_id: int, year: int, month: int):
    statement = _statement(partner, agreement_id, year, month)
    context = statement_context(
        statement, lambda day: _month_url("partner_statement", statement, day)
    )
    context["csv_url"] = _month_url("partner_statement_csv", statement, statement.start)
    context["pdf_url"] = _month_url("partner_statement_pdf", statement, statement.start)
    context.update(partner=partner, nav="home")
    return render(request, "tours/portal/statement.html", context)


@partner_page
def partner_statement_csv(request, partner, agreement_id: int, year: int, month: int):
    statement = _statement(partner, agreement_id, year, month)
    response = HttpResponse(statement_csv(statement), content_type="text/csv; charset=utf-8")
    name = statement_file_name(statement, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@partner_page
def partner_statement_pdf(request, partner, agreement_id: int, year: int, month: int):
    statement = _statement(partner, agreement_id, year, month)
    response = HttpResponse(statement_pdf(statement), content_type="application/pdf")
    name = statement_file_name(statement, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
