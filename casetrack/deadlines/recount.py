"""Deadlines kept in step: counting one from its trigger, and counting again every deadline
a change touches (a trigger's date, a rule, a court closure) in the same write.

casetrack.milestones calls in here when a milestone's date changes, so this module never
imports it; casetrack.deadlines.due holds the commands' operations.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from casetrack.clock import now
from casetrack.dates import DateValue, display_date, display_text, from_stored, parse_date
from casetrack.deadlines.calendars import closed_on
from casetrack.deadlines.counting import Count, count
from casetrack.deadlines.rules import Rule, get_rule, refuse_earlier
from casetrack.errors import CasetrackError
from casetrack.text import article, name_key

# The kind of a counted deadline, which `upcoming` lists.
DEADLINE_KIND = "deadline"

_NOT_A_SPAN = ("before", "after", "unknown")


@dataclass(frozen=True)
class Computed:
    """A deadline's date (EDTF: a day, or one day in a range) and how it was counted."""

    date: str
    working: str


def closures(conn: sqlite3.Connection, court: str | None) -> dict[date, str]:
    """The days a court was recorded closed, with why."""
    if not court:
        return {}
    return {
        date.fromisoformat(day): f"{name} closed" + (f" ({reason})" if reason else "")
        for day, name, reason in conn.execute(
            "SELECT day, court, reason FROM closures WHERE court_key = ?", (name_key(court),)
        )
    }


def compute(
    rule: Rule, trigger: DateValue, closed: dict[date, str], mail: bool, trigger_id: int
) -> Computed:
    """Count `rule` from a trigger's date: one day, or when the trigger is not one day (a
    month, a span) the range of days the deadline can be, never a day made up."""
    shown = display_date(trigger)
    fix = f"give its exact day with 'casetrack edit {trigger_id} --date YYYY-MM-DD'"
    if trigger.approximate or trigger.uncertain:
        what = "approximate" if trigger.approximate else "uncertain"
        raise CasetrackError(
            f"milestone {trigger_id}'s date ({shown}) is {what}: a deadline counted from it"
            f" would be a guess; {fix}"
        )
    if trigger.start is None or trigger.end is None or trigger.precision in _NOT_A_SPAN:
        raise CasetrackError(
            f"milestone {trigger_id}'s date ({shown}) has no first and last day to count"
            f" from; {fix}"
        )
    refuse_earlier(rule, trigger.start, trigger_id)
    why = closed_on(rule.holidays, closed)

    def one(day: date, late: bool = False) -> Count:
        return count(day, rule.amount, rule.unit, rule.direction, rule.method, why,
                     mail=mail, hours_late=late)  # fmt: skip

    first = one(trigger.start)
    last = one(trigger.end, late=True)
    if first.day == last.day:
        return Computed(first.day.isoformat(), first.working)
    if trigger.start == trigger.end:
        lead = f"{shown} has no time of day: the period ends on one of two days"
    else:
        lead = f"{shown} is not one day: the deadline is one day in a range"
    return Computed(
        f"[{first.day.isoformat()}..{last.day.isoformat()}]",
        f"{lead}; earliest: {first.working}; latest: {last.working}",
    )


def count_deadline(conn: sqlite3.Connection, rule: Rule, trigger_id: int, mail: bool) -> Computed:
    """Count a rule from a stored trigger milestone, with its case's court closures. Service
    by mail adds nothing to a rule that runs from another event than service, nor to one
    whose service mail adds no days to (FRCP 12(a)'s summons, served under Rule 4): a
    deadline stored with it (before `deadline add` refused it, or imported) is counted right
    when counted again."""
    row = conn.execute(
        "SELECT m.date, m.date_start, m.date_end, m.precision, m.approximate, m.uncertain,"
        " c.court FROM milestones m JOIN cases c ON c.id = m.case_id WHERE m.id = ?",
        (trigger_id,),
    ).fetchone()
    trigger = from_stored(row[0], row[1], row[2], row[3], bool(row[4]), bool(row[5]))
    mail = mail and rule.from_service is not False and not rule.mail_note
    return compute(rule, trigger, closures(conn, row[6]), mail, trigger_id)


