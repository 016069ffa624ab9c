"""Draw case milestones as a standalone SVG timeline on a true time scale.

Pure function of the milestones: no database, no network, no scripts, so the file can be
opened anywhere, embedded in the HTML report, or attached to a filing as-is.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Literal, Protocol, Required, TextIO, TypedDict, Unpack

from casetrack.dates import MONTHS, ONE_DAY_IN_A_SPAN, DateValue, display_date, display_text
from casetrack.models import Milestone
from casetrack.output.pictures.common import (
    by_case,
    describe_date,
    esc,
    glyph,
    is_unknown,
    kind_keys,
    text_width,
    truncate,
)
from casetrack.text import plural

Layout = Literal["auto", "horizontal", "vertical"]

WIDTH = 1200  # picture width; a vertical timeline with many cases grows wider
MIN_COLUMN = 280  # narrowest column a case gets in the vertical layout
MARGIN = 24
VERTICAL_AXIS_X = MARGIN + 76  # room for year labels left of a vertical timeline
VERTICAL_ABOVE = 40  # "auto" turns the timeline vertical above this many milestones
GAP_DAYS = 3 * 365 + 1  # empty stretches longer than about three years are squeezed
BREAK_PX = 46  # drawn width of a squeezed stretch
ARROW_PX = 36  # length of the arrow drawn for an open-ended date
LABEL_SIZE = 12
ROW_H = 18  # distance between stacked label rows
TRACK_PX = 16  # distance between side-by-side marker tracks
MAX_TRACKS = 4  # beyond this, markers share tracks rather than pushing labels away
LABEL_GAP = 10  # minimum free space between two labels in a row
DOT_PX = 9  # from a label's colour dot to its text
TICK_MIN_PX = 64  # closest two axis ticks may come
INK = "#222"
MUTED = "#666"
GRID = "#e4e4e4"
UNKNOWN_COLOUR = "#888"


@dataclass(frozen=True)
class Box:
    """Axis-aligned rectangle occupied by a piece of text, in SVG user units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """Whether two labels would print over each other."""
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )


def text_box(
    x: float, y: float, text: str, *, size: float, anchor: str = "start", bold: bool = False
) -> Box:
    """The box a <text> element at baseline (x, y) covers; tests use it to check overlaps."""
    width = text_width(text, size, bold=bold)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - size * 0.93, left + width, y + size * 0.24)


class _Style(TypedDict, total=False):
    """How a text is drawn (see _text)."""

    cls: Required[str]
    size: float
    bold: bool
    fill: str
    tooltip: str | None
    anchor: str


@dataclass
class _Drawing:
    """The picture's own parts in paint order: grid lines and keys, then the texts that are
    not a milestone's label (title, legend, lane names, axis), with the boxes they cover.
    The milestones' leaders, markers and labels are drawn as the milestones are read."""

    width: float = WIDTH
    grid: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    # Where the milestones' labels go among the texts: after the lane names, before the axis.
    labels_at: int = 0

    def text(
        self, x: float, y: float, text: str, *, kept: bool = True, **style: Unpack[_Style]
    ) -> str:
        """Add a text whose box axis ticks must keep clear of (unless not `kept`, which the
        caller draws itself). Labels are left out: they lie above a horizontal axis and right
        of a vertical one, never where a tick goes."""
        size, anchor = style.get("size", LABEL_SIZE), style.get("anchor", "start")
        self.boxes.append(
            text_box(x, y, text, size=size, anchor=anchor, bold=style.get("bold", False))
        )
        element = _text(x, y, text, **style)
        if kept:
            self.texts.append(element)
        return element

    def fits(self, box: Box) -> bool:
        return not any(box.overlaps(other) for other in self.boxes)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    cls: str,
    size: float = LABEL_SIZE,
    bold: bool = False,
    fill: str = INK,
    tooltip: str | None = None,
    anchor: str = "start",
) -> str:
    """A text element, with a white halo so lines passing behind never hide it."""
    weight = ' font-weight="bold"' if bold else ""
    tip = f"<title>{esc(tooltip)}</title>" if tooltip and tooltip != text else ""
    return (
        f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" font-size="{size}"{weight} '
        f'text-anchor="{anchor}" fill="{fill}" stroke="#fff" stroke-width="3" '
        f'stroke-linejoin="round" paint-order="stroke">{esc(text)}{tip}</text>'
    )


class Marks(Protocol):
    """The milestones of a picture, read twice: once to lay it out, once to draw it, so
    that neither pass holds them all."""

    def count(self) -> int:
        """How many there are, before they are read."""
        ...

    def __iter__(self) -> Iterator[tuple[int, Milestone]]:
        """(a reference, the milestone): each case's in timeline order."""
        ...

    def fetch(self, refs: Sequence[int]) -> Iterator[Milestone]:
        """The milestones of these references, in the order given."""
        ...


