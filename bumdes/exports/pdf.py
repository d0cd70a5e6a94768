"""PDF (ReportLab), A4: the same header, tables with the prior period's column, and the signature
block kept together at the end. Wide tables (six or more columns) print in landscape."""

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bumdes.exports.document import Document, rupiah, signature_lines

STYLES = getSampleStyleSheet()
TITLE = ParagraphStyle("title", parent=STYLES["Title"], fontSize=13, leading=16, spaceAfter=0)
CENTER = ParagraphStyle("center", parent=STYLES["Normal"], alignment=1, fontSize=10)
HEADING = ParagraphStyle("heading", parent=STYLES["Heading4"], spaceBefore=6, spaceAfter=3)
CELL = ParagraphStyle("cell", parent=STYLES["Normal"], fontSize=8, leading=10)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=2)


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_pdf(document: Document) -> bytes:
    wide = max(len(t.columns) for t in document.tables) >= 6
    pagesize = landscape(A4) if wide else A4
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{document.title} — {document.scope.enterprise}",
        author=document.scope.enterprise,
    )
    usable = pagesize[0] - 30 * mm
    story = [Paragraph(_escape(line), TITLE) for line in document.header[:2]]
    story += [Paragraph(_escape(line), CENTER) for line in document.header[2:]]
    story.append(Spacer(1, 6 * mm))
    for table in document.tables:
        if table.heading:
            story.append(Paragraph(_escape(table.heading), HEADING))
        total_width = sum(c.width for c in table.columns)
        widths = [usable * c.width / total_width for c in table.columns]
        data = [
            [
                Paragraph(f"<b>{_escape(c.label)}</b>", CELL_RIGHT if c.money else CELL)
                for c in table.columns
            ]
        ]
        style = [
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        for number, row in enumerate(table.rows, start=1):
            cells = []
            for column, value in zip(table.columns, row.cells, strict=True):
                text = rupiah(value) if column.money else _escape(value)
                if row.style:
                    text = f"<b>{text}</b>"
                cells.append(Paragraph(text, CELL_RIGHT if column.money else CELL))
            data.append(cells)
            if row.style == "total":
                style.append(("LINEABOVE", (0, number), (-1, number), 0.4, colors.black))
        grid = Table(data, colWidths=widths, repeatRows=1)
        grid.setStyle(TableStyle(style))
        story += [grid, Spacer(1, 4 * mm)]
    signature = Table(
        [[_escape(left), _escape(right)] for left, right in signature_lines(document)],
        colWidths=[usable / 2, usable / 2],
    )
    signature.setStyle(
        TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 9)])
    )
    story += [Spacer(1, 8 * mm), KeepTogether(signature)]
    pdf.build(story)
    return buffer.getvalue()
