"""A small bar chart drawn on the server as inline SVG (no JavaScript library): each month's
figure beside the same month a year earlier, above the long tables of a report."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.formats import rupiah

WIDTH = 760
HEIGHT = 240
LEFT = 70  # room for the axis labels
BOTTOM = 36
TOP = 12
CURRENT = "#2f5d3a"  # the deep green of the hills
PRIOR = "#c8b08a"  # batik sogan, lightened


def short_amount(value: int) -> str:
    """1.250.000 → '1,3 jt'; 950.000 → '950 rb' (Indonesian abbreviations, as on charts)."""
    if abs(value) >= 1_000_000_000:
        return f"{value / 1_000_000_000:.1f} M".replace(".", ",")
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f} jt".replace(".", ",").replace(",0 ", " ")
    if abs(value) >= 1_000:
        return f"{round(value / 1_000)} rb"
    return str(value)


def _nice_max(value: int) -> int:
    if value <= 0:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return int(factor * step)
    return int(10 * step)


@dataclass(frozen=True)
class _Plot:
    """The drawing area: each figure's height is measured against the figure at its top."""

    top: int
    height: int = HEIGHT - TOP - BOTTOM

    def y(self, value: int) -> float:
        return TOP + self.height - self.height * max(value, 0) / self.top


def _grid(plot: _Plot) -> list[str]:
    """Five horizontal lines from zero to the top figure, each with its short amount."""
    lines = []
    for tick in range(5):
        value = plot.top * tick // 4
        ty = plot.y(value)
        lines.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" class="desa-chart__grid"/>'
                '<text x="{}" y="{}" class="desa-chart__axis" text-anchor="end">{}</text>',
                LEFT,
                WIDTH - 10,
                f"{ty:.1f}",
                f"{ty:.1f}",
                LEFT - 6,
                f"{ty + 4:.1f}",
                short_amount(value),
            )
        )
    return lines


def _bars(
    rows: list[tuple[str, int, int]], plot: _Plot, *, current_label: str, prior_label: str
) -> list[str]:
    """Per row, the prior bar left of the current one (each titled with its exact rupiah
    figure) and the row's label below them."""
    group = (WIDTH - LEFT - 10) / len(rows)
    bar = min(group * 0.36, 28)
    parts = []
    for index, (label, current, prior) in enumerate(rows):
        x = LEFT + group * index + group / 2
        for offset, value, colour, which in (
            (-bar, prior, PRIOR, prior_label),
            (0, current, CURRENT, current_label),
        ):
            top_y = plot.y(value)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" rx="2">'
                    "<title>{}: {} ({})</title></rect>",
                    f"{x + offset:.1f}",
                    f"{top_y:.1f}",
                    f"{bar:.1f}",
                    f"{TOP + plot.height - top_y:.1f}",
                    colour,
                    label,
                    rupiah(value),
                    which,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="desa-chart__label" text-anchor="middle">{}</text>',
                f"{x:.1f}",
                HEIGHT - BOTTOM + 16,
                label[:3] if len(rows) > 6 else label,
            )
        )
    return parts


def bar_chart(
    rows: list[tuple[str, int, int]], *, title: str, current_label: str, prior_label: str
) -> SafeString:
    """`rows`: (label, current, prior). Returns an accessible SVG (role img, a title, and a
    <title> per bar for the exact rupiah figure)."""
    if not rows or not any(current or prior for _label, current, prior in rows):
        return mark_safe("")
    plot = _Plot(top=_nice_max(max(max(current, prior) for _label, current, prior in rows)))
    parts = _grid(plot) + _bars(rows, plot, current_label=current_label, prior_label=prior_label)
    legend = format_html_join(
        "",
        '<span class="desa-chart__key"><span style="background:{}"></span>{}</span>',
        [(CURRENT, current_label), (PRIOR, prior_label)],
    )
    return format_html(
        '<figure class="desa-chart"><svg viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'preserveAspectRatio="xMidYMid meet">{}</svg>'
        '<figcaption class="desa-chart__legend">{}</figcaption></figure>',
        WIDTH,
        HEIGHT,
        title,
        mark_safe("".join(parts)),
        legend,
    )