class Listed:
    """Marks of milestones held in memory, referred to by position."""

    def __init__(self, milestones: Sequence[Milestone]) -> None:
        self.groups = by_case(milestones)
        self.items = [m for group in self.groups.values() for m in group]

    def count(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[tuple[int, Milestone]]:
        return iter(enumerate(self.items))

    def fetch(self, refs: Sequence[int]) -> Iterator[Milestone]:
        return (self.items[ref] for ref in refs)


_OPEN = 0  # an open bound among a lane's days (day ordinals start at 1)


@dataclass
class _Lane:
    """One case's milestones as the layout needs them, in timeline order: references and
    days of the dated ones (and the widths of their labels when laid out across), the
    references of the undated ones and the widths of their labels with and without the case."""

    refs: array[int] = field(default_factory=lambda: array("q"))
    firsts: array[int] = field(default_factory=lambda: array("q"))
    lasts: array[int] = field(default_factory=lambda: array("q"))
    widths: array[float] = field(default_factory=lambda: array("d"))
    undated: array[int] = field(default_factory=lambda: array("q"))
    plain: array[float] = field(default_factory=lambda: array("d"))
    named: array[float] = field(default_factory=lambda: array("d"))

    def days(self, index: int) -> tuple[int | None, int | None]:
        return (self.firsts[index] or None, self.lasts[index] or None)


_SAMPLES = {
    "exact day": '<circle cx="9" cy="0" r="5" fill="#555"/>',
    "date range": '<rect x="0" y="-4" width="18" height="8" fill="#555" fill-opacity="0.3" '
    'stroke="#555"/>',
    "approximate / uncertain": '<rect x="0" y="-4" width="18" height="8" fill="#fff" '
    'stroke="#555" stroke-dasharray="4 3"/>',
    "open-ended": '<line x1="0" y1="0" x2="13" y2="0" stroke="#555" stroke-width="3"/>'
    '<polygon points="19,0 12,-5 12,5" fill="#555"/>',
    "one day, somewhere in a range": '<line x1="4" y1="0" x2="18" y2="0" stroke="#555" '
    'stroke-width="2" stroke-dasharray="2 4" stroke-linecap="round"/><line x1="18" y1="-5" '
    'x2="18" y2="5" stroke="#555"/><circle cx="4" cy="0" r="4" fill="#fff" stroke="#555" '
    'stroke-width="2"/>',
}


def _encodings(d: DateValue) -> Iterator[str]:
    """The legend's date encodings a date is drawn with."""
    if d.precision in ONE_DAY_IN_A_SPAN:
        yield "one day, somewhere in a range"
        return
    if not is_unknown(d) and d.start == d.end:
        yield "exact day"
    if d.start and d.end and d.start != d.end:
        yield "date range"
    if d.approximate or d.uncertain:
        yield "approximate / uncertain"
    if not is_unknown(d) and (d.start is None or d.end is None):
        yield "open-ended"


@dataclass
class Survey:
    """What laying a picture out needs, found in one pass over its milestones: numbers per
    milestone, and the cases (lanes, in order of first appearance), kinds, years and date
    encodings of them all."""

    vertical: bool
    count: int = 0
    lanes: dict[str, _Lane] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)
    years: tuple[int, int] | None = None
    encodings: set[str] = field(default_factory=set)


def survey(marks: Marks, names: Mapping[str, str], layout: Layout = "auto") -> Survey:
    """One pass over the milestones, keeping numbers; `names` as render_svg's case_titles."""
    vertical = layout == "vertical" or (layout == "auto" and marks.count() > VERTICAL_ABOVE)
    found = Survey(vertical)
    low, high = None, None
    for ref, m in marks:
        found.count += 1
        found.kinds.add(m.kind)
        found.encodings.update(_encodings(m.date))
        for day in (m.date.start, m.date.end):
            if day:
                low = day.year if low is None else min(low, day.year)
                high = day.year if high is None else max(high, day.year)
        lane = found.lanes.setdefault(m.case, _Lane())
        if is_unknown(m.date):
            lane.undated.append(ref)
            named = f"{names.get(m.case, m.case)}: {m.title}"
            for widths, text in ((lane.plain, m.title), (lane.named, named)):
                widths.append(text_width(truncate(text, LABEL_SIZE, 560), LABEL_SIZE))
            continue
        first, last = _days(m.date)
        lane.refs.append(ref)
        lane.firsts.append(_OPEN if first is None else first)
        lane.lasts.append(_OPEN if last is None else last)
        if not vertical:
            lane.widths.append(text_width(truncate(_label(m), LABEL_SIZE, 300), LABEL_SIZE))
    if low is not None and high is not None:
        found.years = (low, high)
    return found


