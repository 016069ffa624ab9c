"""What the deadline commands do to a store: rules and closures (counting every deadline
they touch again), deadlines counted from a trigger, and what falls due next."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from casetrack.case_status import ENDED_STATUSES
from casetrack.dates import display_text, from_stored, parse_date
from casetrack.deadlines.recount import DEADLINE_KIND, count_deadline, recount
from casetrack.deadlines.rules import (
    Rule,
    check_rule,
    get_rule,
    insert_rule,
    refuse_service,
    rule_said,
    service_name,
    update_rule,
    user_rule,
)
from casetrack.errors import CasetrackError, NotFoundError, nothing_to_change
from casetrack.models import Case
from casetrack.sql import placeholders
from casetrack.store import Store
from casetrack.text import article, clean_text, did_you_mean, name_key, noun

# Rules -------------------------------------------------------------------------------------


def add_rule(store: Store, rule: Rule) -> Rule:
    """Store a user's rule, its trigger kinds checked against the store's kinds."""
    with store.write() as conn:
        return insert_rule(conn, _known_triggers(conn, rule))


def _known_triggers(conn: sqlite3.Connection, rule: Rule) -> Rule:
    """A trigger typed by hand is a kind the store knows, named as the store names it: a
    mistyped one ('judgement') would leave the rule running from nothing. (An import brings
    its kinds with it.)"""
    from casetrack.writer import check_kind

    triggers = tuple(check_kind(conn, kind) for kind in check_rule(rule).triggers)
    return replace(rule, triggers=tuple(dict.fromkeys(triggers)))


def edit_rule(store: Store, rule_id: str, changes: dict[str, Any]) -> tuple[Rule, list[int], bool]:
    """Change a user's rule; every deadline counted by it is counted again in the same write.
    Returns the rule, the deadlines that moved and whether anything changed."""
    with store.write() as conn:
        rule = user_rule(conn, rule_id)
        if not changes:
            raise nothing_to_change("--days", "rule edit")
        rule = replace(rule, **changes)
        if "triggers" in changes:
            rule = _known_triggers(conn, rule)
        if not update_rule(conn, rule):
            return rule, [], False
        return get_rule(conn, rule.id), recount(conn, "d.rule = ?", (rule.id,)), True


def remove_rule(store: Store, rule_id: str) -> str:
    """Remove a user's rule no deadline is counted by."""
    with store.write() as conn:
        rule = user_rule(conn, rule_id)
        used = [str(r[0]) for r in conn.execute(
            "SELECT milestone_id FROM deadlines WHERE rule = ? ORDER BY 1", (rule.id,)
        )]  # fmt: skip
        if used:
            raise CasetrackError(
                f"rule {rule.id!r} counts {noun(len(used), 'deadline')} {', '.join(used)}:"
                " remove them"
                " first ('casetrack rm ID')"
            )
        conn.execute("DELETE FROM rules WHERE id = ?", (rule.id,))
    return rule.id


def rule_uses(conn: sqlite3.Connection, rule_id: str) -> int:
    """How many deadlines a rule counted, which `rule list` and `rule show` give: editing the
    rule counts them all again."""
    row = conn.execute("SELECT count(*) FROM deadlines WHERE rule = ?", (rule_id,)).fetchone()
    return int(row[0])


# Closures ----------------------------------------------------------------------------------


def _court(court: str) -> str:
    cleaned = clean_text(court)
    if not name_key(cleaned):
        raise CasetrackError("a closure needs a court, as its cases name it (casetrack case show)")
    return cleaned


def _courts_cases(conn: sqlite3.Connection, court: str) -> dict[int, str]:
    """The cases heard by `court` (compared as names are), with the court as each spells it."""
    return {
        case_id: name
        for case_id, name in conn.execute("SELECT id, court FROM cases WHERE court IS NOT NULL")
        if name_key(name) == name_key(court)
    }


def _recount_court(conn: sqlite3.Connection, court: str) -> list[int]:
    ids = tuple(_courts_cases(conn, court))
    if not ids:
        return []
    return recount(conn, f"c.id IN ({placeholders(ids)})", ids)


