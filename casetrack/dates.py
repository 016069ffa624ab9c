"""Milestone dates kept at the precision the source gives.

A date is stored as text (ISO 8601 / EDTF) together with its earliest and latest
possible day, so "2003" stays "some day in 2003" and still sorts correctly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

ACCEPTED_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2003, 2003-06, 2003-06-17)"

# Sort keys for milestones without a bound: open starts first, unknown dates last.
OPEN_START = "0000-00-00"
OPEN_END = "9999-99-99"

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class DateError(ValueError):
    """A date the user typed cannot be understood; the message says what is accepted."""


@dataclass(frozen=True)
class DateValue:
    """A possibly imprecise date: its stored text and the span of days it may mean."""

    text: str
    start: date | None
    end: date | None
    precision: str
    approximate: bool = False
    uncertain: bool = False

    @property
    def sort_start(self) -> str:
        if self.precision == "unknown":
            return OPEN_END
        return self.start.isoformat() if self.start else OPEN_START

    @property
    def sort_end(self) -> str:
        return self.end.isoformat() if self.end else OPEN_END


def parse_date(text: str, today: date | None = None) -> DateValue:
    """Parse what a user typed into a DateValue, or raise DateError naming the accepted forms."""
    cleaned = text.strip()
    match = _ISO.match(cleaned)
    if not match:
        raise DateError(f"cannot read the date {text!r}: use {ACCEPTED_FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return DateValue(cleaned, date(year, 1, 1), date(year, 12, 31), "year")
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        if day is None:
            return DateValue(cleaned, date(year, month, 1), date(year, month, last), "month")
        return DateValue(cleaned, date(year, month, day), date(year, month, day), "day")
    except ValueError:
        raise DateError(f"{text!r} is not a real date: use {ACCEPTED_FORMS}") from None


def from_stored(text: str, start: str | None, end: str | None, precision: str,
                approximate: bool = False, uncertain: bool = False) -> DateValue:
    """Rebuild a DateValue from store columns without parsing the text again."""
    return DateValue(
        text,
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        precision,
        approximate,
        uncertain,
    )


def display_date(value: DateValue) -> str:
    """The date as a person would say it: 17 Jun 2003, Jun 2003, 2003."""
    if value.precision == "unknown" or value.start is None:
        return value.text
    if value.precision == "year":
        return str(value.start.year)
    if value.precision == "month":
        return f"{_MONTHS[value.start.month - 1]} {value.start.year}"
    if value.precision == "day":
        return f"{value.start.day} {_MONTHS[value.start.month - 1]} {value.start.year}"
    return value.text


def elapsed(previous: DateValue | None, current: DateValue) -> str:
    """Time between two milestones' earliest days, like +11y 2m; '' when it cannot be said."""
    if previous is None or previous.start is None or current.start is None:
        return ""
    a, b = previous.start, current.start
    months = (b.year - a.year) * 12 + (b.month - a.month)
    days = b.day - a.day
    if days < 0:
        months -= 1
        prev_month_len = calendar.monthrange(b.year if b.month > 1 else b.year - 1,
                                             b.month - 1 if b.month > 1 else 12)[1]
        days += prev_month_len
    if months < 0:
        return ""
    exact = previous.precision == "day" and current.precision == "day"
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years}y")
    if months:
        parts.append(f"{months}m")
    if exact and days and not years:
        parts.append(f"{days}d")
    text = " ".join(parts) or ("0d" if exact else "0")
    approximate = not exact or previous.approximate or current.approximate
    return ("~+" if approximate else "+") + text
