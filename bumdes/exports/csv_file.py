"""CSV: the header lines, each table with its column labels, whole-rupiah integers (no
thousands separators, so a spreadsheet reads them as numbers), and the signature block."""

import csv
import io

from bumdes.exports.document import Document, signature_lines


def render_csv(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in document.header:
        writer.writerow([line])
    for table in document.tables:
        writer.writerow([])
        if table.heading:
            writer.writerow([table.heading])
        writer.writerow([c.label for c in table.columns])
        for row in table.rows:
            writer.writerow(["" if value is None else value for value in row.cells])
    writer.writerow([])
    for left, right in signature_lines(document):
        writer.writerow([left, right])
    return buffer.getvalue()