@dataclass(frozen=True)
class ClosureAdded:
    """A recorded closure: the court as its cases spell it, the day (ISO), the deadlines
    counted again, and a warning when no case is heard there (a mistyped court counts for none)."""

    court: str
    day: str
    moved: list[int]
    warning: str | None = None


def add_closure(store: Store, court: str, day: str, reason: str | None) -> ClosureAdded:
    """Record a day a court was closed; its cases' deadlines are counted again."""
    name, when = _court(court), _one_day(day)
    with store.write() as conn:
        heard = _courts_cases(conn, name)
        name = next(iter(heard.values()), name)
        if conn.execute("SELECT 1 FROM closures WHERE court_key = ? AND day = ?",
                        (name_key(name), when)).fetchone():  # fmt: skip
            raise CasetrackError(f"{name} is already recorded closed on {day}")
        conn.execute(
            "INSERT INTO closures (court, court_key, day, reason) VALUES (?, ?, ?, ?)",
            (name, name_key(name), when, clean_text(reason or "") or None),
        )
        return ClosureAdded(
            name, when, _recount_court(conn, name), None if heard else _no_case_at(conn, name)
        )


def _no_case_at(conn: sqlite3.Connection, court: str) -> str:
    courts = [
        str(r[0]) for r in conn.execute("SELECT DISTINCT court FROM cases WHERE court IS NOT NULL")
    ]
    return (
        f"no case is heard at {court!r}{did_you_mean(court, courts)}: the closure counts for a"
        " case once it names that court ('casetrack case edit SLUG --court ...')"
    )


def remove_closure(store: Store, court: str, day: str) -> list[int]:
    """Forget a court's closure and count that court's deadlines again in the same write; returns
    those that moved. A day not recorded is refused, naming the court's recorded days or the
    closest court."""
    name, when = _court(court), _one_day(day)
    with store.write() as conn:
        gone = conn.execute(
            "DELETE FROM closures WHERE court_key = ? AND day = ?", (name_key(name), when)
        ).rowcount
        if not gone:
            days = [
                display_text(str(r[0]))
                for r in conn.execute(
                    "SELECT day FROM closures WHERE court_key = ? ORDER BY day LIMIT 6",
                    (name_key(name),),
                )
            ]
            if days:  # the court is right: the day is what was mistyped
                hint = f" (it is closed on {', '.join(days[:5])}{', ...' if len(days) > 5 else ''})"
            else:
                courts = [r[0] for r in conn.execute("SELECT DISTINCT court FROM closures")]
                hint = did_you_mean(name, courts)
            raise NotFoundError(
                f"no closure of {name} on {day}{hint}: see 'casetrack closure list'"
            )
        return _recount_court(conn, name)


def list_closures(store: Store, court: str | None = None) -> Iterator[dict[str, Any]]:
    """Recorded closures (of one court), by day, read as they are written."""
    rows = store.conn.execute(
        "SELECT court, court_key, day, reason FROM closures ORDER BY day, court"
    )
    key = name_key(court) if court else None
    return (
        {"court": name, "date": day, "reason": reason}
        for name, court_key, day, reason in rows
        if key is None or court_key == key
    )


def one_day(text: str, refusal: str) -> date:
    """The one day the text names: a court closes, and days left are counted, by whole days,
    so a month, a range or an approximate day is refused (`refusal` says what to type)."""
    value = parse_date(text)
    if value.precision != "day" or value.approximate or value.uncertain or value.start is None:
        raise CasetrackError(f"{refusal}, not {text!r}")
    return value.start


def _one_day(text: str) -> str:
    return one_day(text, "a closure is one day: give it as 2024-07-05").isoformat()


def edit_case(store: Store, slug: str, **fields: str | None) -> tuple[Case, list[int], bool]:
    """Change a case's details (casetrack.cases.set_case_fields); another court means other
    closures, so its deadlines are counted again in the same write. Returns the case, the
    deadlines that moved and whether anything changed."""
    from casetrack.cases import get_case, set_case_fields

    with store.write() as conn:
        before = get_case(store, slug)
        if all(value is None for value in fields.values()):
            raise nothing_to_change("--status", "case edit")
        case = set_case_fields(store, slug, **fields)
        moved = recount(conn, "c.id = ?", (case.id,)) if fields.get("court") is not None else []
    return case, moved, case != before