class TimeScale:
    """Maps days to positions along the axis, squeezing long empty stretches into breaks."""

    def __init__(self, spans: Sequence[tuple[int, int]], begin: float, end: float) -> None:
        clusters: list[list[int]] = []
        for first, last in sorted(spans):
            if clusters and first - clusters[-1][1] <= GAP_DAYS:
                clusters[-1][1] = max(clusters[-1][1], last)
            else:
                clusters.append([first, last])
        pad = max(20, sum(last - first for first, last in clusters) // 30)
        days = sum(last - first + 2 * pad for first, last in clusters)
        self.per_day = (end - begin - BREAK_PX * (len(clusters) - 1)) / days
        self.segments: list[tuple[int, int, float]] = []  # first day, last day, position
        position = begin
        for first, last in clusters:
            self.segments.append((first - pad, last + pad, position))
            position += (last - first + 2 * pad) * self.per_day + BREAK_PX

    def __call__(self, day: int) -> float:
        for first, last, position in self.segments:
            if day <= last:
                return position + (max(day, first) - first) * self.per_day
        first, _, position = self.segments[-1]
        return position + (day - first) * self.per_day

    def extent(self, segment: tuple[int, int, float]) -> tuple[float, float]:
        """Where a segment of the axis begins and ends, in pixels."""
        first, last, position = segment
        return position, position + (last - first) * self.per_day

    def breaks(self) -> list[tuple[float, int]]:
        """Centre position and number of hidden days of each squeezed stretch."""
        return [((self.extent(a)[1] + b[2]) / 2, b[0] - a[1]) for a, b in pairwise(self.segments)]

    def ticks(self) -> list[tuple[float, str]]:
        """Candidate axis ticks: years (or months when zoomed in), at least one per segment."""
        per_month = self.per_day * 30.44
        years = next(
            (s for s in (1, 2, 5, 10, 25, 50, 100) if s * 12 * per_month >= TICK_MIN_PX), 250
        )
        months = next((s for s in (1, 2, 3, 6) if s * per_month >= TICK_MIN_PX), 0)
        ticks: list[tuple[float, str]] = []
        for first, last, _ in self.segments:
            start, stop = date.fromordinal(first), date.fromordinal(last)
            found = []
            for index in range(start.year * 12 + start.month, stop.year * 12 + stop.month):
                year, month = divmod(index, 12)
                day = date(year, month + 1, 1)
                if month == 0 and year % years == 0 and not months:
                    found.append((self(day.toordinal()), str(year)))
                elif months and month % months == 0:
                    found.append((self(day.toordinal()), _month_label(day, not found)))
            if not found:  # a short stretch inside one year: name its first month
                day = date(start.year + start.month // 12, start.month % 12 + 1, 1)
                found.append((self(day.toordinal()), _month_label(day, True)))
            ticks.extend(found)
        return ticks


def _month_label(day: date, with_year: bool) -> str:
    """An axis tick: the month with its year as every listing says it (Jun 2003), where the
    year must be read; else January as its year, another month by its name alone (Jun)."""
    if with_year:
        return display_text(day.isoformat()[:7])
    return str(day.year) if day.month == 1 else MONTHS[day.month - 1]


def _days(value: DateValue) -> tuple[int | None, int | None]:
    return (
        value.start.toordinal() if value.start else None,
        value.end.toordinal() if value.end else None,
    )


def _span(days: tuple[int | None, int | None]) -> tuple[int, int]:
    """The days a date covers on the axis; an open bound contributes only its known side."""
    first, last = days
    known = first if first is not None else last
    assert known is not None
    return (first if first is not None else known, last if last is not None else known)


def _anchor(days: tuple[int | None, int | None], scale: TimeScale) -> float:
    """Where a milestone's label attaches: its earliest known day."""
    return scale(_span(days)[0])


def _extent(days: tuple[int | None, int | None], scale: TimeScale) -> tuple[float, float]:
    """The stretch of axis a milestone's marker covers, arrows included."""
    low, high = _span(days)
    t0, t1 = scale(low), scale(high + 1 if high > low else high)
    middle = (t0 + t1) / 2
    t0, t1 = min(t0, middle - 7), max(t1, middle + 7)
    first, last = days
    return (t0 - ARROW_PX if first is None else t0, t1 + ARROW_PX if last is None else t1)


def _tracks(extents: Sequence[tuple[float, float]]) -> list[int]:
    """Side-by-side tracks so markers on the same or overlapping dates do not hide each other."""
    ends: list[float] = []
    tracks = [0] * len(extents)
    for i in sorted(range(len(extents)), key=lambda i: extents[i]):
        start, end = extents[i]
        track = next((k for k, last in enumerate(ends) if last + 3 < start), len(ends))
        if track == MAX_TRACKS:  # crowded: share the track that frees up first
            track = min(range(MAX_TRACKS), key=ends.__getitem__)
        elif track == len(ends):
            ends.append(end)
        ends[track] = max(ends[track], end)
        tracks[i] = track
    return tracks


def _point(t: float, across: float, horizontal: bool) -> tuple[float, float]:
    return (t, across) if horizontal else (across, t)


def _shape(value: DateValue, scale: TimeScale, across: float, horizontal: bool, colour: str) -> str:
    """A dot for a known day, a whiskered bar for a span, an arrow for an open end; one day
    somewhere in a span (between, before, after) is drawn as that uncertainty instead."""
    first, last = _days(value)
    if value.precision in ONE_DAY_IN_A_SPAN:
        return _one_day_in(first, last, scale, across, horizontal, colour)
    dashed = ' stroke-dasharray="4 3"' if value.approximate or value.uncertain else ""
    if first is not None and last is not None and first == last:
        x, y = _point(scale(first), across, horizontal)
        fill = "#fff" if dashed else colour
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{colour}" '
            f'stroke-width="2"{dashed}/>'
        )
    if first is not None and last is not None:
        t0, t1 = scale(first), scale(last + 1)
        if t1 - t0 < 8:
            t0, t1 = (t0 + t1) / 2 - 4, (t0 + t1) / 2 + 4
        x0, y0 = _point(t0, across - 5, horizontal)
        x1, y1 = _point(t1, across + 5, horizontal)
        whiskers = "".join(
            _line(*_point(t, across - 8, horizontal), *_point(t, across + 8, horizontal), colour)
            for t in (t0, t1)
        )
        return (
            f'<rect x="{min(x0, x1):.1f}" y="{min(y0, y1):.1f}" width="{abs(x1 - x0):.1f}" '
            f'height="{abs(y1 - y0):.1f}" fill="{colour}" fill-opacity="0.3" '
            f'stroke="{colour}" stroke-width="1.5"{dashed}/>{whiskers}'
        )
    known, direction = (first, 1) if first is not None else (last, -1)
    assert known is not None
    t0 = scale(known)
    tip = t0 + direction * ARROW_PX
    x0, y0 = _point(t0, across, horizontal)
    x1, y1 = _point(tip, across, horizontal)
    head = [
        _point(tip + direction * 4, across, horizontal),
        _point(tip - direction * 6, across - 6, horizontal),
        _point(tip - direction * 6, across + 6, horizontal),
    ]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in head)
    return (
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="{colour}" '
        f'stroke-width="3"{dashed}/><polygon points="{points}" fill="{colour}"/>'
        f'<circle cx="{x0:.1f}" cy="{y0:.1f}" r="4" fill="{colour}"/>'
    )


