"""The plain-text table printed by `manage.py bumdes_report --format table`."""

from bumdes.exports.document import Document, rupiah, signature_lines


def render_text(document: Document) -> str:
    out = [*document.header, ""]
    for table in document.tables:
        widths = [max(c.width, len(c.label)) if c.money else c.width for c in table.columns]
        if table.heading:
            out.append(table.heading)
        cells = [
            c.label.rjust(w) if c.money else c.label.ljust(w)
            for c, w in zip(table.columns, widths, strict=True)
        ]
        out.append("  ".join(cells).rstrip())
        out.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        for row in table.rows:
            parts = []
            for column, width, value in zip(table.columns, widths, row.cells, strict=True):
                if column.money:
                    parts.append(rupiah(value).rjust(width))
                else:
                    parts.append(str(value)[:width].ljust(width))
            out.append("  ".join(parts).rstrip())
        out.append("")
    for left, right in signature_lines(document):
        out.append(f"{left:<44}{right}".rstrip())
    return "\n".join(out) + "\n"