# Deadlines ---------------------------------------------------------------------------------


@dataclass
class Added:
    milestone_id: int
    date: str
    working: str
    rule: Rule


def deadline_title(rule_title: str) -> str:
    """A deadline's title from its rule's: 'Notice of appeal (civil) due', but a rule whose
    title already says it is due ('Application due (4 months)') as it is."""
    import re

    return rule_title if re.search(r"\bdue\b", rule_title, re.IGNORECASE) else f"{rule_title} due"


def add_deadline(
    store: Store,
    case: str,
    rule_id: str,
    trigger_id: int,
    *,
    service: str | None = None,
    title: str | None = None,
    any_trigger: bool = False,
    another: bool = False,
) -> Added:
    """Count `rule` from milestone `trigger_id` and record the result as a milestone of kind
    deadline in `case`, linked to its trigger and rule, with the working. The same rule
    counted from the same milestone again is refused (a duplicate would be silent) unless
    `another` asks for a second one."""
    from casetrack.cases import require_case_id
    from casetrack.drafts import Draft, check
    from casetrack.writer import MilestoneWriter

    if service is not None:
        service = service_name(service)
    with store.write() as conn:
        rule = get_rule(conn, rule_id)
        if service is not None:
            refuse_service(rule, service)
        case_id = require_case_id(conn, case, to_add=True)
        trigger = conn.execute(
            "SELECT m.case_id, c.slug, m.kind, m.title, m.deleted_at FROM milestones m"
            " JOIN cases c ON c.id = m.case_id WHERE m.id = ?",
            (trigger_id,),
        ).fetchone()
        if trigger is None or trigger[4] is not None:
            where = "in the trash" if trigger else "not there"
            raise NotFoundError(
                f"milestone {trigger_id} is {where}: --from takes the id of the event that"
                f" starts the period (see 'casetrack timeline {case}')"
            )
        if trigger[0] != case_id:
            raise CasetrackError(
                f"milestone {trigger_id} is in case {trigger[1]}, not {case}: count it there"
                f" ('casetrack deadline add {trigger[1]} ...')"
            )
        if not rule.runs_from_kind(trigger[2]) and not any_trigger:
            raise CasetrackError(
                f"rule {rule.id} runs from {rule.triggers_said}; milestone"
                f" {trigger_id} is {article(trigger[2])} (give --any-trigger to count from it"
                " anyway)"
            )
        same = conn.execute(
            "SELECT d.milestone_id, m.date FROM deadlines d JOIN milestones m"
            " ON m.id = d.milestone_id WHERE d.trigger_id = ? AND d.rule = ?"
            " AND m.deleted_at IS NULL ORDER BY d.milestone_id LIMIT 1",
            (trigger_id, rule.id),
        ).fetchone()
        if same is not None and not another:
            raise CasetrackError(
                f"deadline {same[0]} ({display_text(same[1])}) is already counted by rule"
                f" {rule.id} from milestone {trigger_id}: see 'casetrack show {same[0]}'"
                " (give --another to add a second one)"
            )
        mail = (service or rule.service) == "mail"
        computed = count_deadline(conn, rule, trigger_id, mail)
        draft = Draft(case, computed.date, title or deadline_title(rule.title),
                      kind=DEADLINE_KIND)  # fmt: skip
        writer = MilestoneWriter(conn)
        (milestone_id,) = writer.insert([writer.resolve(check(draft), case_id).row()])
        conn.execute(
            "INSERT INTO deadlines (milestone_id, trigger_id, rule, service, working)"
            " VALUES (?, ?, ?, ?, ?)",
            (milestone_id, trigger_id, rule.id, "mail" if mail else None, computed.working),
        )
    return Added(milestone_id, computed.date, computed.working, rule)