def _one_day_in(
    first: int | None,
    last: int | None,
    scale: TimeScale,
    across: float,
    horizontal: bool,
    colour: str,
) -> str:
    """One day, not known which, in a span: a hollow dot on the side it is known from and a
    dotted line with end ticks over the days it may be, or a hollow arrowhead where the span
    is open; no filled bar, which would read as something that lasted."""
    known = first if first is not None else last
    assert known is not None
    t0 = scale(known)
    if first is not None and last is not None:
        t1 = scale(last + 1)
    else:
        t1 = t0 + (ARROW_PX if last is None else -ARROW_PX)
    ticks = [t for t, day in ((t0, first), (t1, last)) if day is not None]
    body = _line(*_point(t0, across, horizontal), *_point(t1, across, horizontal), colour, 2)
    body = body.replace("/>", ' stroke-dasharray="2 4" stroke-linecap="round"/>')
    body += "".join(
        _line(*_point(t, across - 6, horizontal), *_point(t, across + 6, horizontal), colour)
        for t in ticks
    )
    if first is None or last is None:
        direction = 1 if t1 > t0 else -1
        head = [
            _point(t1 + direction * 4, across, horizontal),
            _point(t1 - direction * 6, across - 6, horizontal),
            _point(t1 - direction * 6, across + 6, horizontal),
        ]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in head)
        body += f'<polygon points="{points}" fill="#fff" stroke="{colour}" stroke-width="1.5"/>'
    x, y = _point(t0, across, horizontal)
    return (
        f'<g class="one-day-in">{body}<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#fff" '
        f'stroke="{colour}" stroke-width="2"/></g>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1.5) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{colour}" stroke-width="{width}"/>'
    )


