"""XLSX (openpyxl): one sheet with the header (BUMDes, report, unit, period), the tables with the
prior period's column, rupiah formatted `#,##0`, and the signature block; set to print on A4."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from bumdes.exports.document import Document, signature_lines

RUPIAH = "#,##0"
BOLD = Font(bold=True)
RULE = Border(bottom=Side(style="thin"))
TOP_RULE = Border(top=Side(style="thin"))


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = document.title[:31]
    width = max(len(t.columns) for t in document.tables)
    row = 1
    for number, line in enumerate(document.header):
        cell = sheet.cell(row=row, column=1, value=line)
        cell.font = Font(bold=number < 2, size=13 if number < 2 else 11)
        cell.alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    widths = [0] * width
    for table in document.tables:
        row += 1
        if table.heading:
            sheet.cell(row=row, column=1, value=table.heading).font = BOLD
            row += 1
        for col, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=row, column=col, value=column.label)
            cell.font = BOLD
            cell.border = RULE
            cell.alignment = Alignment(
                horizontal="right" if column.money else "left", wrap_text=True, vertical="top"
            )
            widths[col - 1] = max(widths[col - 1], column.width + 2)
        row += 1
        for table_row in table.rows:
            for col, (column, value) in enumerate(
                zip(table.columns, table_row.cells, strict=True), start=1
            ):
                cell = sheet.cell(row=row, column=col, value=value)
                if column.money:
                    cell.number_format = RUPIAH
                if table_row.style:
                    cell.font = BOLD
                if table_row.style == "total":
                    cell.border = TOP_RULE
            row += 1
    row += 1
    right = width
    for left_text, right_text in signature_lines(document):
        if left_text:
            sheet.cell(row=row, column=1, value=left_text)
        if right_text:
            cell = sheet.cell(row=row, column=right, value=right_text)
            cell.alignment = Alignment(horizontal="center")
        row += 1
    for col, value in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = value
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{len(document.header)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