def deadline_details(conn: sqlite3.Connection, milestone_id: int) -> dict[str, Any] | None:
    """What `show` says of a deadline: its rule, trigger, working and whether it is done."""
    row = conn.execute(
        "SELECT d.rule, d.trigger_id, t.title, d.service, d.working, d.done_at, t.deleted_at,"
        " t.kind FROM deadlines d LEFT JOIN milestones t ON t.id = d.trigger_id"
        " WHERE d.milestone_id = ?",
        (milestone_id,),
    ).fetchone()
    if row is None:
        return None
    rule_id, trigger_id, trigger_title, service, working, done_at, trashed, kind = row
    details: dict[str, Any] = {}
    if rule_id is not None:
        details["rule"] = rule_said(conn, rule_id)
        if trigger_id is not None:
            rule = get_rule(conn, rule_id)
            details["counted from"] = (
                f"{trigger_id} {trigger_title}"
                + (f" (in the trash: 'casetrack restore {trigger_id}')" if trashed else "")
                + (
                    ""
                    if rule.runs_from_kind(kind)
                    else f" ({article(kind)}: the rule runs from {rule.triggers_said})"
                )
            )
        else:  # erasing the trigger blanks the working; an import of a selection keeps it
            details["counted from"] = (
                "(trigger erased)" if working is None else "(trigger not in this store)"
            )
        details["service"] = service
        details["working"] = working
    details["done"] = done_at
    return {k: v for k, v in details.items() if v is not None}


@dataclass
class Due:
    """A deadline that falls due, with the days left (negative: overdue) as of a day."""

    id: int
    case: str
    due: str  # EDTF
    title: str
    rule: str | None
    days_left: int
    first: date
    last: date
    days_to_last: int  # the same as days_left for a deadline on one day
    days_to_first: int  # negative: its earliest possible day has passed
    trigger_in_trash: int | None = None  # the id of its trigger, when that is in the trash

    @property
    def overdue(self) -> bool:
        """Its last possible day has passed: listed first, marked OVERDUE."""
        return self.days_left < 0

    @property
    def maybe_overdue(self) -> bool:
        """A range whose first possible day has passed but not its last: it may be overdue."""
        return self.days_to_first < 0 <= self.days_to_last

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "case": self.case, "due": self.due, "days_left": self.days_left,
                "days_to_first": self.days_to_first, "days_to_last": self.days_to_last,
                "overdue": self.overdue,
                "maybe_overdue": self.maybe_overdue, "title": self.title,
                "rule": self.rule, "trigger_in_trash": self.trigger_in_trash}  # fmt: skip


def _due_rows(
    conn: sqlite3.Connection, as_of: date, days: int, cases: list[str] | None, ended: bool | None
) -> tuple[str, list[object]]:
    """The FROM and WHERE of the open deadlines `upcoming` lists, with their values: those of
    a settled or closed case only (`ended`), all but those (False), or all (None)."""
    from datetime import timedelta

    from casetrack.selection import Filters, where_clause

    horizon = as_of + timedelta(days=min(days, (date.max - as_of).days))
    where, chosen = where_clause(conn, Filters(cases=cases or []))
    return (
        " FROM milestones m JOIN cases c ON c.id = m.case_id"
        " LEFT JOIN deadlines d ON d.milestone_id = m.id"
        " LEFT JOIN milestones t ON t.id = d.trigger_id AND t.deleted_at IS NOT NULL"
        f" WHERE m.kind = ? AND {where} AND c.deleted_at IS NULL"
        + ("" if ended is None else f" AND {'' if ended else 'NOT '}{_ENDED_CASE}")
        + " AND d.done_at IS NULL AND m.date_start IS NOT NULL AND m.date_start <= ?",
        [DEADLINE_KIND, *chosen, *(() if ended is None else ENDED_STATUSES), horizon.isoformat()],
    )


# A case whose matter is over (settled or closed): `upcoming` leaves its deadlines out.
_ENDED_CASE = f"c.status IN ({placeholders(ENDED_STATUSES)})"