def _dot(x: float, y: float, key: tuple[str, str]) -> str:
    """The kind's key (colour and shape) where a leader meets its label, to pair them at a
    glance."""
    colour, shape = key
    return f'<g class="kind-key">{glyph(shape, x, y, 8, colour)}</g>'


def _marker(milestone: Milestone, body: str, names: Mapping[str, str]) -> str:
    """The one element per milestone (class "milestone"), with its full date as tooltip."""
    case = names.get(milestone.case, milestone.case)
    kind = milestone.kind if milestone.met is None else f"{milestone.kind}, {milestone.met}"
    tooltip = f"{describe_date(milestone.date)}: {milestone.title} [{kind}; {case}]"
    return (
        f'<g class="milestone" data-id="{esc(str(milestone.id))}" '
        f'data-kind="{esc(milestone.kind)}"><title>{esc(tooltip)}</title>{body}</g>'
    )


def _label(milestone: Milestone) -> str:
    when = display_date(milestone.date) or describe_date(milestone.date)
    return f"{when} · {milestone.title}" + ("" if milestone.met is None else f" ({milestone.met})")


def _stack_rows(spans: Sequence[tuple[float, float, float]]) -> list[int]:
    """Give each label (leader x, left, right) a row so no two labels in a row touch.

    Placing right to left and lifting a label above any leader line it would cover yields a
    staircase in which leader lines run past, not through, the labels below them. Labels
    at one place are placed last first, so they read top down in the timeline's order.
    """
    rows = [0] * len(spans)
    placed: list[int] = []
    occupied: list[list[tuple[float, float]]] = []  # per row: (left, right) of its labels
    for i in sorted(range(len(spans)), key=lambda i: (-spans[i][0], -i)):
        _, left, right = spans[i]
        row = max(
            (rows[j] + 1 for j in placed if left - LABEL_GAP <= spans[j][0] <= right + LABEL_GAP),
            default=0,
        )
        while row < len(occupied) and any(
            a < right + LABEL_GAP and left < b + LABEL_GAP for a, b in occupied[row]
        ):
            row += 1
        occupied.extend([] for _ in range(row + 1 - len(occupied)))
        occupied[row].append((left, right))
        rows[i] = row
        placed.append(i)
    return rows


def _spread(wanted: Sequence[float], step: float, lowest: float) -> list[float]:
    """Positions as close as possible to the sorted wanted ones yet at least step apart.

    Least-squares placement under the ordering (pool-adjacent-violators), so a crowded
    cluster of labels centres on its markers instead of drifting away below them.
    """
    blocks: list[tuple[float, int]] = []  # (sum of wanted minus offset, count)
    for value in wanted:
        total, count = value, 1
        while blocks and blocks[-1][0] / blocks[-1][1] + blocks[-1][1] * step > total / count:
            prev_total, prev_count = blocks.pop()
            total = prev_total + total - count * prev_count * step
            count += prev_count
        blocks.append((total, count))
    placed: list[float] = []
    for total, count in blocks:
        placed.extend(total / count + k * step for k in range(count))
    for i, value in enumerate(placed):
        placed[i] = max(value, lowest if i == 0 else placed[i - 1] + step)
    return placed


def _flow(
    widths: Sequence[float], top: float, line: float, limit: float
) -> tuple[list[tuple[float, float]], float]:
    """Left-to-right positions wrapping before limit, and the y below the last line."""
    positions: list[tuple[float, float]] = []
    x, y = float(MARGIN), top
    for width in widths:
        if x > MARGIN and x + width > limit:
            x, y = float(MARGIN), y + line
        positions.append((x, y))
        x += width + 22
    return positions, y + line


