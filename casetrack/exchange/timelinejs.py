"""Knight Lab TimelineJS3 JSON: load it with `new TL.Timeline(id, data)` as is.

Each milestone is an event whose start_date has only the parts its precision knows (a year
is {year}, a month or a season {year, month}); the event's display_date says the date as
casetrack says it everywhere ("c. 2001", "17 Jun - 3 Jul 2003", "before 16 Sep 2014"), since
TimelineJS has no way to mark uncertainty. Only a real duration (from A to B) gets an
end_date: "some day between A and B" sits at A, "before B" at B. Milestones with no known
date are left out (TimelineJS needs at least a year) and counted on the selection.

Text is plain, escaped HTML: TimelineJS turns URLs in it into links itself, and empties an
<a> whose label is a URL, so sources are written as "title (URL)".
"""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any, TextIO

from casetrack.dates import bound_precisions, display_date
from casetrack.errors import CasetrackError
from casetrack.exchange.selection import Selection
from casetrack.models import Milestone

NO_DATE = "without a known date (TimelineJS needs at least a year)"


def _parts(day: date, precision: str | None) -> dict[str, int]:
    """A TimelineJS date at a bound's precision: {year}, {year, month} or all three. A season
    is {year, month} of the day given (its first month as a start, as the timeline orders it:
    Summer 2003 is June 2003); a decade is a year."""
    parts = {"year": day.year}
    if precision in ("season", "month", "day"):
        parts["month"] = day.month
    if precision == "day":
        parts["day"] = day.day
    return parts


def _dates(milestone: Milestone) -> dict[str, Any] | None:
    """start_date (end_date for a duration) and display_date; None without a known date."""
    value = milestone.date
    if value.precision == "unknown" or (value.start is None and value.end is None):
        return None
    low, high = bound_precisions(value)
    shown = display_date(value)
    if value.start is None:  # before B, until B: placed at B, the date saying "before"
        assert value.end is not None
        start = _parts(value.end, high)
    else:
        start = _parts(value.start, low)
    dates: dict[str, Any] = {"start_date": {**start, "display_date": shown}}
    if value.precision == "interval" and value.start and value.end and value.end > value.start:
        dates["end_date"] = _parts(value.end, high)
    dates["display_date"] = shown
    return dates


def escape(text: str) -> str:
    """Text for HTML content: &, < and > escaped, quotes kept readable."""
    return html.escape(text, quote=False)


def _text(milestone: Milestone) -> str:
    """The event's body as the small HTML TimelineJS shows: who, note, sources."""
    parts = []
    if milestone.parties:
        who = "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in milestone.parties)
        parts.append(f"<p>{escape(who)}</p>")
    if milestone.location:
        parts.append(f"<p>{escape(milestone.location)}</p>")
    if milestone.note:
        parts.append(f"<p>{escape(milestone.note)}</p>")
    if milestone.status != "undisputed":
        parts.append(f"<p><em>{escape(milestone.status)}</em></p>")
    for s in milestone.sources:
        cite = f"{s.title} ({s.url})" if s.title and s.title != s.url else s.url
        if s.pinpoint:
            cite += f", {s.pinpoint}"
        if s.quote:
            cite += f": “{s.quote}”"
        parts.append(f"<p>Source: {escape(cite)}</p>")
    return "".join(parts)


def timeline_document(selection: Selection) -> dict[str, Any]:
    """The whole TimelineJS document; refused when no milestone has a date to place."""
    cases = selection.cases()
    events = []
    undated = 0
    for m in selection.milestones():
        dates = _dates(m)
        if dates is None:
            undated += 1
            continue
        events.append(
            {
                **dates,
                "text": {"headline": escape(m.title), "text": _text(m)},
                "group": m.case,
                "unique_id": m.uid,
            }
        )
    if not events:
        why = (
            f"none of the {undated} selected milestones has a known date: use --format json "
            "or markdown for them"
            if undated
            else "no milestone matches the filters"
        )
        raise CasetrackError(f"nothing to put on a TimelineJS timeline: {why}")
    if undated:
        selection.leave_out(undated, NO_DATE)
    if len(cases) == 1:
        headline, text = cases[0].title, cases[0].summary or ""
    else:
        headline = "Case timelines"
        text = ", ".join(f"{c.title} ({c.slug})" for c in cases)
    return {"title": {"text": {"headline": escape(headline), "text": escape(text)}},
            "events": events}  # fmt: skip


def write_timelinejs(selection: Selection, out: TextIO) -> None:
    """The TimelineJS document, whole: TimelineJS reads one JSON object."""
    out.write(json.dumps(timeline_document(selection), ensure_ascii=False, indent=2) + "\n")
