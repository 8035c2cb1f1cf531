"""Horizontal stacked bar charts as inline SVG: no network, no script, prints as vectors.

Ours rather than a charting library's: one chart shape (a bar per measure, a segment per kind of
money) in some sixty lines, exact labels we format ourselves (46.00万), and every text escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

# One colour per kind of money, readable in greyscale print too (light to dark).
COLOURS = {
    "cash": "#1f5fa8",
    "tax_relief": "#5b9bd5",
    "fee_savings": "#a9c8ec",
    "up_to": "#d9d9d9",
    "certain": "#1f5fa8",  # a district's certain cost
    "count": "#5b9bd5",  # companies
}
ROW, GAP, LABEL_W, VALUE_W, WIDTH = 22, 6, 230, 90, 720


def wide_len(text: str) -> int:
    """Display width: East-Asian wide characters count 2 (chart labels, the workbook's columns)."""
    if text.isascii():  # most cells of a workbook: no character to look up
        return len(text)
    from unicodedata import east_asian_width

    return len(text) + sum(1 for ch in text if ch >= "\u1100" and east_asian_width(ch) in "WF")


def _clip(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = wide_len(ch)
        if used + w > width - 1:
            return out + "…"
        out, used = out + ch, used + w
    return out


def bar_chart(
    rows: Sequence[tuple[str, dict[str, Decimal]]],
    legend: dict[str, str],
    fmt: Callable[[Decimal], str],
    title: str = "",
) -> str:
    """An SVG with a bar per row: its segments in the order of `legend` (kind -> words), the
    row's total written after the bar by `fmt`. Empty rows get no bar; no rows, no chart."""
    if not rows:
        return ""
    top = max((sum(v.values(), Decimal(0)) for _, v in rows), default=Decimal(0)) or Decimal(1)
    # Room after the longest bar for the widest total (about 6.5 units a character at 11px).
    value_w = max(VALUE_W, 12 + max(wide_len(fmt(sum(v.values(), Decimal(0)))) for _, v in rows) * 13 // 2)
    span = WIDTH - LABEL_W - value_w
    height = 28 + len(rows) * (ROW + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}">'
    ]
    x = LABEL_W
    for kind, words in legend.items():  # the legend, on top
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS.get(kind, "#888")}"/>')
        parts.append(f'<text x="{x + 16}" y="14" class="legend">{escape(words)}</text>')
        x += 24 + wide_len(words) * 7
    for i, (label, values) in enumerate(rows):
        y = 28 + i * (ROW + GAP)
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{escape(_clip(label, 34))}</text>')
        x0 = Decimal(LABEL_W)
        for kind in legend:
            value = values.get(kind, Decimal(0))
            if value <= 0:
                continue
            w = (value / top * span).quantize(Decimal("0.1"))
            parts.append(
                f'<rect x="{x0}" y="{y}" width="{max(w, Decimal("0.5"))}" height="{ROW}" '
                f'fill="{COLOURS.get(kind, "#888")}"><title>{escape(legend[kind])}: {escape(fmt(value))}</title></rect>'
            )
            x0 += w
        total = sum(values.values(), Decimal(0))
        parts.append(f'<text x="{x0 + 6}" y="{y + 15}" class="value">{escape(fmt(total))}</text>')
    parts.append("</svg>")
    return "".join(parts)
