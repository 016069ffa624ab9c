"""Counting a period from a trigger day, as a court rule says to, with every step said.

Four counting methods, each the text of its rule put into code (tests/test_counting.py
quotes the text beside each check):

- `us-frcp-6a`: FRCP 6(a) and FRAP 26(a). Exclude the trigger day, count every day
  (weekends and legal holidays too), include the last day; a last day that is a Saturday,
  Sunday or legal holiday moves to the next day that is none of these, counted forward
  after an event and backward before one (6(a)(5)). 6(d): 3 days are added after a period
  would otherwise expire when service was by mail. Periods in hours (6(a)(2)) begin at
  once and end the same time that many hours later.
- `fr-cpc-641`: code de procédure civile arts. 640-642 (and code de procédure pénale art.
  801 for criminal periods). The trigger day does not count; a period in months ends on
  the same day of the month, or the last day of the month when there is no such day; a
  period ending on a Saturday, Sunday or a public holiday runs to the next working day.
- `echr`: the European Court of Human Rights (art. 35 § 1; Sabri Güneş v. Turkey [GC],
  2012). The period runs from the day after the final decision; in months it ends on the
  same day of the month (or the month's last day); a last day that is a Saturday, Sunday or
  holiday is not extended: the working says so.
- `gb-cpr-2-8`: the Civil Procedure Rules of England and Wales, r. 2.8. Days are clear days
  (the day the period begins, and the day of an event it ends by, do not count: an act due
  3 days before a hearing is due the day before the count lands); a period
  of 5 days or less does not count a Saturday, Sunday, bank holiday, Christmas Day or Good
  Friday (2.8(4)), a longer one counts every day; a period for an act at the court office
  that ends on a day the office is closed ends on the next day it is open (2.8(5)). A
  month is a calendar month (r. 2.10): the same day of the month, or the month's last.

Nothing here knows of the store: what is a holiday is a function given by the caller.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from casetrack.dates import MONTHS, display_day
from casetrack.errors import CasetrackError
from casetrack.text import plural

UNITS = ("days", "court days", "months", "hours")
DIRECTIONS = ("after", "before")
_WEEKEND = {5: "a Saturday", 6: "a Sunday"}
# Why a day is not one a period can end on: a holiday's or closure's name, or None.
Closed = Callable[[date], str | None]


@dataclass(frozen=True)
class Method:
    """A counting method: the rule it applies, what it adds for service by mail, whether a
    last day the court is closed moves to the next open one, the holidays a rule counted by
    it takes unless it says, the longest period in days that counts no weekend or holiday
    (0: none), and whether days are clear days (a period before an event leaves out the
    event's day and the act's: the act is due the day before the count lands)."""

    name: str
    citation: str
    mail_days: int
    counts_hours: bool
    extends: bool = True
    holidays: str = "US"
    short_days: int = 0
    clear_days: bool = False


METHODS = {
    "us-frcp-6a": Method("us-frcp-6a", "FRCP 6(a), 6(d); FRAP 26(a), 26(c)", 3, True),
    "fr-cpc-641": Method("fr-cpc-641", "CPC arts. 640-642; CPP art. 801", 0, False, holidays="FR"),
    "echr": Method(
        "echr", "ECHR art. 35 § 1; Sabri Güneş v. Turkey [GC], 2012", 0, False,
        extends=False, holidays="none",
    ),
    # CPR 2.8(4): "Where the specified period (a) is 5 days or less; and (b) includes (i) a
    # Saturday or Sunday; or (ii) a Bank Holiday, Christmas Day or Good Friday, that day does
    # not count." (justice.gov.uk, CPR Part 2.)
    "gb-cpr-2-8": Method(
        "gb-cpr-2-8", "CPR 2.8, 2.10", 0, False, holidays="GB-ENG", short_days=5,
        clear_days=True,
    ),
}  # fmt: skip


@dataclass
class Count:
    """The day a period ends on, and the steps that got there, in words."""

    day: date
    steps: list[str] = field(default_factory=list)

    @property
    def working(self) -> str:
        """The steps in one line, as `show` and exports give a deadline's working."""
        return "; ".join(self.steps)