def _axis(
    drawing: _Drawing,
    scale: TimeScale,
    fixed: float,
    horizontal: bool,
    across: Sequence[tuple[float, float]],
) -> None:
    """Axis line per segment with ticks, grid lines over the lanes and marks for breaks."""
    for segment in scale.segments:
        t0, t1 = scale.extent(segment)
        drawing.grid.append(
            _line(*_point(t0, fixed, horizontal), *_point(t1, fixed, horizontal), MUTED, 1.5)
        )
    for t, hidden in scale.breaks():
        years = round(hidden / 365.25)
        marks = "".join(
            _line(
                *_point(t + dt - 5, fixed + 8, horizontal),
                *_point(t + dt + 5, fixed - 8, horizontal),
                MUTED,
                2,
            )
            for dt in (-4, 4)
        )
        bands = "".join(
            f'<rect x="{min(x0, x1):.1f}" y="{min(y0, y1):.1f}" width="{abs(x1 - x0):.1f}" '
            f'height="{abs(y1 - y0):.1f}" fill="#f3f3f3"/>'
            for lo, hi in across
            for (x0, y0), (x1, y1) in [
                (_point(t - 12, lo, horizontal), _point(t + 12, hi, horizontal))
            ]
        )
        drawing.grid.append(f'<g class="axis-break">{bands}{marks}</g>')
        x, y = _point(t, fixed + 32, horizontal) if horizontal else (fixed - 10, t + 4)
        drawing.text(
            x,
            y,
            f"{years} yrs gap",
            cls="break",
            size=10,
            fill=MUTED,
            anchor="middle" if horizontal else "end",
        )
    for t, text in scale.ticks():
        x, y = _point(t, fixed + 17, horizontal) if horizontal else (fixed - 10, t + 4)
        anchor = "middle" if horizontal else "end"
        box = text_box(x, y, text, size=11, anchor=anchor)
        if not drawing.fits(Box(box.x0 - 6, box.y0, box.x1 + 6, box.y1)):
            continue
        drawing.text(x, y, text, cls="tick", size=11, anchor=anchor, fill=MUTED)
        drawing.grid.append(
            _line(*_point(t, fixed - 5, horizontal), *_point(t, fixed + 5, horizontal), MUTED, 1)
        )
        drawing.grid.extend(
            _line(*_point(t, lo, horizontal), *_point(t, hi, horizontal), GRID, 1)
            for lo, hi in across
        )


# How one milestone is drawn once laid out: its index in the lane's drawing order and the
# milestone give its leader (and key dot), its label and its marker.
Draw = Callable[[int, Milestone], tuple[str, str, str]]


@dataclass
class _Placed:
    """A lane laid out: its milestones' references in drawing order, how to draw each, and
    the lane's name when it is drawn among the labels (across)."""

    refs: array[int]
    draw: Draw
    name: str = ""
    undated: bool = False  # the row of milestones without a date, drawn after the axis


def _scale(lanes: Mapping[str, _Lane], begin: float, end: float) -> TimeScale:
    spans = [_span(lane.days(i)) for lane in lanes.values() for i in range(len(lane.refs))]
    return TimeScale(spans, begin, end)


def _horizontal(
    drawing: _Drawing,
    lanes: Mapping[str, _Lane],
    names: Mapping[str, str],
    keys: Mapping[str, tuple[str, str]],
    top: float,
) -> tuple[float, list[_Placed]]:
    """Time runs left to right; each case is a band of stacked labels over its markers."""
    scale = _scale(lanes, MARGIN + ARROW_PX + 12, drawing.width - MARGIN - ARROW_PX - 12)
    y = top
    bands: list[tuple[float, float]] = []
    placed = []
    for case, lane in lanes.items():
        name = ""
        if len(lanes) > 1:
            name = drawing.text(
                MARGIN,
                y + 15,
                truncate(names.get(case, case), 14, 900, bold=True),
                cls="lane",
                size=14,
                bold=True,
                kept=False,
            )
            y += 26
        count = len(lane.refs)
        leaders = array("d", (_anchor(lane.days(i), scale) for i in range(count)))
        # Text sits right of its leader (left of it near the right edge), after a colour dot.
        rightward = [
            lead + DOT_PX + width <= drawing.width - MARGIN
            for lead, width in zip(leaders, lane.widths, strict=True)
        ]
        reach = [
            (lead, lead - 5, lead + DOT_PX + width)
            if right
            else (lead, lead - DOT_PX - width, lead + 5)
            for lead, width, right in zip(leaders, lane.widths, rightward, strict=True)
        ]
        rows = array("q", _stack_rows(reach))
        tracks = array("q", _tracks([_extent(lane.days(i), scale) for i in range(count)]))
        baseline = y + (max(rows) + 1) * ROW_H + 24

        def draw(
            i: int,
            m: Milestone,
            lead: array[float] = leaders,
            right: list[bool] = rightward,
            row: array[int] = rows,
            track: array[int] = tracks,
            baseline: float = baseline,
        ) -> tuple[str, str, str]:
            text_y = baseline - 20 - row[i] * ROW_H
            across = baseline + track[i] * TRACK_PX
            leader = _line(lead[i], across - 7, lead[i], text_y - 4, "#aaa", 1)
            leader += _dot(lead[i], text_y - 4, keys[m.kind])
            label = _text(
                lead[i] + DOT_PX if right[i] else lead[i] - DOT_PX,
                text_y,
                truncate(_label(m), LABEL_SIZE, 300),
                cls="label",
                anchor="start" if right[i] else "end",
                tooltip=_label(m),
            )
            marker = _marker(m, _shape(m.date, scale, across, True, keys[m.kind][0]), names)
            return leader, label, marker

        placed.append(_Placed(lane.refs, draw, name))
        bottom = baseline + max(tracks) * TRACK_PX + 14
        bands.append((y, bottom))
        y = bottom + 10
    drawing.labels_at = len(drawing.texts)
    _axis(drawing, scale, y, True, bands)
    return y + 44, placed