def recount(conn: sqlite3.Connection, where: str, params: tuple[object, ...] = ()) -> list[int]:
    """Count again the deadlines `d` (joined to their case `c`) matching `where`, inside the
    caller's write; the ids of those not in the trash whose date or working changed (those in
    it are kept in step too, for a restore). A deadline that can no longer be counted refuses
    the whole write, saying why."""
    from casetrack.writer import MilestoneWriter

    rows = conn.execute(
        "SELECT d.milestone_id, d.trigger_id, d.rule, d.service, m.deleted_at FROM deadlines d"
        " JOIN milestones m ON m.id = d.milestone_id JOIN cases c ON c.id = m.case_id"
        f" WHERE d.trigger_id IS NOT NULL AND ({where}) ORDER BY d.milestone_id",
        params,
    ).fetchall()
    writer = MilestoneWriter(conn)
    changed = []
    for milestone_id, trigger_id, rule_id, service, trashed in rows:
        try:
            computed = count_deadline(conn, get_rule(conn, rule_id), trigger_id, service == "mail")
        except CasetrackError as err:
            raise CasetrackError(
                f"deadline {milestone_id} is counted from milestone {trigger_id} by rule"
                f" {rule_id}, and cannot be counted again: {err}"
            ) from None
        moved = writer.redate(milestone_id, parse_date(computed.date))
        said = conn.execute(
            "UPDATE deadlines SET working = ? WHERE milestone_id = ? AND working IS NOT ?",
            (computed.working, milestone_id, computed.working),
        ).rowcount
        if (moved or said) and trashed is None:
            changed.append(milestone_id)
    return changed


def follow_trigger(conn: sqlite3.Connection, milestone_id: int) -> list[int]:
    """A milestone's date changed: count again the deadlines counted from it."""
    return recount(conn, "d.trigger_id = ?", (milestone_id,))


def off_trigger(conn: sqlite3.Connection, milestone_id: int, was: str) -> list[str]:
    """A milestone's kind changed from `was`: a warning, one an open deadline counted from it
    (not in the trash, not done), for each whose rule ran from its old kind and does not run
    from its new one. The deadline keeps its date and its trigger (the edit may correct either),
    and the warning says how to put the kind back or remove the deadline."""
    rows = conn.execute(
        "SELECT d.milestone_id, m.date, d.rule, t.kind FROM deadlines d"
        " JOIN milestones m ON m.id = d.milestone_id AND m.deleted_at IS NULL"
        " JOIN milestones t ON t.id = d.trigger_id"
        " WHERE d.trigger_id = ? AND d.done_at IS NULL ORDER BY d.milestone_id",
        (milestone_id,),
    ).fetchall()
    warnings = []
    for deadline_id, day, rule_id, kind in rows:
        rule = get_rule(conn, rule_id)
        if rule.runs_from_kind(was) and not rule.runs_from_kind(kind):
            warnings.append(
                f"deadline {deadline_id} ({display_text(day)}, {rule.id}) is counted from"
                f" milestone {milestone_id}, now {article(kind)}, which its rule does not run"
                f" from ({rule.triggers_said}): it keeps its date; 'casetrack edit"
                f" {milestone_id} --kind {was}' puts the kind back, or 'casetrack rm"
                f" {deadline_id}' removes the deadline"
            )
    return warnings


def refuse_own_date(conn: sqlite3.Connection, milestone_id: int) -> None:
    """A counted deadline's date is the rule's answer: it moves with its trigger or rule."""
    counted = _counted_from(conn, milestone_id)
    if counted is not None:
        raise CasetrackError(
            f"{_counted_said(milestone_id, counted)}: change the trigger's date ('casetrack edit"
            f" {counted[0]} --date ...') or the rule, and it follows (see 'casetrack show"
            f" {milestone_id}')"
        )


