"""`casetrack rule ...`, `closure ...`, `deadline add` and `upcoming`: deadlines counted from
court rules, with their working, and what falls due next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casetrack.cli.common import (
    FormatOption,
    OutputFormat,
    choice_option,
    counted,
    emit,
    emit_one,
    open_store,
    out,
    say,
    say_edited,
    say_folded,
    say_recounted,
)
from casetrack.cli.filters import with_options
from casetrack.text import plural

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from casetrack.deadlines.due import Due
    from casetrack.deadlines.rules import Rule

rules_app = typer.Typer(help="List, show, add, edit and remove court rules.", no_args_is_help=True)
closures_app = typer.Typer(
    help="Days a court was closed: they count as holidays.", no_args_is_help=True
)
# Days before a deadline a calendar's reminder rings, unless --alarm says otherwise.
ALARM_DAYS = 3
deadlines_app = typer.Typer(help="Deadlines counted from a court rule.", no_args_is_help=True)

RuleId = Annotated[str, typer.Argument(metavar="RULE", help="Rule id, e.g. us-frap-4a1a.")]
Court = Annotated[str, typer.Argument(metavar="COURT", help="The court, as its cases name it.")]
Day = Annotated[str, typer.Argument(metavar="DATE", help="The day it was closed: 2024-07-05.")]


def _methods() -> tuple[str, ...]:
    from casetrack.deadlines.counting import METHODS

    return tuple(METHODS)


def _runs_from_words() -> tuple[str, ...]:
    from casetrack.deadlines.rules import RUNS_FROM

    return tuple(RUNS_FROM)


def _service(value: str | None) -> str | None:
    """--service as a word people use (e-mail, ECF, post, in person), checked at once."""
    from casetrack.deadlines.rules import service_name
    from casetrack.errors import CasetrackError

    try:
        return None if value is None else service_name(value)
    except CasetrackError as err:
        raise typer.BadParameter(str(err)) from None


Days = Annotated[
    int | None, typer.Option(metavar="N", min=0, max=100_000, help="A period in calendar days.")
]
CourtDays = Annotated[
    int | None,
    typer.Option(
        "--court-days",
        metavar="N",
        min=0,
        max=100_000,
        help="A period in court days (weekends, holidays, closures not counted).",
    ),
]
Months = Annotated[
    int | None, typer.Option(metavar="N", min=0, max=1200, help="A period in months.")
]
Hours = Annotated[
    int | None, typer.Option(metavar="N", min=0, max=100_000, help="A period in hours.")
]
Method = Annotated[
    str | None,
    choice_option(
        "--method",
        help="How to count: us-frcp-6a (FRCP 6(a), the default), echr (a last day on a"
        " weekend or holiday is not extended), fr-cpc-641 (CPC 640-642) or gb-cpr-2-8 (CPR"
        " 2.8: 5 days or less skip weekends and bank holidays).",
        choices=_methods,
        what="counting method",
        show_default=False,
    ),
]
Holidays = Annotated[
    str | None,
    typer.Option(
        "--holidays", metavar="CALENDAR", help="Public holidays: US, US-NY, FR, FR-57, ... or none."
    ),
]
Citation = Annotated[str | None, typer.Option(help="Where the rule is, e.g. 'CPLR 5513(a)'.")]
Title = Annotated[str | None, typer.Option(help="What is due, in a few words.")]
Jurisdiction = Annotated[str | None, typer.Option(help="Where it applies, e.g. 'New York'.")]
Text = Annotated[str | None, typer.Option(help="The rule's text, or its gist.")]
Trigger = Annotated[
    list[str] | None,
    typer.Option(
        "--trigger", metavar="KIND", help="A kind of milestone it runs from (repeatable)."
    ),
]
Before = Annotated[
    bool | None,
    typer.Option(
        "--before/--after",
        help="Counted back before the event, or after it (the default).",
        show_default=False,
    ),
]
RuleService = Annotated[
    str | None,
    typer.Option(
        "--service",
        help="mail, electronic (e-mail, ECF) or hand: how papers are served unless a deadline"
        " says (mail adds the method's days).",
        callback=_service,
        show_default=False,
    ),
]

RunsFrom = Annotated[
    str | None,
    choice_option(
        "--runs-from",
        help="What the period runs from, as the built-in rules say: service or notification"
        " (a deadline's --service may add days), entry or pronouncement (of a judgment or"
        " order: a deadline's --service is refused). Not given: --service is taken as given;"
        " '' (rule edit) makes it not given again.",
        choices=_runs_from_words,
        what="runs-from",
        show_default=False,
        clears=True,
    ),
]


@dataclass(frozen=True)
class RuleOptions:
    """What `rule add` and `rule edit` take: a rule's values, each None when not given."""

    days: Days = None
    court_days: CourtDays = None
    months: Months = None
    hours: Hours = None
    before: Before = None
    method: Method = None
    holidays: Holidays = None
    citation: Citation = None
    title: Title = None
    jurisdiction: Jurisdiction = None
    text: Text = None
    trigger: Trigger = None
    service: RuleService = None
    runs_from: RunsFrom = None

    def changes(self) -> dict[str, Any]:
        """The Rule fields given, by name."""
        periods = (("days", self.days), ("court days", self.court_days),
                   ("months", self.months), ("hours", self.hours))  # fmt: skip
        given = [(amount, unit) for unit, amount in periods if amount is not None]
        if len(given) > 1:
            raise typer.BadParameter("give one of --days, --court-days, --months or --hours")
        changes: dict[str, Any] = {"amount": given[0][0], "unit": given[0][1]} if given else {}
        if self.before is not None:
            changes["direction"] = "before" if self.before else "after"
        texts = ("method", "holidays", "citation", "title", "jurisdiction", "text", "runs_from")
        changes |= {k: getattr(self, k) for k in texts if getattr(self, k) is not None}
        if self.trigger is not None:
            changes["triggers"] = tuple(self.trigger)
        if self.service is not None:
            changes["service"] = self.service if self.service == "mail" else None
        return changes


