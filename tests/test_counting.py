"""The counting methods against the text of the rules they apply (quoted beside each check),
and properties every count must have."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.deadlines.calendars import closed_on
from casetrack.deadlines.counting import Count, add_months, count, weekend_or
from casetrack.errors import CasetrackError
from tests.budget import examples

US, FR = closed_on("US", {}), closed_on("FR", {})


def after(day: date, amount: int, unit: str = "days", method: str = "us-frcp-6a",
          closed=US, **kw: bool) -> Count:  # type: ignore[no-untyped-def]  # fmt: skip
    return count(day, amount, unit, "after", method, closed, **kw)


def before(day: date, amount: int, method: str = "us-frcp-6a", closed=US) -> Count:  # type: ignore[no-untyped-def]
    return count(day, amount, "days", "before", method, closed)


# FRCP 6(a)(1): "(A) exclude the day of the event that triggers the period; (B) count every
# day, including intermediate Saturdays, Sundays, and legal holidays; and (C) include the
# last day of the period, but if the last day is a Saturday, Sunday, or legal holiday, the
# period continues to run until the end of the next day that is not a Saturday, Sunday, or
# legal holiday."


def test_frcp_6a1_a_last_day_on_a_sunday_runs_to_monday() -> None:
    # FRAP 4(a)(1)(A), 30 days, from a judgment entered Fri 14 Jun 2024.
    result = after(date(2024, 6, 14), 30)
    assert result.day == date(2024, 7, 15)
    assert result.working == (
        "30 days from Fri 14 Jun 2024 → Sun 14 Jul 2024, a Sunday → Mon 15 Jul 2024"
    )


def test_frcp_6a1_a_last_day_on_a_legal_holiday_runs_to_the_next_day() -> None:
    result = after(date(2024, 6, 4), 30)
    assert result.day == date(2024, 7, 5)
    assert "Thu 4 Jul 2024, Independence Day → Fri 5 Jul 2024" in result.working


def test_frcp_6a1_b_counts_intermediate_weekends_and_holidays() -> None:
    # "count every day": no rule that periods under 11 days skip weekends (abolished 2009).
    assert after(date(2024, 6, 28), 7).day == date(2024, 7, 5)  # 4 Jul and a weekend inside
    assert after(date(2024, 6, 14), 28).day == date(2024, 7, 12)


def test_frcp_6a5_next_day_is_counted_backward_before_an_event() -> None:
    # 6(a)(5): "The 'next day' is determined by continuing to count forward when the period
    # is measured after an event and backward when measured before an event."
    result = before(date(2024, 7, 15), 1)  # Sun 14 Jul
    assert result.day == date(2024, 7, 12)
    assert result.working.endswith("→ back to Fri 12 Jul 2024")


def test_frcp_6d_three_days_only_for_service_by_mail() -> None:
    # 6(d): "When a party may or must act within a specified time after being served and
    # service is made under Rule 5(b)(2)(C) (mail) ... 3 days are added after the period
    # would otherwise expire under Rule 6(a)."
    assert after(date(2024, 6, 14), 30, mail=True).day == date(2024, 7, 18)
    assert after(date(2024, 6, 14), 30).day == date(2024, 7, 15)
    # The extended period ending on a weekend rolls on again: Fri 12 + 3 = Mon 15.
    rolled = after(date(2024, 6, 6), 30, mail=True)  # 6 Jul Sat → Mon 8; + 3 → Thu 11
    assert rolled.day == date(2024, 7, 11)
    assert "+ 3 days for service by mail (FRCP 6(d)) → Thu 11 Jul 2024" in rolled.working
    # France adds nothing for mail.
    assert after(date(2024, 7, 4), 10, method="fr-cpc-641", closed=FR, mail=True).day == date(
        2024, 7, 15
    )


def test_frcp_6a2_hours() -> None:
    # 6(a)(2): "begin counting immediately on the occurrence of the event ... if the period
    # would end on a Saturday, Sunday, or legal holiday, the period continues to run until
    # the same time on the next day that is not a Saturday, Sunday, or legal holiday."
    assert after(date(2024, 7, 11), 48, "hours").day == date(2024, 7, 15)
    assert after(date(2024, 7, 9), 36, "hours").day == date(2024, 7, 10)
    assert after(date(2024, 7, 9), 36, "hours", hours_late=True).day == date(2024, 7, 11)
    with pytest.raises(CasetrackError, match="no periods in hours"):
        after(date(2024, 7, 9), 36, "hours", method="fr-cpc-641", closed=FR)


# CPP art. 498: "l'appel est interjeté dans le délai de dix jours à compter du prononcé du
# jugement contradictoire." CPP art. 801: "Tout délai prévu par une disposition de procédure
# pénale pour l'accomplissement d'un acte ou d'une formalité expire le dernier jour à
# vingt-quatre heures. Le délai qui expirerait normalement un samedi ou un dimanche ou un
# jour férié ou chômé est prorogé jusqu'au premier jour ouvrable suivant."


def test_cpp_801_sunday_and_national_holiday_run_to_the_next_working_day() -> None:
    result = after(date(2024, 7, 4), 10, method="fr-cpc-641", closed=FR)
    assert result.day == date(2024, 7, 15)
    assert "Sun 14 Jul 2024, a Sunday and National Day → Mon 15 Jul 2024" in result.working


# CPC art. 641: "Lorsqu'un délai est exprimé en mois ou en années, ce délai expire le jour du
# dernier mois ou de la dernière année qui porte le même quantième que le jour de l'acte, de
# l'événement, de la décision ou de la notification qui fait courir le délai. A défaut d'un
# quantième identique, le délai expire le dernier jour du mois." Art. 642: "Le délai qui
# expirerait normalement un samedi, un dimanche ou un jour férié ou chômé est prorogé
# jusqu'au premier jour ouvrable suivant."


def test_cpc_641_month_without_the_same_day_ends_on_its_last_day() -> None:
    leap = after(date(2024, 1, 31), 1, "months", method="fr-cpc-641", closed=FR)
    assert leap.day == date(2024, 2, 29)
    assert leap.working == (
        "1 month from Wed 31 Jan 2024 → Thu 29 Feb 2024 (no 31 Feb: the last day of the month)"
    )
    assert after(date(2025, 1, 31), 1, "months", method="fr-cpc-641", closed=FR).day == date(
        2025, 2, 28
    )


def test_cpc_641_same_day_of_the_month_then_642_next_working_day() -> None:
    # 15 Jun 2024 + 1 month = Mon 15 Jul; 14 Jun + 1 month = Sun 14 Jul (and Fête nationale).
    assert after(date(2024, 6, 15), 1, "months", method="fr-cpc-641", closed=FR).day == date(
        2024, 7, 15
    )
    assert after(date(2024, 6, 14), 1, "months", method="fr-cpc-641", closed=FR).day == date(
        2024, 7, 15
    )


# ECHR art. 35 § 1 (as amended by Protocol No. 15): "The Court may only deal with the matter
# ... within a period of four months from the date on which the final decision was taken."
# Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012: the period runs from the day after
# the final decision and expires at the end of its last day, even when that day is a
# Saturday, a Sunday or a holiday: it is not extended to the next working day.


def test_echr_a_last_day_on_a_weekend_or_holiday_is_not_extended() -> None:
    saturday = after(date(2024, 1, 11), 4, "months", method="echr", closed=FR)
    assert saturday.day == date(2024, 5, 11)
    assert saturday.working == (
        "4 months from Thu 11 Jan 2024 → Sat 11 May 2024, a Saturday: not extended"
    )
    holiday = after(date(2024, 3, 14), 4, "months", method="echr", closed=FR)
    assert holiday.day == date(2024, 7, 14)
    assert holiday.working.endswith("→ Sun 14 Jul 2024, a Sunday and National Day: not extended")
    assert after(date(2024, 1, 10), 4, "months", method="echr", closed=FR).working == (
        "4 months from Wed 10 Jan 2024 → Fri 10 May 2024"
    )
    assert after(date(2023, 10, 31), 4, "months", method="echr", closed=FR).day == date(2024, 2, 29)


def test_court_days_skip_weekends_holidays_and_closures() -> None:
    closed = closed_on("US", {date(2024, 7, 8): "court closed (flood)"})
    result = after(date(2024, 7, 3), 3, "court days", closed=closed)
    assert result.day == date(2024, 7, 10)  # Fri 5, (Mon 8 closed) Tue 9, Wed 10


def test_a_closure_counts_as_a_holiday() -> None:
    closed = closed_on("US", {date(2024, 7, 15): "court closed (snow)"})
    result = after(date(2024, 6, 14), 30, closed=closed)
    assert result.day == date(2024, 7, 16)
    assert "Mon 15 Jul 2024, court closed (snow) → Tue 16 Jul 2024" in result.working


def test_subdivision_holidays() -> None:
    # Moselle keeps St Stephen's Day (26 Dec) and Good Friday; the rest of France does not.
    assert after(date(2024, 12, 16), 10, method="fr-cpc-641", closed=FR).day == date(2024, 12, 26)
    moselle = closed_on("FR-57", {})
    assert after(date(2024, 12, 16), 10, method="fr-cpc-641", closed=moselle).day == date(
        2024, 12, 27
    )


# CPR 2.8 (justice.gov.uk, CPR Part 2): "(2) A period of time expressed as a number of days
# shall be computed as clear days. (3) In this rule 'clear days' means that in computing the
# number of days - (a) the day on which the period begins; and (b) if the end of the period is
# defined by reference to an event, the day on which that event occurs are not included."
# "(4) Where the specified period - (a) is 5 days or less; and (b) includes - (i) a Saturday or
# Sunday; or (ii) a Bank Holiday, Christmas Day or Good Friday, that day does not count."
# The rule's own examples are the checks.
ENG = closed_on("GB-ENG", {})


def test_cpr_2_8_clear_days_the_rules_examples() -> None:
    # "(i) Notice of an application must be served at least 3 days before the hearing. An
    # application is to be heard on Friday 20 October. The last date for service is Monday 16
    # October."
    result = count(date(2023, 10, 20), 3, "days", "before", "gb-cpr-2-8", ENG)
    assert result.day == date(2023, 10, 16)
    assert result.working == (
        "3 days before Fri 20 Oct 2023, not counting weekends and holidays → Tue 17 Oct 2023;"
        " clear days: the open day before → Mon 16 Oct 2023"
    )
    # "(iii) Particulars of claim must be served within 14 days of service of the claim form.
    # The claim form is served on 2 October. The last day for service of the particulars of
    # claim is 16 October."
    assert after(date(2023, 10, 2), 14, method="gb-cpr-2-8", closed=ENG).day == date(2023, 10, 16)
    # 2.8(4): "Notice of an application must be served at least 3 days before the hearing. An
    # application is to be heard on Monday 20 October. The last date for service is Tuesday 14
    # October."
    assert count(date(2025, 10, 20), 3, "days", "before", "gb-cpr-2-8", ENG).day == date(
        2025, 10, 14
    )
    # More than 5 days counts the weekends and bank holidays inside (only 2.8(4) skips them),
    # and a last day the court office is closed runs to the next day it is open (2.8(5)).
    assert after(date(2024, 12, 20), 6, method="gb-cpr-2-8", closed=ENG).day == date(2024, 12, 27)
    assert after(date(2024, 12, 20), 5, method="gb-cpr-2-8", closed=ENG).day == date(2024, 12, 31)


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
methods = st.sampled_from([("us-frcp-6a", "US"), ("fr-cpc-641", "FR"), ("us-frcp-6a", "US-NY"),
                           ("gb-cpr-2-8", "GB-ENG")])  # fmt: skip
# (echr does not move a last day off a weekend: it is not among them.)


@settings(max_examples=examples(100), deadline=None)
@given(days, st.integers(0, 400), st.sampled_from(["days", "court days", "months"]), methods,
       st.booleans())  # fmt: skip
def test_never_ends_on_a_weekend_or_holiday(
    day: date, amount: int, unit: str, method: tuple[str, str], backward: bool
) -> None:
    closed = closed_on(method[1], {})
    if unit == "months":
        amount %= 30
    result = count(day, amount, unit, "before" if backward else "after", method[0], closed)
    assert weekend_or(closed)(result.day) is None


@settings(max_examples=examples(100), deadline=None)
@given(days, st.integers(0, 400), methods, st.booleans())
def test_forward_never_earlier_than_plain_arithmetic_and_backward_mirrors(
    day: date, amount: int, method: tuple[str, str], mail: bool
) -> None:
    closed = closed_on(method[1], {})
    forward = count(day, amount, "days", "after", method[0], closed, mail=mail)
    assert forward.day >= day + timedelta(days=amount)
    backward = count(day, amount, "days", "before", method[0], closed)
    assert backward.day <= day - timedelta(days=amount)
    # Within a week of the plain answer: a roll never crosses more than a long weekend.
    assert forward.day - (day + timedelta(days=amount)) <= timedelta(days=7 + 3 * mail)


@settings(max_examples=examples(100), deadline=None)
@given(days, st.integers(-240, 240))
def test_months_clamp_to_the_end_of_a_shorter_month(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + timedelta(days=1)).day == 1)
