"""Exports of the reports: a plain-text table, CSV, XLSX, PDF and JSON, all from the same report
data; the journal also as a Beancount file (`beancount_file.journal_beancount`).

Every printable export carries the BUMDes's name, the report's title in Indonesian, the unit, the
period with the prior period beside each figure, and the signature block."""

from django.utils.text import slugify

from bumdes.exports.csv_file import render_csv
from bumdes.exports.document import Document
from bumdes.exports.json_data import render_json, report_data
from bumdes.exports.layouts import document_for
from bumdes.exports.pdf import render_pdf
from bumdes.exports.text import render_text
from bumdes.exports.xlsx import render_xlsx

BINARY = {"xlsx", "pdf"}
FORMATS = ("table", "csv", "json", "xlsx", "pdf")


def render(report, fmt: str) -> str | bytes:
    """The report in one of `FORMATS`: text for table, csv and json, bytes for xlsx and pdf."""
    if fmt == "json":
        return render_json(report)
    document = document_for(report)
    renderers = {
        "table": render_text,
        "csv": render_csv,
        "xlsx": render_xlsx,
        "pdf": render_pdf,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}")
    return renderers[fmt](document)


def file_name(report, fmt: str) -> str:
    """`neraca-saldo-plobangan-2026-12-31.xlsx`"""
    document = document_for(report)
    slug = slugify(document.scope.enterprise.lower().replace("bumdes", "")) or "bumdes"
    return f"{document.name}-{slug}-{document.scope.period.end.isoformat()}.{fmt}"


__all__ = [
    "BINARY",
    "FORMATS",
    "Document",
    "document_for",
    "file_name",
    "render",
    "render_csv",
    "render_json",
    "render_pdf",
    "render_text",
    "render_xlsx",
    "report_data",
]