def refuse_own_kind(conn: sqlite3.Connection, milestone_id: int, kind: str) -> None:
    """A counted deadline is of kind deadline, as `upcoming` lists it: of another kind it
    would drop from there while still counted."""
    counted = _counted_from(conn, milestone_id) if kind != DEADLINE_KIND else None
    if counted is not None:
        raise CasetrackError(
            f"{_counted_said(milestone_id, counted)}: it stays of kind {DEADLINE_KIND}, as"
            f" 'casetrack upcoming' lists it; 'casetrack rm {milestone_id}' stops counting it,"
            f" and 'casetrack add ... --kind {kind}' adds a milestone of that kind"
        )


def _counted_from(conn: sqlite3.Connection, milestone_id: int) -> tuple[int, str] | None:
    """The trigger and rule a deadline is counted from and by; None for another milestone."""
    row = conn.execute(
        "SELECT trigger_id, rule FROM deadlines WHERE milestone_id = ? AND trigger_id IS NOT NULL",
        (milestone_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _counted_said(milestone_id: int, counted: tuple[int, str]) -> str:
    """How a refused edit of a counted deadline starts, the same for its date and its kind,
    so that both name the trigger and rule the user would change instead."""
    return (
        f"milestone {milestone_id} is a deadline counted from milestone {counted[0]} by rule"
        f" {counted[1]}"
    )


def refuse_other_case(conn: sqlite3.Connection, milestone_id: int, case_id: int) -> None:
    """A deadline is counted from a milestone of its own case (`deadline add` refuses one in
    another): moving either of them to another case would part them."""
    row = conn.execute(
        "SELECT d.trigger_id, c.slug FROM deadlines d JOIN milestones t ON t.id = d.trigger_id"
        " JOIN cases c ON c.id = t.case_id WHERE d.milestone_id = ? AND t.case_id != ?",
        (milestone_id, case_id),
    ).fetchone()
    if row is not None:
        raise CasetrackError(
            f"milestone {milestone_id} is a deadline counted from milestone {row[0]}, in case"
            f" {row[1]}: it stays in that case, as 'casetrack deadline add' counts it"
        )
    rows = conn.execute(
        "SELECT d.milestone_id, c.slug FROM deadlines d JOIN milestones m ON m.id ="
        " d.milestone_id AND m.deleted_at IS NULL JOIN cases c ON c.id = m.case_id"
        " WHERE d.trigger_id = ? AND m.case_id != ? ORDER BY d.milestone_id",
        (milestone_id, case_id),
    ).fetchall()
    if rows:
        ids = ", ".join(str(r[0]) for r in rows)
        raise CasetrackError(
            f"milestone {milestone_id} starts deadline{'s' if len(rows) > 1 else ''} {ids} in"
            f" case {rows[0][1]}: a deadline is counted from a milestone of its own case"
            f" (remove it first: 'casetrack rm {ids.replace(',', '')}')"
        )


def set_done(
    conn: sqlite3.Connection, milestone_id: int, done: bool, at: str | None = None
) -> bool:
    """Mark a milestone done (it leaves `upcoming`), now or `at` (a UTC timestamp an import
    gives), or open again; whether that changed."""
    if done:
        return bool(
            conn.execute(
                "INSERT INTO deadlines (milestone_id, done_at) VALUES (?, ?)"
                " ON CONFLICT (milestone_id) DO UPDATE SET done_at = excluded.done_at"
                " WHERE done_at IS NULL",
                (milestone_id, at or now()),
            ).rowcount
        )
    cursor = conn.execute(
        "UPDATE deadlines SET done_at = NULL WHERE milestone_id = ? AND done_at IS NOT NULL",
        (milestone_id,),
    )
    conn.execute(
        "DELETE FROM deadlines WHERE milestone_id = ? AND trigger_id IS NULL AND rule IS NULL"
        " AND done_at IS NULL",
        (milestone_id,),
    )
    return bool(cursor.rowcount)
