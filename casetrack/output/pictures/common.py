"""Helpers shared by the SVG and HTML renderers, so both describe a milestone the same way."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence

from casetrack.dates import DateValue, display_date, display_text
from casetrack.models import DEFAULT_KINDS, Milestone, in_timeline_order

# Okabe and Ito's colours, told apart by most colour-blind readers (their yellow aside, too
# faint on white), then Paul Tol's muted ones: 14 colours, the first 14 built-in kinds in
# circles, the next 14 in squares, so no two built-in kinds share both; neighbours in the
# kind order differ in colour. Further shapes are for kinds of one's own.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
    "#882255", "#999933", "#332288", "#DDCC77", "#117733", "#AA4499", "#44AA99",
)  # fmt: skip
SHAPES = ("circle", "square", "triangle", "diamond", "down")

# Characters XML 1.0 forbids even when escaped; user text may carry them from pasted sources.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Advance widths in em of DejaVu Sans (the usual `sans-serif`), rounded up, so label boxes
# computed here are never narrower than the drawn text.
_WIDTH_GROUPS = {
    0.28: "ijl'", 0.3: "IJ", 0.32: " .,·", 0.34: "/:;|\\", 0.36: "-f", 0.4: "()[]t!",
    0.42: "r", 0.46: '"', 0.5: "*_`\u2013", 0.53: "sz?", 0.56: "cL", 0.58: "F", 0.61: "kvxyP",
    0.62: "aeoTY", 0.64: "0123456789bdghnpquES${}", 0.66: "K", 0.7: "ABCRVXZ", 0.74: "U",
    0.76: "HN", 0.78: "DG&", 0.79: "OQ", 0.82: "w", 0.84: "#+<=>^~", 0.87: "M", 0.95: "%",
    0.98: "m", 1.0: "@…—W",
}  # fmt: skip
_WIDTHS = {char: width for width, chars in _WIDTH_GROUPS.items() for char in chars}
_BOLD_FACTOR = 1.13


def clean(text: str) -> str:
    """User text without characters that would make the XML invalid."""
    return _XML_INVALID.sub("", text)


def esc(text: str) -> str:
    """Escape user text for XML/HTML element content and quoted attribute values."""
    return html.escape(clean(text), quote=True)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated rendered width in px, erring wide, so laid-out labels never collide."""
    total = 0.0
    for char in text:
        if char in _WIDTHS:
            total += _WIDTHS[char]
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            total += 1.0
        else:
            total += 0.8
    return total * size * (_BOLD_FACTOR if bold else 1.0)


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """Shorten text with an ellipsis so it fits max_width; the full text goes in a tooltip."""
    text = " ".join(clean(text).split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    while text and text_width(text + "…", size, bold=bold) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def kind_keys(kinds: Iterable[str]) -> dict[str, tuple[str, str]]:
    """A (colour, shape) per kind present, in the built-in kind order, so the legend reads
    naturally. A built-in kind always gets the same pair, in every picture; neighbours in
    that order differ in colour. Kinds of one's own take the pairs after, by name."""
    order = {kind: i for i, kind in enumerate(DEFAULT_KINDS)}
    present = sorted(set(kinds), key=lambda kind: (order.get(kind, len(order)), kind))
    keys: dict[str, tuple[str, str]] = {}
    own = len(order)
    for kind in present:
        if kind in order:
            i = order[kind]
        else:
            i, own = own, own + 1
        i %= len(PALETTE) * len(SHAPES)
        keys[kind] = (PALETTE[i % len(PALETTE)], SHAPES[i // len(PALETTE)])
    return keys


def glyph(shape: str, x: float, y: float, size: float, colour: str) -> str:
    """A kind's key: a filled shape `size` px across, centred on (x, y)."""
    r = size / 2
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'
    if shape == "square":
        side = r * 1.7
        return (
            f'<rect x="{x - side / 2:.1f}" y="{y - side / 2:.1f}" width="{side:.1f}" '
            f'height="{side:.1f}" fill="{colour}"/>'
        )
    corners = {
        "triangle": ((0, -1.1), (1.05, 0.8), (-1.05, 0.8)),
        "down": ((0, 1.1), (1.05, -0.8), (-1.05, -0.8)),
        "diamond": ((0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)),
    }[shape]
    points = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in corners)
    return f'<polygon points="{points}" fill="{colour}"/>'


def is_unknown(value: DateValue) -> bool:
    """True when a date cannot be placed on a time axis at all."""
    return value.precision == "unknown" or (value.start is None and value.end is None)


def describe_date(value: DateValue) -> str:
    """The full date for tooltips and tables: the date as every listing says it, then the
    days a coarse date may fall on (Summer 2003: between 1 Jun 2003 and 31 Aug 2003) in the
    same words, and its qualifiers. A span (from A to B) is all of its days, never "between"."""
    if is_unknown(value):
        return "date unknown"
    shown = display_date(value)
    bounds = ""
    if value.start and value.end and value.precision not in ("day", "month", "year"):
        start, end = value.start.isoformat(), value.end.isoformat()
        spelled = f"{start}/{end}" if value.precision == "interval" else f"[{start}..{end}]"
        bounds = display_text(spelled) if start != end else ""
    flags = [
        name
        for name, on in (("approximate", value.approximate), ("uncertain", value.uncertain))
        if on
    ]
    details = ", ".join([bounds, *flags] if bounds and bounds != shown else flags)
    return f"{shown} ({details})" if details else shown


def by_case(milestones: Sequence[Milestone]) -> dict[str, list[Milestone]]:
    """Milestones grouped per case, cases in order of first appearance, each sorted by date."""
    groups: dict[str, list[Milestone]] = {}
    for milestone in milestones:
        groups.setdefault(milestone.case, []).append(milestone)
    for slug, group in groups.items():
        groups[slug] = in_timeline_order(group)
    return groups
