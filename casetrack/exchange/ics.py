"""iCalendar (RFC 5545): a calendar a team can subscribe to or import.

One all-day VEVENT per milestone whose first day is known: a day, or a span from a day
(17 Jun - 3 Jul 2003) drawn over all its days. A future hearing or deadline whose day is not
fixed yet also gets one (spanning its month or year, its summary saying so), so the
calendar shows what is coming. Everything else is left out and counted on the selection.
The UID is the milestone's uid, so importing the file again updates events instead of
copying them; DTSTAMP and LAST-MODIFIED are when the milestone last changed and SEQUENCE
how many times it changed.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

from casetrack import __version__
from casetrack.dates import bound_precisions, display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Milestone
from casetrack.sql import placeholders

UPCOMING_KINDS = ("hearing", "deadline")
NO_DAY = "without a known day (a calendar event needs one)"


def _starts_on_a_day(milestone: Milestone) -> bool:
    """A milestone on a known day, or a duration starting on one (not "some day in")."""
    value = milestone.date
    first = bound_precisions(value)[0]
    return value.start is not None and value.precision in ("day", "interval") and first == "day"


def _upcoming(milestone: Milestone, today: date) -> bool:
    value = milestone.date
    return (
        milestone.kind in UPCOMING_KINDS
        and value.start is not None
        and value.end is not None
        and value.end >= today
    )


def _summary(milestone: Milestone, exact: bool) -> str:
    """The case and title, plus the date as said when the calendar cannot show it as is."""
    value = milestone.date
    summary = f"[{milestone.case}] {milestone.title}"
    if milestone.met is not None:  # RFC 5545 has no STATUS:COMPLETED for an event (a VTODO's)
        summary += f" ({milestone.met})"
    if not exact:
        return summary + f" (day not fixed: {display_date(value)})"
    plain = bound_precisions(value) == ("day", "day")
    if value.approximate or value.uncertain or not plain:
        summary += f" ({display_date(value)})"
    return summary


def _event(milestone: Milestone, updated: str, sequence: int, exact: bool) -> dict[str, str]:
    """A milestone's event as its properties ({'DTSTART;VALUE=DATE': '20030617', ...}),
    values encoded as RFC 5545 writes them; _vevent folds them into lines."""
    value = milestone.date
    assert value.start is not None
    lines = [f"{milestone.kind}, case {milestone.case}"]
    lines += [p.name + (f" ({p.role})" if p.role else "") for p in milestone.parties]
    if milestone.note:
        lines.append(milestone.note)
    lines += [
        "Source: " + (s.title + " " if s.title else "") + s.url
        + (f", {s.pinpoint}" if s.pinpoint else "") + (f": “{s.quote}”" if s.quote else "")
        for s in milestone.sources
    ]  # fmt: skip
    changed = datetime.fromisoformat(updated).astimezone(UTC)
    stamp = _day(changed) + changed.strftime("T%H%M%SZ")
    # In the order icalendar writes them: its canonical ones, then the others by name.
    event = {
        "SUMMARY": _text(_summary(milestone, exact)),
        "DTSTART;VALUE=DATE": _day(value.start),
    }
    # An open end ("from 17 Jun 2003") is the first day only: an all-day event's default.
    if value.end is not None:
        event["DTEND;VALUE=DATE"] = _day(value.end + timedelta(days=1))
    event |= {
        "DTSTAMP": stamp,
        "UID": _text(f"{milestone.uid}@casetrack"),
        "SEQUENCE": str(sequence),
        "CATEGORIES": _text(milestone.kind),
        "DESCRIPTION": _text("\n".join(lines)),
        "LAST-MODIFIED": stamp,
    }
    if milestone.location:
        event["LOCATION"] = _text(milestone.location)
    event["TRANSP"] = "TRANSPARENT"
    urls = [s.url for s in milestone.sources if s.url.startswith(("http://", "https://"))]
    if urls:
        event["URL"] = urls[0]
    return event


def _day(day: date) -> str:
    """A DATE value (RFC 5545, 3.3.4): the year in four digits, year 990 too."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says, every line break as \\n."""
    return (
        value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
        .replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
        .replace("\r", "\\n")
    )  # fmt: skip


