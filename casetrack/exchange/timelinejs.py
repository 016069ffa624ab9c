"""Knight Lab TimelineJS3 JSON: load it with `new TL.Timeline(id, data)` as is.

Each milestone is an event whose start_date has only the parts its precision knows (a year
is {year}, a month {year, month}), a display_date saying "c." when it is approximate, the
case as group and its sources as links in the text. Milestones with no known date are left
out: TimelineJS needs at least a year.
"""

from __future__ import annotations

import html
import json
from typing import Any, TextIO

from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Milestone

_PARTS = {"year": ("year",), "month": ("year", "month"), "day": ("year", "month", "day")}


def _date_parts(milestone: Milestone) -> dict[str, Any]:
    """start_date (and end_date for a span) at the precision the milestone has."""
    value = milestone.date
    assert value.start is not None
    shown = display_date(value)
    if value.approximate:
        shown = f"c. {shown}"
    if value.uncertain:
        shown += "?"
    parts = _PARTS.get(value.precision)
    if parts is not None:
        start = {p: getattr(value.start, p) for p in parts}
        return {"start_date": {**start, "display_date": shown}}
    # Any other precision (a span, a season): its first and last day, said as the text says.
    dates: dict[str, Any] = {
        "start_date": {"year": value.start.year, "month": value.start.month,
                       "day": value.start.day, "display_date": shown},
    }  # fmt: skip
    if value.end is not None and value.end != value.start:
        dates["end_date"] = {"year": value.end.year, "month": value.end.month,
                             "day": value.end.day}  # fmt: skip
    return dates


def escape(text: str) -> str:
    """Text for HTML content: &, < and > escaped, quotes kept readable."""
    return html.escape(text, quote=False)


def _link(url: str, title: str | None) -> str:
    label = escape(title or url)
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{label}</a>'
    return label


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
        cite = _link(s.url, s.title)
        if s.page:
            cite += f", p. {escape(s.page)}"
        if s.quote:
            cite += f": “{escape(s.quote)}”"
        parts.append(f"<p>Source: {cite}</p>")
    return "".join(parts)


def timeline_document(selection: Selection) -> dict[str, Any]:
    cases = selection.cases()
    events = [
        {
            **_date_parts(m),
            "text": {"headline": escape(m.title), "text": _text(m)},
            "group": m.case,
            "unique_id": m.uid,
        }
        for m in selection.milestones()
        if m.date.start is not None
    ]
    if len(cases) == 1:
        headline, text = cases[0].title, cases[0].summary or ""
    else:
        headline = "Case timelines"
        text = ", ".join(f"{c.title} ({c.slug})" for c in cases)
    return {"title": {"text": {"headline": escape(headline), "text": escape(text)}},
            "events": events}  # fmt: skip


def write_timelinejs(selection: Selection, out: TextIO) -> None:
    out.write(json.dumps(timeline_document(selection), ensure_ascii=False, indent=2) + "\n")
