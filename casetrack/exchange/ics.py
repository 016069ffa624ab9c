"""iCalendar (RFC 5545): a calendar a team can subscribe to or import.

One all-day VEVENT per day-precise milestone, plus one per future hearing or deadline whose
day is not fixed yet (spanning its month or year), so the calendar shows what is coming. The
UID is the milestone's uid, so importing the file again updates events instead of copying
them; DTSTAMP and LAST-MODIFIED are when the milestone last changed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, TextIO

from casetrack import __version__
from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Milestone

UPCOMING_KINDS = ("hearing", "deadline")


def _wanted(milestone: Milestone, today: date) -> bool:
    value = milestone.date
    if value.start is None or value.end is None:
        return False
    if value.precision == "day":
        return True
    return milestone.kind in UPCOMING_KINDS and value.end >= today


def _event(milestone: Milestone, updated: str) -> Any:
    from icalendar import Event

    value = milestone.date
    assert value.start is not None and value.end is not None
    summary = f"[{milestone.case}] {milestone.title}"
    if value.precision != "day":
        summary += f" (day not fixed: {display_date(value)})"
    lines = [f"{milestone.kind}, case {milestone.case}"]
    lines += [p.name + (f" ({p.role})" if p.role else "") for p in milestone.parties]
    if milestone.note:
        lines.append(milestone.note)
    lines += [
        "Source: " + (s.title + " " if s.title else "") + s.url
        + (f", p. {s.page}" if s.page else "") + (f": “{s.quote}”" if s.quote else "")
        for s in milestone.sources
    ]  # fmt: skip
    stamp = datetime.fromisoformat(updated).astimezone(UTC)
    event = Event()
    event.add("uid", f"{milestone.uid}@casetrack")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", value.start)
    event.add("dtend", value.end + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("categories", [milestone.kind])
    event.add("transp", "TRANSPARENT")
    if milestone.location:
        event.add("location", milestone.location)
    urls = [s.url for s in milestone.sources if s.url.startswith(("http://", "https://"))]
    if urls:
        event.add("url", urls[0])
    return event


def write_ics(selection: Selection, out: TextIO) -> None:
    """The calendar, an event at a time: only the header comes from a whole Calendar."""
    from icalendar import Calendar

    cases = selection.cases()
    calendar = Calendar()
    calendar.add("prodid", f"-//casetrack//casetrack {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = cases[0].title if len(cases) == 1 else "casetrack"
    calendar.add("x-wr-calname", name)
    header = calendar.to_ical().decode()
    end = "END:VCALENDAR\r\n"
    out.write(header.removesuffix(end))
    today = date.today()
    for chunk in selection.chunks():
        for m in chunk.milestones:
            if _wanted(m, today):
                out.write(_event(m, chunk.updated[m.id]).to_ical().decode())
    out.write(end)