def weekend_or(closed: Closed) -> Closed:
    """Saturdays and Sundays, then whatever `closed` says: why a day cannot end a period."""

    def why(day: date) -> str | None:
        reasons = [r for r in (_WEEKEND.get(day.weekday()), closed(day)) if r]
        return " and ".join(reasons) or None

    return why


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (earlier if negative), or the month's last."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def count(
    trigger: date,
    amount: int,
    unit: str,
    direction: str,
    method: str,
    closed: Closed,
    *,
    mail: bool = False,
    hours_late: bool = False,
) -> Count:
    """The last day of a period of `amount` `unit` after (or before) `trigger`.

    `closed` says why a day is a holiday or closure (weekends are added here). `mail` adds
    the method's service-by-mail days. For hours, `hours_late` counts from the latest time
    of the trigger day (the trigger has no time: the end may fall on the next day).
    """
    rule = METHODS[method]
    why = weekend_or(closed)
    sign = 1 if direction == "after" else -1
    way = "from" if sign == 1 else "before"
    period = plural(amount, unit[:-1], unit)
    if unit == "months":
        day = add_months(trigger, sign * amount)
        step = f"{period} {way} {display_day(trigger)} → {display_day(day)}"
        if day.day != trigger.day:
            step += f" (no {trigger.day} {MONTHS[day.month - 1]}: the last day of the month)"
    elif unit == "court days" or (unit == "days" and amount <= rule.short_days):
        day, left = trigger, amount
        while left:
            day += timedelta(days=sign)
            left -= why(day) is None
        step = (
            f"{period} {way} {display_day(trigger)}, not counting weekends and holidays"
            f" → {display_day(day)}"
        )
        if rule.clear_days and sign == -1:
            day -= timedelta(days=1)
            while why(day) is not None:
                day -= timedelta(days=1)
            step += f"; clear days: the open day before → {display_day(day)}"
    elif unit == "hours":
        if not rule.counts_hours:
            raise CasetrackError(f"{method} counts no periods in hours: give days or months")
        days = amount // 24 + (1 if hours_late and amount % 24 else 0)
        day = trigger + timedelta(days=sign * days)
        step = f"{period} {way} {display_day(trigger)} → {display_day(day)}"
    else:
        day = trigger + timedelta(days=sign * amount)
        step = f"{period} {way} {display_day(trigger)} → {display_day(day)}"
        if rule.clear_days and sign == -1:
            day -= timedelta(days=1)
            step += f"; clear days: the day before → {display_day(day)}"
    result = Count(day)
    if not rule.extends:
        reason = why(day)
        result.steps.append(step + (f", {reason}: not extended" if reason else ""))
        return result
    result.steps.append(step + _roll(result, why, sign))
    if mail and rule.mail_days:
        if sign == -1:
            raise CasetrackError(
                "service by mail adds days to a period after service, not to one before an event"
            )
        result.day += timedelta(days=rule.mail_days)
        result.steps.append(
            f"+ {rule.mail_days} days for service by mail (FRCP 6(d)) → {display_day(result.day)}"
            + _roll(result, why, sign)
        )
    return result


def _roll(result: Count, why: Closed, sign: int) -> str:
    """Move result.day off weekends, holidays and closures (forward, or back for a period
    counted backward); what was skipped, in words."""
    said = ""
    reason = why(result.day)
    while reason is not None:
        said += f", {reason}" if not said else f"; {display_day(result.day)}, {reason}"
        result.day += timedelta(days=sign)
        reason = why(result.day)
    if not said:
        return ""
    return f"{said} → {'back to ' if sign == -1 else ''}{display_day(result.day)}"