def _vertical(
    drawing: _Drawing,
    lanes: Mapping[str, _Lane],
    names: Mapping[str, str],
    keys: Mapping[str, tuple[str, str]],
    top: float,
) -> tuple[float, list[_Placed]]:
    """Time runs downwards with one column per case, for timelines too dense to read across."""
    axis_x = VERTICAL_AXIS_X
    column = (drawing.width - MARGIN - axis_x) / len(lanes)
    if len(lanes) > 1:
        for i, case in enumerate(lanes):
            drawing.text(
                axis_x + i * column + 8,
                top + 15,
                truncate(names.get(case, case), 14, column - 16, bold=True),
                cls="lane",
                size=14,
                bold=True,
            )
        top += 28
    longest = max(len(lane.refs) for lane in lanes.values())
    scale = _scale(
        lanes, top + ARROW_PX + 12, top + ARROW_PX + 12 + max(640, longest * ROW_H * 1.3)
    )
    bottom = scale(scale.segments[-1][1]) + ARROW_PX + 12
    placed = []
    for i, lane in enumerate(lanes.values()):
        line_x = axis_x + i * column + 20
        ordered = sorted(range(len(lane.refs)), key=lambda k: _anchor(lane.days(k), scale))
        wanted = array("d", (_anchor(lane.days(k), scale) for k in ordered))
        tracks = array("q", _tracks([_extent(lane.days(k), scale) for k in ordered]))
        text_x = line_x + 40 + max(tracks) * TRACK_PX
        spread = array("d", _spread(wanted, ROW_H, top + 10))
        bottom = max(bottom, max(spread) + ROW_H)

        def draw(
            k: int,
            m: Milestone,
            want: array[float] = wanted,
            at: array[float] = spread,
            track: array[int] = tracks,
            line_x: float = line_x,
            text_x: float = text_x,
        ) -> tuple[str, str, str]:
            across = line_x + track[k] * TRACK_PX
            leader = (
                f'<polyline points="{across + 8:.1f},{want[k]:.1f} {text_x - 20:.1f},'
                f'{at[k]:.1f} {text_x - DOT_PX:.1f},{at[k]:.1f}" fill="none" stroke="#aaa" '
                f'stroke-width="1"/>{_dot(text_x - DOT_PX, at[k], keys[m.kind])}'
            )
            text = truncate(_label(m), LABEL_SIZE, column - (text_x - line_x) - 28)
            label = _text(text_x, at[k] + 4, text, cls="label", tooltip=_label(m))
            marker = _marker(m, _shape(m.date, scale, across, False, keys[m.kind][0]), names)
            return leader, label, marker

        placed.append(_Placed(array("q", (lane.refs[k] for k in ordered)), draw))
        for segment in scale.segments:
            drawing.grid.append(
                _line(
                    line_x, scale.extent(segment)[0], line_x, scale.extent(segment)[1], "#bbb", 1.5
                )
            )
    drawing.labels_at = len(drawing.texts)
    _axis(drawing, scale, axis_x, False, [(axis_x, drawing.width - MARGIN)])
    return bottom + 16, placed


def _legend(
    drawing: _Drawing, encodings: Collection[str], keys: Mapping[str, tuple[str, str]], top: float
) -> float:
    """Kind keys, then the date encodings that actually occur, so the chart explains itself."""
    kinds = [(kind, glyph(shape, 9, 0, 12, colour)) for kind, (colour, shape) in keys.items()]
    samples = [(name, sample) for name, sample in _SAMPLES.items() if name in encodings]
    for entries in (kinds, samples):
        widths = [24 + text_width(name, 12) for name, _ in entries]
        positions, bottom = _flow(widths, top, 22, drawing.width - MARGIN)
        for (name, sample), (x, y) in zip(entries, positions, strict=True):
            drawing.grid.append(
                f'<g class="legend-key" transform="translate({x:.1f},{y - 4:.1f})">{sample}</g>'
            )
            drawing.text(x + 24, y, name, cls="legend")
        top = bottom if entries else top
    return top