def upcoming(
    conn: sqlite3.Connection,
    as_of: date,
    days: int,
    cases: list[str] | None = None,
    *,
    every: bool = False,
) -> Iterator[Due]:
    """Open deadlines (milestones of kind deadline, not done) overdue as of `as_of`, then
    those falling due within `days`, soonest first, read as they are listed. A deadline in a
    range counts by its first possible day: the day to act by. Those of a settled or closed
    case are left out unless asked for (`every`) or their case is named: a matter that is
    over has nothing to act on, unless one looks at it (ended_left_out counts them)."""
    ended = None if _with_ended(cases, every) else False
    rows_from, values = _due_rows(conn, as_of, days, cases, ended)
    # Overdue (wholly past) first, then by first and last day: the order people act in.
    rows = conn.execute(
        "SELECT m.id, c.slug, m.date, m.date_start, m.date_end, m.precision, m.approximate,"
        f" m.uncertain, m.title, d.rule, t.id{rows_from}"
        " ORDER BY coalesce(m.date_end, m.date_start) >= ?, m.date_start,"
        " coalesce(m.date_end, m.date_start), m.id",
        (*values, as_of.isoformat()),
    )
    for row in rows:
        mid, slug, text, start, end, precision, approximate, uncertain, title, rule, trashed = row
        value = from_stored(text, start, end, precision, bool(approximate), bool(uncertain))
        assert value.start is not None
        first, last = value.start, value.end or value.start
        # A range not over yet is due now; one wholly past is overdue by its last day.
        left = (first - as_of).days if first >= as_of else min(0, (last - as_of).days)
        yield Due(
            mid, slug, text, title, rule, left, first, last, (last - as_of).days,
            (first - as_of).days, trashed,
        )  # fmt: skip


def ended_left_out(
    conn: sqlite3.Connection,
    as_of: date,
    days: int,
    cases: list[str] | None = None,
    *,
    every: bool = False,
) -> int:
    """How many deadlines `upcoming`, asked the same, leaves out because their case is
    settled or closed, so that the listing can say they exist and how to see them."""
    if _with_ended(cases, every):
        return 0
    rows_from, values = _due_rows(conn, as_of, days, cases, True)
    return int(conn.execute(f"SELECT count(*){rows_from}", values).fetchone()[0])


def _with_ended(cases: list[str] | None, every: bool) -> bool:
    """Whether `upcoming` lists the deadlines of settled or closed cases too: asked for
    (`every`), or a case named, which one looks at whatever its status."""
    return every or bool(cases)


def trashed_triggers(
    conn: sqlite3.Connection, *, triggers: Sequence[int] = (), deadlines: Sequence[int] = ()
) -> list[str]:
    """Warnings, one a trigger, for the open deadlines (not in the trash, not done) counted
    from a milestone now in the trash, among those counted from `triggers` or among
    `deadlines`: each keeps its date, and is still counted again when its rule or a court
    closure changes, but the event it runs from is gone from the timeline. Each warning names
    the deadlines and says what to do: restore the trigger, or remove the deadlines (a
    deadline cannot be moved to another trigger: remove it and count it again)."""
    import json

    rows = conn.execute(
        "SELECT d.trigger_id, d.milestone_id, m.date, d.rule FROM deadlines d"
        " JOIN milestones m ON m.id = d.milestone_id AND m.deleted_at IS NULL"
        " JOIN milestones t ON t.id = d.trigger_id AND t.deleted_at IS NOT NULL"
        " WHERE d.done_at IS NULL AND (d.trigger_id IN (SELECT value FROM json_each(?))"
        " OR d.milestone_id IN (SELECT value FROM json_each(?)))"
        " ORDER BY d.trigger_id, d.milestone_id",
        (json.dumps(list(triggers)), json.dumps(list(deadlines))),
    ).fetchall()
    by_trigger: dict[int, list[tuple[int, str, str]]] = {}
    for trigger_id, deadline_id, day, rule_id in rows:
        by_trigger.setdefault(trigger_id, []).append((deadline_id, day, rule_id))
    warnings = []
    for trigger_id, started in by_trigger.items():
        ids = [str(d[0]) for d in started]
        said = ", ".join(f"{d} ({display_text(day)}, {rule_id})" for d, day, rule_id in started)
        warnings.append(
            f"milestone {trigger_id} is in the trash and starts {noun(len(started), 'deadline')}"
            f" {said}, still open: 'casetrack restore {trigger_id}' brings the trigger back,"
            f" or 'casetrack rm {' '.join(ids)}' removes the {noun(len(ids), 'deadline')} too"
        )
    return warnings