def _vevent(properties: dict[str, str], inner: str = "") -> str:
    """An event's lines, each folded to 75 octets (RFC 5545, 3.1), with components inside."""
    lines = "".join(_folded(f"{name}:{value}") for name, value in properties.items())
    return f"BEGIN:VEVENT\r\n{lines}{inner}END:VEVENT\r\n"


def _folded(line: str) -> str:
    """A content line cut into pieces of under 75 octets, never inside a character or
    right after a backslash (as icalendar folds, for clients that misread a split escape)."""
    if len(line) < FOLD and line.isascii():
        return line + "\r\n"
    pieces: list[str] = []
    start = size = 0
    for at, char in enumerate(line):
        width = 1 if char < "\x80" else len(char.encode())
        if at > start and size + width >= FOLD:
            cut = at - 1 if at - start > 1 and line[at - 1] in "\\^" else at
            pieces.append(line[start:cut])
            size = len(line[cut:at].encode())
            start = cut
        size += width
    pieces.append(line[start:])
    return "\r\n ".join(pieces) + "\r\n"


FOLD = 75


_END = "END:VCALENDAR\r\n"


def _header(name: str) -> str:
    """A calendar's opening lines, without its END line: events are written one at a time."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//casetrack//casetrack {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return str(calendar.to_ical().decode()).removesuffix(_END)


def write_ics(selection: Selection, out: TextIO) -> None:
    """The calendar, an event at a time: only the header comes from a whole Calendar."""
    cases = selection.cases()
    out.write(_header(cases[0].title if len(cases) == 1 else "casetrack"))
    end = _END
    today = date.today()
    left_out = 0
    for chunk in selection.chunks(updated=True):
        revisions = selection.revisions(list(chunk.updated))
        for m in chunk.milestones:
            exact = _starts_on_a_day(m)
            if exact or _upcoming(m, today):
                event = _event(m, chunk.updated[m.id], revisions.get(m.id, 0), exact)
                if m.id in chunk.deadlines:
                    _add_working(event, selection.conn, m.id)
                out.write(_vevent(event))
            else:
                left_out += 1
    out.write(end)
    if left_out:
        selection.leave_out(left_out, NO_DAY)


def _add_working(event: dict[str, str], conn: sqlite3.Connection, milestone_id: int) -> None:
    """A deadline's rule and working at the end of its event's description: the same event
    (one UID) says the same in `export -f ics` as in `upcoming -f ics`."""
    from casetrack.deadlines.due import deadline_details

    details = deadline_details(conn, milestone_id) or {}
    if details.get("working"):
        event["DESCRIPTION"] += "\\n" + _text(f"{details['rule']}\n{details['working']}")


def deadlines_ics(conn: sqlite3.Connection, ids: list[int], alarm_days: int) -> str:
    """What falls due (casetrack upcoming) as a calendar: an all-day event per deadline,
    with its working, and a reminder (VALARM) `alarm_days` before it."""
    from casetrack.milestones import load_milestones
    from casetrack.selection import Filters

    milestones = load_milestones(conn, ids)
    marks = placeholders(ids)
    sql = f"SELECT id, updated_at FROM milestones WHERE id IN ({marks})"
    updated = dict(conn.execute(sql, ids).fetchall()) if ids else {}
    revisions = Selection(conn, Filters()).revisions(ids)
    parts = [_header("casetrack: due")]
    for milestone in milestones:
        event = _event(milestone, updated[milestone.id], revisions.get(milestone.id, 0),
                       _starts_on_a_day(milestone))  # fmt: skip
        _add_working(event, conn, milestone.id)
        alarm = {
            "ACTION": "DISPLAY",
            "DESCRIPTION": _text(f"Due in {alarm_days} days: {milestone.title}"),
            "TRIGGER": f"-P{alarm_days}D",
        }
        inner = "".join(_folded(f"{name}:{value}") for name, value in alarm.items())
        parts.append(_vevent(event, f"BEGIN:VALARM\r\n{inner}END:VALARM\r\n"))
    parts.append(_END)
    return "".join(parts)