def _undated(
    drawing: _Drawing, widths: Sequence[float], names: Mapping[str, str], several: bool, top: float
) -> tuple[float, Draw]:
    """Milestones without any usable date, listed apart instead of at an invented place."""
    drawing.text(MARGIN, top + 14, "Date unknown", cls="lane", size=14, bold=True)
    positions, bottom = _flow(
        [18 + width for width in widths], top + 40, 22, drawing.width - MARGIN
    )

    def draw(i: int, m: Milestone) -> tuple[str, str, str]:
        x, y = positions[i]
        text = f"{names.get(m.case, m.case)}: {m.title}" if several else m.title
        circle = (
            f'<circle cx="{x + 6:.1f}" cy="{y - 4:.1f}" r="6" fill="#fff" '
            f'stroke="{UNKNOWN_COLOUR}" stroke-width="2" stroke-dasharray="3 2"/>'
        )
        label = _text(x + 18, y, truncate(text, LABEL_SIZE, 560), cls="label", tooltip=m.title)
        return "", label, _marker(m, circle, names)

    return bottom, draw


def render_svg(
    milestones: Sequence[Milestone],
    *,
    title: str,
    layout: Layout = "auto",
    case_titles: Mapping[str, str] | None = None,
) -> str:
    """Render milestones as a self-contained SVG timeline document.

    `case_titles` maps a milestone's `case` to the name shown on its lane (default: as is).
    """
    import io

    marks = Listed(milestones)
    out = io.StringIO()
    write_svg(
        survey(marks, case_titles or {}, layout), marks, out, title=title, case_titles=case_titles
    )
    return out.getvalue()


def write_svg(
    found: Survey,
    marks: Marks,
    out: TextIO,
    *,
    title: str,
    case_titles: Mapping[str, str] | None = None,
) -> None:
    """render_svg written to `out` as it is drawn: the layout from the survey's numbers,
    then the milestones read again in drawing order. Grid and leaders go straight out;
    markers and labels, painted over them, wait in temporary files until the leaders are
    all out."""
    import shutil
    import tempfile

    names = case_titles or {}
    dated = {case: lane for case, lane in found.lanes.items() if lane.refs}
    several = len(found.lanes) > 1
    keys = kind_keys(found.kinds)
    width = WIDTH
    if found.vertical:
        width = max(WIDTH, VERTICAL_AXIS_X + len(dated) * MIN_COLUMN + MARGIN)
    drawing = _Drawing(width)
    drawing.text(
        MARGIN,
        34,
        truncate(title, 20, drawing.width - 2 * MARGIN, bold=True),
        cls="title",
        size=20,
        bold=True,
        tooltip=title,
    )
    subtitle = _summary(found.count, len(found.lanes), found.years)
    drawing.text(MARGIN, 56, subtitle, cls="subtitle", size=12, fill=MUTED)
    y = _legend(drawing, found.encodings, keys, 86) + 8
    drawing.labels_at = len(drawing.texts)
    placed: list[_Placed] = []
    if dated:
        y, placed = (_vertical if found.vertical else _horizontal)(drawing, dated, names, keys, y)
    undated = array("q", (ref for lane in found.lanes.values() for ref in lane.undated))
    if undated:
        widths = [
            w for lane in found.lanes.values() for w in (lane.named if several else lane.plain)
        ]
        y, draw = _undated(drawing, widths, names, several, y)
        placed.append(_Placed(undated, draw, undated=True))
    height = round(y + 12)
    out.write(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" role="img" '
        f'data-layout="{"vertical" if found.vertical else "horizontal"}">'
        f'<title>{esc(title)}</title><rect width="{width}" height="{height}" fill="#fff"/>'
    )
    out.write("".join(drawing.grid))
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as markers,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as texts,
    ):
        texts.write("".join(drawing.texts[: drawing.labels_at]))
        for lane in placed:
            if lane.undated:  # after the axis's texts
                texts.write("".join(drawing.texts[drawing.labels_at :]))
            texts.write(lane.name)
            for i, m in enumerate(marks.fetch(lane.refs)):
                leader, label, marker = lane.draw(i, m)
                out.write(leader)
                markers.write(marker)
                texts.write(label)
        if not undated:
            texts.write("".join(drawing.texts[drawing.labels_at :]))
        for spooled in (markers, texts):
            spooled.seek(0)
            shutil.copyfileobj(spooled, out)
    out.write("</svg>\n")


def _summary(count: int, cases: int, years: tuple[int, int] | None) -> str:
    """One line under the title: how many milestones and cases, and the years covered."""
    parts = [plural(count, "milestone")]
    if cases > 1:
        parts.append(f"{cases} cases")
    if years:
        parts.append(f"{years[0]}\u2013{years[1]}" if years[0] != years[1] else str(years[0]))
    return " · ".join(parts)