NO_OPTIONS = RuleOptions()


def _rule_record(rule: Rule, uses: int | None = None) -> dict[str, Any]:
    from casetrack.deadlines.rules import runs_from_word

    record: dict[str, Any] = {
        "id": rule.id,
        "title": rule.title,
        "period": rule.period,
        "jurisdiction": rule.jurisdiction,
        "citation": rule.citation,
        "method": rule.method,
        "holidays": rule.holidays,
        "triggers": ", ".join(rule.triggers),
        "runs_from": runs_from_word(rule),
        "service": rule.service,
        "builtin": rule.builtin,
    }
    if uses is not None:
        record["deadlines"] = uses
    return record


@rules_app.command("list")
def rule_list(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the court rules deadlines can be counted by: built-in ones, then yours."""
    from casetrack.deadlines.due import rule_uses
    from casetrack.deadlines.rules import all_rules

    store = open_store(ctx)
    rules = all_rules(store.conn)
    emit(
        (_rule_record(r, rule_uses(store.conn, r.id)) for r in rules),
        fmt,
        ["id", "period", "runs_from", "citation", "title", "holidays", "method", "deadlines"],
        flexible=("title",),
        droppable=("method", "holidays", "deadlines", "runs_from"),
    )
    _say_standing_in(rules)


def _say_standing_in(rules: Iterable[Rule]) -> None:
    """Warn, on stderr, of a user's rule that has a built-in rule's id (counted instead)."""
    from casetrack.deadlines.rules import standing_in

    for rule in rules:
        warning = standing_in(rule)
        if warning:
            say(f"warning: {warning}")


@rules_app.command("show")
def rule_show(ctx: typer.Context, rule_id: RuleId, fmt: FormatOption = OutputFormat.table) -> None:
    """Show a rule: its period, citation, text, holidays and counting method."""
    from casetrack.deadlines.due import rule_uses
    from casetrack.deadlines.rules import get_rule

    store = open_store(ctx)
    rule = get_rule(store.conn, rule_id)
    record = _rule_record(rule, rule_uses(store.conn, rule.id))
    record["text"] = rule.text
    del record["runs_from"]  # said in full, after the triggers
    at = list(record).index("triggers") + 1
    items = list(record.items())
    applies = [("applies from", _applies_from(rule))] if rule.applies_from else []
    record = dict([*items[:at], ("runs from", _runs_from(rule)), *applies, *items[at:]])
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        record = rule.to_dict() | {
            "runs_from": rule.runs_from or None,
            "from_service": rule.from_service,
            "deadlines": record["deadlines"],
        }
    emit_one(record, fmt)
    _say_standing_in([rule])


def _applies_from(rule: Rule) -> str:
    """The first trigger day a rule counts from, and what an earlier one is counted by."""
    from casetrack.dates import display_text

    return f"{display_text(rule.applies_from)}; before: {rule.earlier}"


def _runs_from(rule: Rule) -> str:
    """The event a rule's period runs from, and whether --service can add days to it."""
    if rule.from_service is None:
        return "not said: --service is taken as given (rule edit --runs-from says it)"
    if rule.from_service and rule.mail_note:
        return f"{rule.runs_from}: service, but mail adds no days ({rule.mail_note})"
    if rule.from_service:
        return f"{rule.runs_from}: service (--service says how it was made)"
    return f"{rule.runs_from}: not service (--service is refused)"


@rules_app.command("add")
@with_options(RuleOptions, "options")
def rule_add(ctx: typer.Context, rule_id: RuleId, options: RuleOptions = NO_OPTIONS) -> None:
    """Add your own court rule.

    Example: casetrack rule add ny-cplr-5513a --days 30 --method us-frcp-6a --holidays US-NY
    --citation "CPLR 5513(a)" --title "Notice of appeal (NY)" --trigger judgment

    Without --method it counts as FRCP 6(a) (us-frcp-6a); fr-cpc-641 counts as the French
    codes do; echr as the European Court of Human Rights does (a period ending on a weekend or
    holiday is not extended); gb-cpr-2-8 as the CPR of England and Wales do. --holidays
    defaults to US with us-frcp-6a, to FR with fr-cpc-641, to none with echr, to GB-ENG with
    gb-cpr-2-8.
    """
    from casetrack.deadlines.due import add_rule
    from casetrack.deadlines.rules import check_rule, new_rule

    given = options.changes()
    if "amount" not in given:
        raise typer.BadParameter(
            "give the period: --days N, --court-days N, --months N or --hours N"
        )
    rule = check_rule(new_rule(rule_id, **given))  # before a store is created for it
    added = add_rule(open_store(ctx, create=True), rule)
    say(f"added rule {added.id}: {added.period}, {added.citation}")


@rules_app.command("edit")
@with_options(RuleOptions, "options")
def rule_edit(ctx: typer.Context, rule_id: RuleId, options: RuleOptions = NO_OPTIONS) -> None:
    """Change one of your rules; every deadline counted by it is counted again.

    Example: casetrack rule edit ny-cplr-5513a --days 35
    """
    from casetrack.deadlines.due import edit_rule

    rule, moved, changed = edit_rule(open_store(ctx), rule_id, options.changes())
    say_edited(f"rule {rule.id}", changed, f": {rule.period}, {rule.citation}")
    say_recounted(moved)


@rules_app.command("rm")
def rule_rm(ctx: typer.Context, rule_id: RuleId) -> None:
    """Remove one of your rules that no deadline is counted by."""
    from casetrack.deadlines.due import remove_rule

    say(f"removed rule {remove_rule(open_store(ctx), rule_id)}")


@closures_app.command("add")
def closure_add(
    ctx: typer.Context,
    court: Court,
    day: Day,
    reason: Annotated[str | None, typer.Option(help="Why, e.g. 'flood'.")] = None,
) -> None:
    """Record a day a court was closed; it counts as a holiday for that court's cases.

    Example: casetrack closure add "S.D.N.Y." 2024-07-15 --reason "power cut"
    """
    from casetrack.dates import display_text
    from casetrack.deadlines.due import add_closure

    added = add_closure(open_store(ctx, create=True), court, day, reason)
    say(f"recorded {added.court} closed on {display_text(added.day)}")
    if added.warning:
        say(f"warning: {added.warning}")
    say_recounted(added.moved)


@closures_app.command("list")
def closure_list(
    ctx: typer.Context,
    court: Annotated[str | None, typer.Argument(metavar="[COURT]", help="Only this court.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the recorded court closures."""
    from casetrack.deadlines.due import list_closures

    emit(
        list_closures(open_store(ctx), court),
        fmt,
        ["date", "court", "reason"],
        flexible=("court", "reason"),
        dates=("date",),
        empty="no closures: record one with 'casetrack closure add COURT DATE'",
    )


@closures_app.command("rm")
def closure_rm(ctx: typer.Context, court: Court, day: Day) -> None:
    """Remove a recorded closure; that court's deadlines are counted again."""
    from casetrack.deadlines.due import remove_closure

    moved = remove_closure(open_store(ctx), court, day)
    say(f"removed the closure of {court} on {day}")
    say_recounted(moved)


@deadlines_app.command("add")
def deadline_add(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(metavar="CASE", help="Case slug.")],
    rule: Annotated[str, typer.Option("--rule", "-r", metavar="RULE", help="Rule id.")],
    trigger: Annotated[
        int,
        typer.Option(
            "--from",
            metavar="MILESTONE_ID",
            callback=counted,
            help="The milestone that starts the period (a judgment, ...).",
        ),
    ],
    service: Annotated[
        str | None,
        typer.Option(
            "--service",
            help="How the paper the period runs from was served: mail, electronic (e-mail,"
            " ECF) or hand; mail adds the method's days (FRCP 6(d): 3), electronic service"
            " none. Refused for a rule that runs from entry of judgment or another event than"
            " service ('casetrack rule show RULE' says which).",
            callback=_service,
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Title (default: the rule's, with 'due' unless it says it).")
    ] = None,
    any_trigger: Annotated[
        bool,
        typer.Option(
            "--any-trigger", help="Count from a milestone of a kind the rule does not name."
        ),
    ] = False,
    another: Annotated[
        bool,
        typer.Option(
            "--another",
            help="Add it even though the rule is already counted from that milestone.",
        ),
    ] = False,
) -> None:
    """Count a deadline from a milestone by a court rule, and add it (kind deadline).

    Example: casetrack deadline add acme-2024 --rule us-frap-4a1a --from 12

    'casetrack show ID' gives the working. When the trigger's date, the rule or a court
    closure changes, the deadline is counted again in the same change (one undo).
    """
    from casetrack.dates import display_text
    from casetrack.deadlines.due import add_deadline

    added = add_deadline(
        open_store(ctx), case, rule, trigger, service=service, title=title,
        any_trigger=any_trigger, another=another,
    )  # fmt: skip
    say(f"deadline {added.milestone_id}: {display_text(added.date)} ({added.rule.id})")
    say_folded(f"working: {added.working}")
    typer.echo(added.milestone_id)


def upcoming(
    ctx: typer.Context,
    cases: Annotated[
        list[str] | None, typer.Argument(metavar="[CASE]...", help="Only these cases.")
    ] = None,
    days: Annotated[
        int, typer.Option(metavar="DAYS", min=0, max=36_500, help="How far ahead to look.")
    ] = 30,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="Count days left from this day (default: today)."
        ),
    ] = None,
    fmt: Annotated[
        str,
        choice_option(
            "--format",
            "-f",
            help="Output format (ics: a calendar file with reminders).",
            choices=lambda: (*(f.value for f in OutputFormat), "ics"),
        ),
    ] = "table",
    alarm: Annotated[
        int | None,
        typer.Option(
            metavar="DAYS",
            min=0,
            max=365,
            help=f"With --format ics, the reminder this many days before (default: {ALARM_DAYS}).",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Also the deadlines of settled or closed cases (left out unless their case is"
            " named).",
        ),
    ] = False,
) -> None:
    """What falls due: open deadlines across cases, soonest first, with the days left;
    overdue ones first, marked. Mark one done with 'casetrack edit ID --done'.

    Example: casetrack upcoming --days 60 ; casetrack upcoming -f ics > due.ics
    """
    from casetrack.case_status import ENDED_STATUSES
    from casetrack.deadlines.due import ended_left_out
    from casetrack.deadlines.due import upcoming as select

    if alarm is not None and fmt != "ics":  # a table has no reminder: say so, as --excel does
        raise typer.BadParameter("only a calendar takes it: add --format ics", param_hint="--alarm")
    store = open_store(ctx)
    today = _as_of(as_of)
    orphans: list[int] = []  # deadlines listed whose trigger is in the trash: said after

    def noted(listed: Iterable[Due]) -> Iterator[Due]:
        for d in listed:
            if d.trigger_in_trash is not None:
                orphans.append(d.id)
            yield d

    due = noted(select(store.conn, today, days, cases, every=every))
    if fmt == "ics":
        from casetrack.exchange.ics import deadlines_ics

        out(deadlines_ics(store.conn, [d.id for d in due], ALARM_DAYS if alarm is None else alarm))
    else:
        _list_due(due, OutputFormat(fmt), days, today)
    left_out = ended_left_out(store.conn, today, days, cases, every=every)
    if left_out:
        ended = " or ".join(ENDED_STATUSES)
        whose = f"a {ended} case" if left_out == 1 else f"{ended} cases"
        say(f"{plural(left_out, 'deadline')} of {whose} left out: --all lists"
            f" {'it' if left_out == 1 else 'them'}")  # fmt: skip
    if orphans:
        from casetrack.deadlines.due import trashed_triggers

        for warning in trashed_triggers(store.conn, deadlines=orphans):
            say(f"warning: {warning}")


def _list_due(due: Iterable[Due], chosen: OutputFormat, days: int, today: date) -> None:
    """upcoming's listing, in a format other than a calendar."""
    from casetrack.dates import display_text
    from casetrack.output.listings import TITLE_COMFORT

    records: Iterable[dict[str, Any]] = (d.to_dict() for d in due)
    if chosen in (OutputFormat.table, OutputFormat.markdown):
        records = (
            {"id": d.id, "due": d.due, "left": _left(d), "case": d.case, "title": d.title,
             "rule": d.rule or ""}
            for d in due
        )  # fmt: skip
    emit(
        records,
        chosen,
        None,
        flexible=("due", "left", "title"),
        droppable=("rule",),
        dates=("due",),
        comfort=TITLE_COMFORT,
        empty=f"nothing due within {days} days of {display_text(today.isoformat())}",
    )


def _left(due: Due) -> str:
    """Days left as a person reads them: "OVERDUE 3 days", "today", "5 days", and for a
    deadline that is one day in a range, "0-14 days" (an en dash), or once its first day has
    passed, "maybe OVERDUE" (the due column gives its last day)."""
    first, last = due.days_left, due.days_to_last
    if first < 0:
        return f"OVERDUE {plural(-first, 'day')}"
    if due.maybe_overdue:
        return "maybe OVERDUE"
    if last != first:
        return f"{first}\u2013{last} days"
    if first == 0:
        return "today"
    return plural(first, "day")


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    from casetrack.deadlines.due import one_day

    return one_day(text, "--as-of is one day, e.g. 2024-07-01")


def register(app: typer.Typer) -> None:
    """Add the deadline commands to `app`; casetrack.cli orders the groups for --help."""
    app.add_typer(rules_app, name="rule")
    app.add_typer(closures_app, name="closure")
    app.add_typer(deadlines_app, name="deadline")
    app.command()(upcoming)
