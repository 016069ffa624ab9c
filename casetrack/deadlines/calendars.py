"""Which days a period cannot end on: public holidays of a place, and court closures.

Holidays come from the `holidays` package (a country and, where it matters, a subdivision:
FR-57 for Moselle, US-NY); it is imported only when a period is counted, as it is heavy.
Closures are days a user recorded for a court (`casetrack closure add`), kept in the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from casetrack.deadlines.counting import Closed
from casetrack.errors import CasetrackError
from casetrack.text import did_you_mean

NO_HOLIDAYS = "none"
# Days the `holidays` package lists for a place that its law says are not holidays: a period
# ending on one is not extended. New York's Executive Law § 168-a makes 15 February Susan B.
# Anthony Day a "day of commemoration", which "shall not constitute a holiday"; the public
# holidays are those of General Construction Law § 24.
NOT_HOLIDAYS = {"US-NY": frozenset({"Susan B. Anthony Day"})}
CALENDAR_HELP = "a country, or country-subdivision: US, US-NY, FR, FR-57 (or none)"


def _supported() -> dict[str, list[str]]:
    import holidays

    return dict(holidays.list_supported_countries())


def check_calendar(spec: str) -> str:
    """A holiday calendar as stored (US, US-NY, FR-57), refusing one `holidays` lacks."""
    text = spec.strip()
    if text.lower() == NO_HOLIDAYS:
        return NO_HOLIDAYS
    country, _, subdiv = text.partition("-")
    country = country.upper()
    supported = _supported()
    if country not in supported:
        raise CasetrackError(
            f"unknown holiday calendar {spec!r}"
            f"{did_you_mean(country, [*supported, NO_HOLIDAYS])}:"
            f" give {CALENDAR_HELP}"
        )
    if not subdiv:
        return country
    subdivisions = {s.upper(): s for s in supported[country]}
    if subdiv.upper() not in subdivisions:
        known = [f"{country}-{s}" for s in supported[country]]
        raise CasetrackError(
            f"{country} has no subdivision {subdiv!r}{did_you_mean(f'{country}-{subdiv}', known)}"
            f": see the 'holidays' package's list for {country}"
        )
    return f"{country}-{subdivisions[subdiv.upper()]}"


@cache
def _holidays(spec: str) -> Any:
    import holidays

    country, _, subdiv = spec.partition("-")
    try:
        return holidays.country_holidays(country, subdiv=subdiv or None, language="en_US")
    except NotImplementedError:  # a country with no English names
        return holidays.country_holidays(country, subdiv=subdiv or None)


def holiday(spec: str, day: date) -> str | None:
    """The name of the public holiday on `day` in calendar `spec`, if any."""
    if spec == NO_HOLIDAYS:
        return None
    name = _holidays(spec).get(day)
    if not name:
        return None
    # The package joins the names of one day's holidays with "; ".
    names = [n for n in str(name).split("; ") if n not in NOT_HOLIDAYS.get(spec, ())]
    return "; ".join(names) or None


def closed_on(spec: str, closures: Mapping[date, str]) -> Closed:
    """Why a day is closed: a holiday of `spec`, or a recorded court closure."""

    def why(day: date) -> str | None:
        reasons = [r for r in (holiday(spec, day), closures.get(day)) if r]
        return " and ".join(reasons) or None

    return why
