"""Deadlines counted from court rules, driven through the CLI as a user does: the checks
issue #21 asks for, kept in step with their trigger, rules and closures, and `upcoming`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.test_format_schema import assert_valid_exports


def judgment(cli: Cli, day: str, case: str = "acme", court: str = "S.D.N.Y.",
             kind: str = "judgment") -> int:  # fmt: skip
    if not cli.db_path.exists() or not cli.query("SELECT 1 FROM cases WHERE slug = ?", (case,)):
        cli("case", "add", case, "--title", f"{case} case", "--court", court)
    return int(cli("add", case, day, "Judgment entered", "--kind", kind).stdout.split()[-1])


def deadline(cli: Cli, rule: str, trigger: int, *extra: str, case: str = "acme") -> int:
    result = cli("deadline", "add", case, "--rule", rule, "--from", str(trigger), *extra)
    return int(result.stdout.split()[-1])


def stored_date(cli: Cli, milestone_id: int) -> str:
    return str(cli.query("SELECT date FROM milestones WHERE id = ?", (milestone_id,))[0][0])


@pytest.mark.parametrize(
    ("rule", "trigger", "due"),
    [
        ("us-frap-4a1a", "2024-06-14", "2024-07-15"),  # 14 Jul is a Sunday
        ("us-frap-4a1a", "2024-06-04", "2024-07-05"),  # 4 Jul is Independence Day
        ("fr-cpp-498", "2024-07-04", "2024-07-15"),  # 14 Jul: a Sunday and the national day
        ("fr-cpc-538", "2024-01-31", "2024-02-29"),
        ("fr-cpc-538", "2025-01-31", "2025-02-28"),
        ("us-frap-4b1a", "2024-06-14", "2024-06-28"),
        ("us-frcp-59b", "2024-06-14", "2024-07-12"),
    ],
)
def test_the_issue_checks(cli: Cli, rule: str, trigger: str, due: str) -> None:
    court = "Tribunal judiciaire de Paris" if rule.startswith("fr") else "S.D.N.Y."
    trigger_id = judgment(cli, trigger, court=court)
    assert stored_date(cli, deadline(cli, rule, trigger_id)) == due


def test_show_gives_the_working(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    shown = cli("show", str(deadline_id)).stdout
    assert "us-frap-4a1a: FRAP 4(a)(1)(A), 30 days after" in shown
    assert "1 Judgment entered" in shown
    assert cli("show", str(deadline_id), "-f", "json").stdout.count(
        "30 days from Fri 14 Jun 2024 → Sun 14 Jul 2024, a Sunday → Mon 15 Jul 2024"
    )
    kind = cli.query("SELECT kind FROM milestones WHERE id = ?", (deadline_id,))
    assert kind == [("deadline",)]


def test_the_same_rule_from_the_same_milestone_twice_is_refused(cli: Cli) -> None:
    """A second `deadline add` of the same rule and trigger names the deadline it would
    duplicate; --another adds one all the same, and one in the trash does not count."""
    trigger = judgment(cli, "2024-07-04", court="Tribunal judiciaire de Paris")
    first = deadline(cli, "fr-cpp-498", trigger)
    before = cli.records()
    result = cli("deadline", "add", "acme", "--rule", "fr-cpp-498", "--from", str(trigger),
                 code=1)  # fmt: skip
    assert result.stderr == (
        f"casetrack: deadline {first} (15 Jul 2024) is already counted by rule fr-cpp-498 from"
        f" milestone {trigger}: see 'casetrack show {first}' (give --another to add a second"
        " one)\n"
    )
    assert cli.records() == before
    second = deadline(cli, "fr-cpp-498", trigger, "--another")
    cli("rm", str(first), str(second))
    deadline(cli, "fr-cpp-498", trigger)
    assert cli.query("SELECT count(*) FROM deadlines") == [(3,)]


def test_editing_the_trigger_moves_the_deadline_and_one_undo_restores_both(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    before = cli.records()
    cli("edit", str(trigger), "--date", "2024-06-17")
    assert stored_date(cli, deadline_id) == "2024-07-17"
    working = cli.query("SELECT working FROM deadlines WHERE milestone_id = ?", (deadline_id,))
    assert working == [("30 days from Mon 17 Jun 2024 → Wed 17 Jul 2024",)]
    history = cli("history").stdout
    assert "date: 15 Jul 2024 → 17 Jul 2024" in history
    cli("undo")
    assert cli.records() == before


def test_an_imprecise_trigger_gives_a_range_never_a_made_up_day(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    assert stored_date(cli, deadline_id) == "[2024-07-01..2024-07-30]"
    assert "Jun 2024 is not one day" in cli("show", str(deadline_id)).stdout
    cli("edit", str(trigger), "--date", "2024-06-14")
    assert stored_date(cli, deadline_id) == "2024-07-15"


def test_an_approximate_trigger_is_refused_with_the_reason(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    result = cli("edit", str(trigger), "--date", "c. 14 June 2024", code=1)
    assert "is approximate: a deadline counted from it would be a guess" in result.stderr
    assert stored_date(cli, trigger) == "2024-06-14"
    assert stored_date(cli, deadline_id) == "2024-07-15"
    other = judgment(cli, "before 2024-06-14")
    result = cli("deadline", "add", "acme", "--rule", "us-frap-4a1a", "--from", str(other), code=1)
    assert "has no first and last day" in result.stderr
    assert cli.query("SELECT count(*) FROM milestones") == [(3,)]


def test_a_deadline_date_is_the_rules_answer(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    result = cli("edit", str(deadline_id), "--date", "2024-07-20", code=1)
    assert "change the trigger's date" in result.stderr


def test_a_counted_deadline_keeps_its_kind_and_stays_upcoming(cli: Cli) -> None:
    """`edit --kind` on a counted deadline made it drop from `upcoming` while still counted:
    it is refused in one line saying what to do instead, as its date is, and writes nothing;
    the kind it has, given again, or with the rest of an edit, is no change of kind."""
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    before = cli.records()
    result = cli("edit", str(deadline_id), "--kind", "hearing", code=1)
    assert result.stderr == (
        f"casetrack: milestone {deadline_id} is a deadline counted from milestone {trigger} by"
        " rule us-frap-4a1a: it stays of kind deadline, as 'casetrack upcoming' lists it;"
        f" 'casetrack rm {deadline_id}' stops counting it, and 'casetrack add ... --kind"
        " hearing' adds a milestone of that kind\n"
    )
    assert cli.records() == before
    cli("edit", str(deadline_id), "--kind", "Deadline", "--title", "Notice of appeal due")
    assert cli.query("SELECT kind, title FROM milestones WHERE id = ?", (deadline_id,)) == [
        ("deadline", "Notice of appeal due")
    ]
    cli("edit", str(trigger), "--kind", "order")
    assert cli.query("SELECT kind FROM milestones WHERE id = ?", (trigger,)) == [("order",)]


def test_a_deadline_and_its_trigger_cannot_be_moved_apart_into_two_cases(cli: Cli) -> None:
    """`deadline add` counts from a milestone of the deadline's own case: `edit --case`
    refuses to part them the same way, in one line, and writes nothing."""
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    cli("case", "add", "appeal", "--title", "Appeal", "--court", "2d Cir.")
    before = cli.query("SELECT id, case_id FROM milestones ORDER BY id")
    moved = cli("edit", str(deadline_id), "--case", "appeal", code=1)
    assert moved.stderr == (
        f"casetrack: milestone {deadline_id} is a deadline counted from milestone {trigger}, in"
        f" case acme: it stays in that case, as 'casetrack deadline add' counts it\n"
    )
    moved = cli("edit", str(trigger), "--case", "appeal", code=1)
    assert moved.stderr == (
        f"casetrack: milestone {trigger} starts deadline {deadline_id} in case acme: a deadline"
        f" is counted from a milestone of its own case (remove it first: 'casetrack rm"
        f" {deadline_id}')\n"
    )
    assert cli.query("SELECT id, case_id FROM milestones ORDER BY id") == before
    cli("edit", str(trigger), "--case", "acme", "--title", "Judgment")  # its own case: fine
    cli("rm", str(deadline_id))
    cli("edit", str(trigger), "--case", "appeal")  # no live deadline left to part from


def test_a_trashed_deadline_is_kept_in_step_but_not_named_as_counted_again(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06-14")
    live = deadline(cli, "us-frap-4a1a", trigger)
    trashed = deadline(cli, "us-frcp-59b", trigger)
    cli("rm", str(trashed))
    edited = cli("edit", str(trigger), "--date", "2024-06-17").stderr
    assert f"counted again: deadline {live} (see 'casetrack show ID')" in edited
    assert stored_date(cli, trashed) == "2024-07-15"  # 28 days from 17 Jun: still in step


def test_refusals_name_what_to_type(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06-14", kind="hearing")
    result = cli("deadline", "add", "acme", "--rule", "us-frap-4aa1", "--from", str(trigger),
                 code=1)  # fmt: skip
    assert "did you mean 'us-frap-4a1a'" in result.stderr
    result = cli("deadline", "add", "acme", "--rule", "us-frap-4a1a", "--from", str(trigger),
                 code=1)  # fmt: skip
    assert "milestone 1 is a hearing (give --any-trigger" in result.stderr
    deadline(cli, "us-frap-4a1a", trigger, "--any-trigger")
    result = cli("deadline", "add", "acme", "--rule", "us-frap-4a1a", "--from", "99", code=1)
    assert "milestone 99 is not there" in result.stderr
    result = cli("deadline", "add", "acme", "--rule", "us-frap-4a1a", "--from", "1",
                 "--service", "mial", code=2)  # fmt: skip
    assert "did you mean 'mail'" in result.stderr
    assert result.stderr.count("\n") == 1


def served(cli: Cli, day: str = "2024-06-14") -> int:
    """A rule whose period runs from service of a paper (FRCP 33(b)(2): "within 30 days after
    being served with the interrogatories"), and the day the interrogatories were served."""
    cli("rule", "add", "us-frcp-33b2", "--days", "30", "--citation", "FRCP 33(b)(2)",
        "--title", "Answers to interrogatories", "--trigger", "service")  # fmt: skip
    return judgment(cli, day, kind="service")


def test_service_by_mail_adds_three_days(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frcp-33b2", served(cli), "--service", "mail")
    assert stored_date(cli, deadline_id) == "2024-07-18"
    working = cli.query("SELECT working FROM deadlines")[0][0]
    assert "Mon 15 Jul 2024; + 3 days for service by mail (FRCP 6(d)) → Thu 18 Jul" in working


@pytest.mark.parametrize(
    ("rule", "runs_from"),
    [("us-frcp-59b", "entry of judgment"), ("us-frap-4a1a", "entry of the judgment or order"),
     ("us-frap-4b1a", "entry of the judgment or order (or the government's notice of appeal)"),
     ("fr-cpp-498", "the pronouncement of the judgment")],
)  # fmt: skip
@pytest.mark.parametrize("word", ["US mail", "electronic", "hand"])
def test_service_on_a_rule_that_runs_from_entry_is_refused_and_nothing_written(
    cli: Cli, rule: str, runs_from: str, word: str
) -> None:
    """FRCP 6(d) and FRAP 26(c) add 3 days only to a period that runs from being served: FRCP
    59(b) (28 days after entry of judgment) and FRAP 4(a)(1)(A) (30 days after entry) run from
    entry, so a deadline given a service would be 3 days late or the flag meaningless."""
    trigger = judgment(cli, "2024-06-14")
    before = cli.records()
    result = cli("deadline", "add", "acme", "--rule", rule, "--from", str(trigger),
                 "--service", word, code=1)  # fmt: skip
    citation = cli("rule", "show", rule, "-f", "json").stdout
    assert result.stderr == (
        f"casetrack: rule {rule} ({json.loads(citation)['citation']}) runs from {runs_from},"
        " not from service, so how papers were served adds no days: drop --service\n"
    )
    assert cli.records() == before
    assert stored_date(cli, deadline(cli, rule, trigger)) == {
        "us-frcp-59b": "2024-07-12", "us-frap-4a1a": "2024-07-15", "us-frap-4b1a": "2024-06-28",
        "fr-cpp-498": "2024-06-24",
    }[rule]  # fmt: skip


def test_a_french_appeal_runs_from_notification_and_service_adds_no_days(cli: Cli) -> None:
    """CPC art. 538's month runs from the notification of the judgment (art. 528): --service
    is taken, and adds nothing (the French counting has no days for service by post)."""
    trigger = judgment(cli, "2024-01-31", court="Tribunal judiciaire de Paris")
    assert stored_date(cli, deadline(cli, "fr-cpc-538", trigger, "--service", "mail")) == (
        "2024-02-29"
    )
    shown = json.loads(cli("rule", "show", "fr-cpc-538", "-f", "json").stdout)
    assert (shown["runs_from"], shown["from_service"]) == (
        "notification of the judgment (CPC art. 528)",
        True,
    )
    assert "--service is refused" in cli("rule", "show", "us-frcp-59b").stdout


def test_your_rule_says_what_it_runs_from(cli: Cli, tmp_path: Path) -> None:
    """A user's rule could not say what its period runs from, so --service was taken on one
    running from entry of judgment: `rule add --runs-from` (the built-ins' words) stores it,
    `rule show` and `rule list` say it, --service is refused as on the built-in entry rules,
    and an export carries it."""
    cli("rule", "add", "ny-5513", "--days", "30", "--citation", "CPLR 5513(a)",
        "--runs-from", "Entry", "--trigger", "judgment")  # fmt: skip
    cli("rule", "add", "us-frcp-33b2", "--days", "30", "--citation", "FRCP 33(b)(2)",
        "--runs-from", "service", "--trigger", "service")  # fmt: skip
    assert cli.query("SELECT id, runs_from FROM rules ORDER BY id") == [
        ("ny-5513", "entry"), ("us-frcp-33b2", "service")
    ]  # fmt: skip
    assert "runs from     entry: not service (--service is refused)\n" in (
        cli("rule", "show", "ny-5513").stdout
    )
    listed = {r["id"]: r["runs_from"] for r in json.loads(cli("rule", "list", "-f", "json").stdout)}
    assert listed == {
        "fr-cpc-538": "notification", "fr-cpp-498": "pronouncement", "us-frap-4a1a": "entry",
        "us-frap-4b1a": "entry", "us-frcp-59b": "entry", "ny-5513": "entry",
        "us-frcp-33b2": "service", "us-frcp-12a1ai": "service", "us-frcp-59e": "entry",
        "us-frcp-50b": "entry", "us-frap-4a1b": "entry", "echr-35-1": "service",
        "fr-cpc-612": "notification", "gb-cpr-52-12": "pronouncement",
    }  # fmt: skip
    trigger = judgment(cli, "2024-06-14")
    before = cli.records()
    result = cli("deadline", "add", "acme", "--rule", "ny-5513", "--from", str(trigger),
                 "--service", "mail", code=1)  # fmt: skip
    assert result.stderr == (
        "casetrack: rule ny-5513 (CPLR 5513(a)) runs from entry, not from service, so how"
        " papers were served adds no days: drop --service\n"
    )
    assert cli.records() == before
    assert stored_date(cli, deadline(cli, "ny-5513", trigger)) == "2024-07-15"
    served_on = judgment(cli, "2024-06-14", kind="service")
    mailed = deadline(cli, "us-frcp-33b2", served_on, "--service", "mail")
    assert stored_date(cli, mailed) == "2024-07-18"  # 3 days for mail
    exported = tmp_path / "rules.json"
    cli("export", "-o", str(exported))
    other = Cli(tmp_path / "other.db")
    other("import", str(exported))
    assert other.query("SELECT id, runs_from FROM rules ORDER BY id") == [
        ("ny-5513", "entry"), ("us-frcp-33b2", "service")
    ]  # fmt: skip


def test_runs_from_refused_when_mistyped_or_with_mail(cli: Cli) -> None:
    """A word that is none of the built-ins' is one line with the closest, and nothing is
    made (not even the store); a rule served by mail cannot run from entry."""
    result = cli("rule", "add", "ny-5513", "--days", "30", "--citation", "CPLR 5513(a)",
                 "--runs-from", "entri", code=2)  # fmt: skip
    assert "unknown runs-from 'entri' (did you mean 'entry'?)" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not cli.db_path.exists()
    result = cli("rule", "add", "ny-5513", "--days", "30", "--citation", "CPLR 5513(a)",
                 "--runs-from", "entry", "--service", "mail", code=1)  # fmt: skip
    assert result.stderr.endswith("runs from entry, not from service, so how papers were"
                                  " served adds no days: drop --service\n")  # fmt: skip
    assert not cli.db_path.exists()


def test_an_old_rule_keeps_taking_service_until_edited(cli: Cli) -> None:
    """A rule added before it could say what it runs from says nothing: --service is taken
    as given, as before. Once edited to run from entry, its deadlines are counted again
    without the days for mail, in one change that undo reverts."""
    mailed = deadline(cli, "us-frcp-33b2", served(cli), "--service", "mail")
    assert cli.query("SELECT runs_from FROM rules") == [(None,)]
    assert "not said: --service is taken as given" in cli("rule", "show", "us-frcp-33b2").stdout
    assert stored_date(cli, mailed) == "2024-07-18"
    said = cli("rule", "edit", "us-frcp-33b2", "--runs-from", "entry").stderr
    assert f"counted again: deadline {mailed}" in said
    assert stored_date(cli, mailed) == "2024-07-15"
    cli("undo")
    assert cli.query("SELECT runs_from FROM rules") == [(None,)]
    assert stored_date(cli, mailed) == "2024-07-18"


def test_runs_from_set_back_to_not_said_with_an_empty_value(cli: Cli) -> None:
    """`rule edit --runs-from ''` clears it, as '' clears a text field: --service is taken as
    given again and its deadlines are counted again with the days for mail; a word that is
    none of the built-ins' is refused in one line naming '' too, and nothing changes."""
    mailed = deadline(cli, "us-frcp-33b2", served(cli), "--service", "mail")
    cli("rule", "edit", "us-frcp-33b2", "--runs-from", "entry")
    assert stored_date(cli, mailed) == "2024-07-15"
    refused = cli("rule", "edit", "us-frcp-33b2", "--runs-from", "none", code=2).stderr
    assert "unknown runs-from 'none': use service, notification, entry, pronouncement, or ''" \
        " to clear it" in refused and refused.count("\n") == 1  # fmt: skip
    assert cli.query("SELECT runs_from FROM rules") == [("entry",)]
    said = cli("rule", "edit", "us-frcp-33b2", "--runs-from", "").stderr
    assert f"counted again: deadline {mailed}" in said
    assert cli.query("SELECT runs_from FROM rules") == [(None,)]
    assert stored_date(cli, mailed) == "2024-07-18"
    assert "not said: --service is taken as given" in cli("rule", "show", "us-frcp-33b2").stdout


def test_a_deadline_stored_with_mail_on_an_entry_rule_is_counted_right_again(cli: Cli) -> None:
    """A store written before --service was refused on such rules may hold one 3 days late:
    counted again (its trigger edited), it falls on the rule's day."""
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frcp-59b", trigger)
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("UPDATE deadlines SET service = 'mail'")
        conn.execute("UPDATE milestones SET date = '2024-07-15' WHERE id = ?", (deadline_id,))
    conn.close()
    said = cli("edit", str(trigger), "--date", "2024-06-17").stderr
    assert f"counted again: deadline {deadline_id}" in said
    assert stored_date(cli, deadline_id) == "2024-07-15"  # 28 days from 17 Jun, no 3 more
    assert "service by mail" not in cli.query("SELECT working FROM deadlines")[0][0]


@pytest.mark.parametrize(
    ("word", "due"),
    [("email", "2024-07-15"), ("E-mail", "2024-07-15"), ("ECF", "2024-07-15"),
     ("electronic", "2024-07-15"), ("post", "2024-07-18"), ("U.S. mail", "2024-07-18"),
     ("in person", "2024-07-15")],
)  # fmt: skip
def test_the_words_people_use_for_service_mean_what_they_say(cli: Cli, word: str, due: str) -> None:
    """E-mail is electronic service (FRCP 6(d) adds no days), never mail (3 days later)."""
    deadline_id = deadline(cli, "us-frcp-33b2", served(cli), "--service", word)
    assert stored_date(cli, deadline_id) == due


@pytest.mark.parametrize(
    ("word", "hint"),
    [("gmail", " (did you mean 'electronic'?)"), ("emial", " (did you mean 'electronic'?)"),
     ("e.mail", " (did you mean 'electronic'?)"), ("fax", ""), ("hnad", " (did you mean 'hand'?)")],
)  # fmt: skip
def test_a_word_for_e_mail_is_never_taken_or_suggested_as_mail(
    cli: Cli, word: str, hint: str
) -> None:
    trigger = served(cli)
    for command in (
        ["deadline", "add", "acme", "--rule", "us-frcp-33b2", "--from", str(trigger)],
        ["rule", "add", "x-1", "--days", "3", "--citation", "X"],
    ):  # the --service word is checked before the rule is read
        result = cli(*command, "--service", word, code=2)
        assert result.stderr.startswith(
            f"casetrack: Invalid value for '--service': unknown service {word!r}{hint}: use mail"
            " (adds the method's days), electronic (e-mail, ECF: adds none) or hand"
        )
        assert result.stderr.count("\n") == 1
    assert cli.query("SELECT count(*) FROM deadlines") == [(0,)]


@pytest.mark.parametrize("citation", [(), ("--citation", " \t")])
def test_a_rule_without_a_citation_is_refused_before_any_store_is_made(
    cli: Cli, citation: tuple[str, ...]
) -> None:
    result = cli("rule", "add", "x", "--days", "3", *citation, code=1)
    assert result.stderr == "casetrack: a rule needs a citation, e.g. --citation 'CPLR 5513(a)'\n"
    assert not cli.db_path.exists()


def test_a_strasbourg_application_deadline_is_not_extended_past_a_weekend(cli: Cli) -> None:
    """The European Court does not move a time-limit ending on a Saturday, Sunday or holiday
    (Sabri Güneş v. Turkey [GC]): the `echr` method says so in the working, and needs no
    holiday calendar."""
    trigger = judgment(cli, "2024-01-11", case="benali", court="Cass. crim.")
    added = cli("rule", "add", "echr-35-1-x", "--months", "4", "--method", "echr",
                "--citation", "ECHR art. 35 § 1", "--trigger", "judgment")  # fmt: skip
    assert added.stderr == "added rule echr-35-1-x: 4 months after, ECHR art. 35 § 1\n"
    shown = cli("rule", "show", "echr-35-1-x", "-f", "json").stdout
    assert '"holidays": "none"' in shown and '"method": "echr"' in shown
    result = cli("deadline", "add", "benali", "--rule", "echr-35-1-x", "--from", str(trigger))
    assert result.stderr.splitlines() == [
        "deadline 2: 11 May 2024 (echr-35-1-x)",
        "working: 4 months from Thu 11 Jan 2024 → Sat 11 May 2024, a Saturday: not extended",
    ]
    assert (
        "did you mean 'echr'"
        in cli(
            "rule", "add", "y", "--months", "4", "--method", "ecrh", "--citation", "Y", code=2
        ).stderr
    )
    assert_valid_exports(cli)  # the exchange format knows the method


def test_user_rules_add_show_edit_and_recount(cli: Cli) -> None:
    cli("rule", "add", "ny-cplr-5513a", "--days", "30", "--holidays", "US-NY",
        "--citation", "CPLR 5513(a)", "--title", "Notice of appeal (NY)",
        "--trigger", "judgment")  # fmt: skip
    assert "ny-cplr-5513a" in cli("rule", "list").stdout
    shown = cli("rule", "show", "NY-CPLR-5513A").stdout
    assert "CPLR 5513(a)" in shown and "US-NY" in shown
    deadline_id = deadline(cli, "ny-cplr-5513a", judgment(cli, "2024-06-14"))
    assert stored_date(cli, deadline_id) == "2024-07-15"
    result = cli("rule", "edit", "ny-cplr-5513a", "--days", "35")
    assert f"counted again: deadline {deadline_id}" in result.stderr
    assert stored_date(cli, deadline_id) == "2024-07-19"
    cli("undo")
    assert stored_date(cli, deadline_id) == "2024-07-15"
    assert "is built in" in cli("rule", "edit", "us-frap-4a1a", "--days", "3", code=1).stderr
    assert "counts deadline" in cli("rule", "rm", "ny-cplr-5513a", code=1).stderr
    bad = cli("rule", "add", "x", "--days", "3", "--holidays", "FR-75", "--citation", "c", code=1)
    assert "FR has no subdivision" in bad.stderr
    bad = cli("rule", "add", "x", "--days", "3", "--holidays", "XX", "--citation", "c", code=1)
    assert "unknown holiday calendar" in bad.stderr
    bad = cli("rule", "add", "x", "--days", "3", "--holidays", "non", "--citation", "c", code=1)
    assert "unknown holiday calendar 'non' (did you mean 'none' or" in bad.stderr
    bad = cli("rule", "add", "x", "--days", "3", "--method", "us-frcp6a", "--citation", "c",
              code=2)  # fmt: skip
    assert "did you mean 'us-frcp-6a'" in bad.stderr
    assert cli.query("SELECT id FROM rules") == [("ny-cplr-5513a",)]


def test_a_closure_counts_as_a_holiday_and_recounts(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    result = cli("closure", "add", "s.d.n.y.", "2024-07-15", "--reason", "power cut")
    assert f"counted again: deadline {deadline_id}" in result.stderr
    assert stored_date(cli, deadline_id) == "2024-07-16"
    assert "power cut" in cli("closure", "list").stdout
    assert "S.D.N.Y. closed (power cut)" in cli("show", str(deadline_id)).stdout
    cli("closure", "rm", "S.D.N.Y.", "2024-07-15")
    assert stored_date(cli, deadline_id) == "2024-07-15"
    assert "no closure" in cli("closure", "rm", "S.D.N.Y.", "2024-07-15", code=1).stderr


def test_a_new_york_day_of_commemoration_does_not_extend_a_period(cli: Cli) -> None:
    """`holidays` lists 15 February (Susan B. Anthony Day) for US-NY, but New York's law makes
    it a day of commemoration, not a holiday: a period ending on it is due that day, not the
    next (a day late). Washington's Birthday on the same day still extends it."""
    cli("case", "add", "smith-v-acme", "--title", "Smith v. Acme", "--court", "S.D.N.Y.")
    cli("rule", "add", "sdny-opp", "--days", "14", "--holidays", "US-NY", "--citation",
        "Local Civ. R. 6.1(b)", "--title", "Opposition", "--trigger", "motion")  # fmt: skip
    cli("add", "smith-v-acme", "2028-02-01", "Motion to dismiss", "--kind", "motion")
    due = cli("deadline", "add", "smith-v-acme", "--rule", "sdny-opp", "--from", "1").stderr
    assert "working: 14 days from Tue 1 Feb 2028 \u2192 Tue 15 Feb 2028\n" in due
    assert stored_date(cli, 2) == "2028-02-15"
    cli("add", "smith-v-acme", "2027-02-01", "Motion to dismiss", "--kind", "motion")
    due = cli("deadline", "add", "smith-v-acme", "--rule", "sdny-opp", "--from", "3").stderr
    assert "Mon 15 Feb 2027, Washington's Birthday \u2192 Tue 16 Feb 2027" in due
    assert "Anthony" not in due


def test_a_rule_refuses_a_mistyped_trigger_kind(cli: Cli) -> None:
    cli("init")
    before = cli.records()
    added = cli("rule", "add", "mine", "--days", "30", "--citation", "X", "--trigger", "judgmnt",
                code=1).stderr  # fmt: skip
    assert added.startswith("casetrack: unknown kind 'judgmnt' (did you mean 'judgment'?)")
    assert cli.records() == before
    cli("rule", "add", "mine", "--days", "30", "--citation", "X", "--trigger", "Judgement")
    edited = cli("rule", "edit", "mine", "--trigger", "ordr", code=1).stderr
    assert "unknown kind 'ordr' (did you mean 'order'?)" in edited
    assert cli.query("SELECT triggers FROM rules WHERE id = 'mine'") == [('["judgment"]',)]


def test_a_closure_says_the_day_it_recorded_and_warns_of_a_court_no_case_names(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    typed = cli("closure", "add", "s.d.n.y.", "July 15 2024").stderr
    assert typed.splitlines()[0] == "recorded S.D.N.Y. closed on 15 Jul 2024"  # as said elsewhere
    assert "warning" not in typed
    mistyped = cli("closure", "add", "SDNY", "2024-07-16").stderr
    assert "warning: no case is heard at 'SDNY' (did you mean 'S.D.N.Y.'?)" in mistyped
    assert "counted again" not in mistyped
    removed = cli("closure", "rm", "SDN.Y.", "2024-07-15", code=1).stderr
    assert removed.startswith(
        "casetrack: no closure of SDN.Y. on 2024-07-15 (did you mean 'S.D.N.Y.'"
    )
    wrong_day = cli("closure", "rm", "S.D.N.Y.", "2024-07-22", code=1).stderr
    assert wrong_day == (
        "casetrack: no closure of S.D.N.Y. on 2024-07-22 (it is closed on 15 Jul 2024):"
        " see 'casetrack closure list'\n"
    )
    assert stored_date(cli, deadline_id) == "2024-07-16"


def test_upcoming_soonest_first_overdue_first_and_done_drops_out(cli: Cli) -> None:
    late = deadline(cli, "us-frap-4b1a", judgment(cli, "2024-06-03"))  # due 17 Jun
    soon = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))  # 15 Jul
    other = deadline(cli, "us-frap-4b1a", judgment(cli, "2024-06-19", case="beta"), case="beta")
    far = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-09-02"))  # 2 Oct
    listing = cli("upcoming", "--as-of", "2024-07-01", "-f", "json").stdout
    import json

    rows = json.loads(listing)
    assert [r["id"] for r in rows] == [late, other, soon]
    assert rows[0]["overdue"] and rows[0]["days_left"] == -14
    assert rows[2]["days_left"] == 14
    assert far not in [r["id"] for r in rows]
    table = cli("upcoming", "--as-of", "2024-07-01").stdout
    assert "OVERDUE 14 days" in table and "14 days" in table
    assert [r["id"] for r in json.loads(cli("upcoming", "beta", "--as-of", "2024-07-01",
                                            "-f", "json").stdout)] == [other]  # fmt: skip
    cli("edit", str(late), "--done")
    ids = [
        r["id"] for r in json.loads(cli("upcoming", "--as-of", "2024-07-01", "-f", "json").stdout)
    ]
    assert late not in ids
    cli("edit", str(late), "--not-done")
    assert "OVERDUE" in cli("upcoming", "--as-of", "2024-07-01").stdout
    ninety = cli("upcoming", "--as-of", "2024-07-01", "--days", "120", "-f", "json").stdout
    assert far in [r["id"] for r in json.loads(ninety)]
    assert "one day" in cli("upcoming", "--as-of", "2024-07", code=1).stderr
    nothing = cli("upcoming", "beta", "--as-of", "2024-05-01").stderr
    assert nothing == "nothing due within 30 days of 1 May 2024\n"  # said as every listing says it


def test_upcoming_calendar_parses_with_icalendar_and_vobject_with_a_reminder(cli: Cli) -> None:
    import icalendar
    import vobject

    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    text = cli("upcoming", "--as-of", "2024-07-01", "-f", "ics", "--alarm", "5").stdout
    calendar = icalendar.Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    assert str(event["dtstart"].dt) == "2024-07-15"
    assert "Sun 14 Jul 2024, a Sunday" in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert alarm["trigger"].dt.days == -5 and str(alarm["action"]) == "DISPLAY"
    parsed = vobject.readOne(text)
    assert parsed.vevent.valarm.trigger.value.days == -5
    uid = cli.query("SELECT uid FROM milestones WHERE id = ?", (deadline_id,))[0][0]
    assert parsed.vevent.uid.value == f"{uid}@casetrack"
    cli("edit", str(deadline_id), "--done")
    empty = cli("upcoming", "--as-of", "2024-07-01", "-f", "ics").stdout
    assert icalendar.Calendar.from_ical(empty).walk("VEVENT") == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_and_import_carry_rules_closures_and_deadline_links(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    cli("rule", "add", "ny-cplr-5513a", "--days", "30", "--holidays", "US-NY",
        "--citation", "CPLR 5513(a)", "--trigger", "judgment")  # fmt: skip
    trigger = judgment(cli, "2024-06-14")
    deadline(cli, "ny-cplr-5513a", trigger, "--service", "mail")
    builtin = deadline(cli, "us-frap-4a1a", trigger)
    cli("closure", "add", "S.D.N.Y.", "2024-07-19", "--reason", "flood")
    cli("edit", str(builtin), "--done")
    assert_valid_exports(cli)
    path = tmp_path / f"out.{fmt}"
    cli("export", "-f", fmt, "-o", str(path))
    other = Cli(tmp_path / "other.db")
    other("import", str(path))
    links = "SELECT m.uid, t.uid, d.rule, d.service, d.working, d.done_at FROM deadlines d" \
        " JOIN milestones m ON m.id = d.milestone_id JOIN milestones t ON t.id = d.trigger_id" \
        " ORDER BY m.uid"  # fmt: skip
    assert other.query(links) == cli.query(links)
    for table in ("rules", "closures"):
        columns = "id, title, citation, triggers, holidays, service" if table == "rules" else \
            "court, day, reason"  # fmt: skip
        assert other.query(f"SELECT {columns} FROM {table}") == cli.query(
            f"SELECT {columns} FROM {table}"
        )
    other("import", str(path))  # again: nothing changes
    assert other.query(links) == cli.query(links)
    # Kept in step in the other store too.
    (new_trigger,) = other.query("SELECT id FROM milestones WHERE kind = 'judgment'")[0]
    other("edit", str(new_trigger), "--date", "2024-06-17")
    dates = other.query("SELECT date FROM milestones WHERE kind = 'deadline' ORDER BY date")
    # FRAP: Wed 17 Jul; CPLR by mail: Wed 17 Jul + 3 = Sat 20 Jul, so Mon 22 Jul.
    assert dates == [("2024-07-17",), ("2024-07-22",)]


RULE_COLUMNS = (
    "id, title, jurisdiction, citation, text, triggers, amount, unit, direction, service,"
    " holidays, method"
)


@pytest.mark.parametrize(
    ("method", "holidays"), [(None, "US"), ("fr-cpc-641", "FR"), ("ECHR", "none")]
)
def test_a_rule_imported_without_its_holidays_is_the_rule_add_makes(
    cli: Cli, tmp_path: Path, method: str | None, holidays: str
) -> None:
    """Both take the counting method's holidays: import once took none, so a hand-written
    rule of the US method counted through US holidays typed, and over them imported."""
    given = ["--method", method] if method else []
    cli("rule", "add", "r-1", "--days", "30", "--citation", "Local R. 1", *given)
    record = {"id": "r-1", "amount": 30, "citation": "Local R. 1"}
    sheet = tmp_path / "rules.json"
    rules = [record | ({"method": method} if method else {})]
    sheet.write_text(json.dumps({"format": "casetrack/1", "rules": rules}))
    other = Cli(tmp_path / "other.db")
    other("import", str(sheet))
    typed = cli.query(f"SELECT {RULE_COLUMNS} FROM rules")
    assert other.query(f"SELECT {RULE_COLUMNS} FROM rules") == typed
    assert typed[0][10] == holidays


def test_a_deadline_in_a_range_is_due_from_its_first_day_to_its_last(cli: Cli) -> None:
    import json

    deadline_id = deadline(cli, "us-frap-4b1a", judgment(cli, "2024-06"))  # 17 Jun to 15 Jul
    table = cli("upcoming", "--as-of", "2024-06-10").stdout
    assert "between 17 Jun and 15 Jul 2024" in table and "7\u201335 days" in table
    (row,) = json.loads(cli("upcoming", "--as-of", "2024-06-10", "-f", "json").stdout)
    assert (row["id"], row["days_left"], row["days_to_last"]) == (deadline_id, 7, 35)
    assert not row["maybe_overdue"] and row["days_to_first"] == 7
    # Under way: due now (0 days left), its first possible day 3 days past, its last 25 ahead.
    (now,) = json.loads(cli("upcoming", "--as-of", "2024-06-20", "-f", "json").stdout)
    assert (now["days_left"], now["days_to_first"], now["days_to_last"]) == (0, -3, 25)
    assert now["maybe_overdue"] and not now["overdue"]
    (late,) = json.loads(cli("upcoming", "--as-of", "2024-07-16", "-f", "json").stdout)
    assert late["overdue"] and late["days_left"] == -1
    # Its first possible day past: it may be overdue already, and is listed first of the soon.
    soon = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-03"))  # 3 Jul
    table = cli("upcoming", "--as-of", "2024-07-01").stdout
    assert [line.split()[0] for line in table.splitlines()[2:]] == [str(deadline_id), str(soon)]
    assert "maybe OVERDUE" in table and "0\u201314" not in table
    maybe = json.loads(cli("upcoming", "--as-of", "2024-07-01", "-f", "json").stdout)[0]
    assert (maybe["maybe_overdue"], maybe["overdue"], maybe["days_left"]) == (True, False, 0)
    cli("edit", str(deadline_id), "--done")
    assert "done" in cli("show", str(deadline_id)).stdout.splitlines()[-1]


def test_another_court_brings_its_closures_and_one_undo_restores_both(cli: Cli) -> None:
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    cli("closure", "add", "E.D. Cal.", "2024-07-15", "--reason", "fire")
    assert stored_date(cli, deadline_id) == "2024-07-15"
    before = cli.records()
    result = cli("case", "edit", "acme", "--court", "E.D. Cal.")
    assert f"counted again: deadline {deadline_id}" in result.stderr
    assert stored_date(cli, deadline_id) == "2024-07-16"
    cli("undo")
    assert cli.records() == before


def test_erasing_a_deadline_erases_its_working_from_history(cli: Cli) -> None:
    """A deadline's row (rule, working with dates and closure reasons) is the milestone's own:
    erased with it, its history keeps no value."""
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    cli("rm", str(deadline_id))
    cli("trash", "empty", "--yes")
    kept = "SELECT count(*) FROM history WHERE table_name = 'deadlines' AND row_id = ?"
    assert cli.query(kept, (deadline_id,))[0][0] > 0
    assert cli.query(f"{kept} AND (old IS NOT NULL OR new IS NOT NULL)", (deadline_id,)) == [(0,)]
    assert cli.query("SELECT count(*) FROM deadlines") == [(0,)]
    cli("check")


def test_erasing_a_trigger_blanks_what_its_deadlines_working_said_of_it(cli: Cli) -> None:
    """The working says the trigger's day ("30 days from Fri 14 Jun 2024"): erasing the
    trigger for good leaves the deadline (the user's own) with its date and rule, but no
    working, in the store or in its history; it exports and imports as such."""
    trigger = judgment(cli, "2024-06-14")
    deadline_id = deadline(cli, "us-frap-4a1a", trigger)
    cli("edit", str(trigger), "--date", "2024-06-13")  # counted again: another working
    said = cli("purge", str(trigger), "--yes").stderr
    assert f"working blanked: deadline {deadline_id} (date and rule kept)" in said
    assert cli.query("SELECT trigger_id, rule, working FROM deadlines") == [
        (None, "us-frap-4a1a", None)
    ]
    assert stored_date(cli, deadline_id) == "2024-07-15"
    for day in ("Jun 2024", "2024-06-1"):
        assert cli.query(
            "SELECT count(*) FROM history WHERE coalesce(old, '') || coalesce(new, '') LIKE ?",
            (f"%{day}%",),
        ) == [(0,)]
    shown = cli("show", str(deadline_id)).stdout
    assert "(trigger erased)" in shown and "Jun 2024" not in shown
    assert "erased for good by change" in cli("undo", "4", code=1).stderr  # the edit
    exported = cli("export", "--format", "jsonl").stdout
    assert "Jun 2024" not in exported
    copy = Cli(cli.db_path.with_name("copy.db"))
    Path("export.jsonl").write_text(exported)
    copy("import", "export.jsonl")
    assert copy.query("SELECT trigger_id, rule, working FROM deadlines") == [
        (None, "us-frap-4a1a", None)
    ]
    cli("check")


def test_a_rule_title_that_says_due_is_not_said_twice_and_kinds_take_their_article(
    cli: Cli,
) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2006-05-11", "Indicted", "--kind", "indictment")
    cli("rule", "add", "echr-35", "--months", "4", "--method", "fr-cpc-641", "--citation",
        "ECHR art. 35", "--title", "ECtHR application due (4 months)", "--trigger", "ruling",
        "--trigger", "acquittal")  # fmt: skip
    refused = cli("deadline", "add", "acme", "--rule", "echr-35", "--from", "1", code=1)
    assert refused.stderr == (
        "casetrack: rule echr-35 runs from a ruling or an acquittal; milestone 1 is an indictment"
        " (give --any-trigger to count from it anyway)\n"
    )
    cli("deadline", "add", "acme", "--rule", "echr-35", "--from", "1", "--any-trigger")
    cli("rule", "add", "us-frap-4", "--days", "30", "--citation", "FRAP 4", "--title",
        "Notice of appeal")  # fmt: skip
    cli("deadline", "add", "acme", "--rule", "us-frap-4", "--from", "1")
    titles = [t for (t,) in cli.query("SELECT title FROM milestones WHERE kind = 'deadline'")]
    assert titles == ["ECtHR application due (4 months)", "Notice of appeal due"]


@pytest.mark.parametrize(
    ("word", "said"),
    [("indictment", "an indictment"), ("ruling", "a ruling"), ("acquittal", "an acquittal"),
     ("order", "an order"), ("union meeting", "a union meeting"), ("hour", "an hour"),
     ("hearing", "a hearing"), ("European ruling", "a European ruling"), ("use", "a use")],
)  # fmt: skip
def test_the_article_goes_by_the_sound(word: str, said: str) -> None:
    from casetrack.text import article

    assert article(word) == said


@pytest.mark.parametrize("day", ["2024-07", "about 2024-07-05", "2024-07-05/2024-07-09"])
def test_a_closure_and_as_of_are_one_exact_day(cli: Cli, day: str) -> None:
    """Closures and --as-of take one exact day, and say which form, refusing anything wider."""
    cli("init")
    refused = cli("closure", "add", "S.D.N.Y.", day, code=1).stderr
    assert refused == f"casetrack: a closure is one day: give it as 2024-07-05, not {day!r}\n"
    refused = cli("upcoming", "--as-of", day, code=1).stderr
    assert refused == f"casetrack: --as-of is one day, e.g. 2024-07-01, not {day!r}\n"
    assert cli.query("SELECT count(*) FROM closures") == [(0,)]


def test_an_import_writes_the_files_court_and_counts_nothing_again(
    cli: Cli, tmp_path: Path
) -> None:
    """Import writes what the file says and counts no deadline again (docs/guide/deadlines.md);
    giving the court again with `case edit` counts them with its closures."""
    cli("case", "add", "acme", "--title", "acme case", "--court", "S.D.N.Y.")
    theirs = Cli(tmp_path / "theirs.db")
    cli("export", "-o", str(tmp_path / "before.json"))
    theirs("import", str(tmp_path / "before.json"))
    theirs("case", "edit", "acme", "--court", "E.D. Cal.")
    theirs("export", "-o", str(tmp_path / "after.json"))
    deadline_id = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    cli("closure", "add", "E.D. Cal.", "2024-07-15", "--reason", "fire")
    cli("import", str(tmp_path / "after.json"))
    assert cli.query("SELECT court FROM cases") == [("E.D. Cal.",)]
    assert stored_date(cli, deadline_id) == "2024-07-15"
    result = cli("case", "edit", "acme", "--court", "E.D. Cal.")
    assert f"counted again: deadline {deadline_id}" in result.stderr
    assert stored_date(cli, deadline_id) == "2024-07-16"


def test_upcoming_csv_keeps_days_overdue_a_number_and_formulas_text(cli: Cli) -> None:
    """A spreadsheet reads the days left of an overdue deadline as the negative number it is
    (no leading ' that makes it text), while a title that reads as a formula stays text."""
    import csv
    import io

    late = deadline(cli, "us-frap-4b1a", judgment(cli, "2024-06-03"), "--title", "-1+2 due")
    sheet = cli("upcoming", "--as-of", "2024-07-01", "-f", "csv").stdout
    (row,) = list(csv.DictReader(io.StringIO(sheet)))
    assert (row["id"], row["days_left"], row["days_to_last"]) == (str(late), "-14", "-14")
    assert row["title"] == "'-1+2 due"


def test_counts_are_said_with_their_noun_in_the_singular_or_plural(cli: Cli) -> None:
    """'counted again: deadline 2' for one, 'deadlines 2, 3' for two; never 'deadline(s)'."""
    trigger = judgment(cli, "2024-06-14")
    first = deadline(cli, "us-frap-4b1a", trigger)
    said = cli("edit", str(trigger), "--date", "2024-06-17").stderr
    assert f"counted again: deadline {first} (see 'casetrack show ID')" in said
    second = deadline(cli, "us-frap-4a1a", trigger)
    said = cli("edit", str(trigger), "--date", "2024-06-18").stderr
    assert f"counted again: deadlines {first}, {second} (see" in said
    undone = cli("undo").stderr
    assert "(s)" not in said + undone and " row changes)" in undone


def test_alarm_without_a_calendar_is_refused_as_excel_without_csv(cli: Cli) -> None:
    """--alarm sets a calendar's reminder: given with a table, it is refused in one line
    rather than ignored; with --format ics it sets every VALARM, 3 days when not given."""
    deadline(cli, "us-frap-4b1a", judgment(cli, "2024-06-03"))
    said = cli("upcoming", "--alarm", "7", "--as-of", "2024-06-05", code=2).stderr
    assert said == (
        "casetrack: Invalid value for --alarm: only a calendar takes it: add --format ics"
        " (see 'casetrack upcoming --help')\n"
    )
    calendar = cli("upcoming", "--as-of", "2024-06-05", "-f", "ics", "--alarm", "7").stdout
    assert "TRIGGER:-P7D" in calendar
    assert "TRIGGER:-P3D" in cli("upcoming", "--as-of", "2024-06-05", "-f", "ics").stdout


def test_trashing_a_trigger_warns_naming_its_open_deadlines_and_restore_puts_all_back(
    cli: Cli,
) -> None:
    """rm of the milestone deadlines are counted from leaves them open, with their date: it
    says so on stderr, naming them and what to do; upcoming and show say it while the trigger
    is in the trash; restore or undo brings back the store as it was, and the warnings stop."""
    trigger = judgment(cli, "2024-06-14")
    appeal = deadline(cli, "us-frap-4a1a", trigger)
    new_trial = deadline(cli, "us-frcp-59b", trigger)
    done = deadline(cli, "fr-cpp-498", trigger)
    cli("edit", str(done), "--done")  # met: nothing to warn of
    other = deadline(cli, "us-frcp-59b", judgment(cli, "2024-06-20"))
    before = cli.records()
    listed_before = cli("upcoming", "--as-of", "2024-07-01").stdout
    warning = (
        f"warning: milestone {trigger} is in the trash and starts deadlines {appeal} (15 Jul"
        f" 2024, us-frap-4a1a), {new_trial} (12 Jul 2024, us-frcp-59b), still open: 'casetrack"
        f" restore {trigger}' brings the trigger back, or 'casetrack rm {appeal} {new_trial}'"
        " removes the deadlines too\n"
    )
    assert cli("rm", str(trigger)).stderr == (
        f"moved milestone {trigger} to the trash: 'casetrack restore {trigger}' brings it"
        f" back\n{warning}"
    )
    listed = cli("upcoming", "--as-of", "2024-07-01")
    assert listed.stdout == listed_before  # still listed, with their dates
    assert listed.stderr == warning
    rows = json.loads(cli("upcoming", "--as-of", "2024-07-01", "-f", "json").stdout)
    assert {r["id"]: r["trigger_in_trash"] for r in rows} == {
        appeal: trigger,
        new_trial: trigger,
        other: None,
    }
    assert cli("upcoming", "--as-of", "2024-07-01", "-f", "ics").stderr == warning
    shown = cli("show", str(appeal)).stdout
    assert f"{trigger} Judgment entered (in the trash: 'casetrack restore {trigger}')" in shown
    assert "in the trash" not in cli("show", str(other)).stdout
    cli("restore", str(trigger))
    assert cli.records() == before
    assert cli("upcoming", "--as-of", "2024-07-01").stderr == ""
    cli("rm", str(trigger))
    cli("undo")
    assert cli.records() == before
    assert cli("upcoming", "--as-of", "2024-07-01").stderr == ""
    assert "in the trash" not in cli("show", str(appeal)).stdout


def test_trashing_a_trigger_with_its_deadlines_warns_of_nothing(cli: Cli) -> None:
    trigger = judgment(cli, "2024-06-14")
    appeal = deadline(cli, "us-frap-4a1a", trigger)
    assert "warning" not in cli("rm", str(trigger), str(appeal)).stderr
    said = cli("restore", str(appeal)).stderr  # back without its trigger: said again
    assert said == (
        f"restored milestone {appeal}\nwarning: milestone {trigger} is in the trash and starts"
        f" deadline {appeal} (15 Jul 2024, us-frap-4a1a), still open: 'casetrack restore"
        f" {trigger}' brings the trigger back, or 'casetrack rm {appeal}' removes the deadline"
        " too\n"
    )


def test_upcoming_leaves_out_settled_and_closed_cases_and_says_how_many(cli: Cli) -> None:
    """A settled or closed matter's deadlines are no longer due: `upcoming` leaves them out,
    says how many it left out, and lists them with --all or when their case is named."""
    live = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    settled = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14", case="beta"), case="beta")
    closed = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14", case="gamma"), case="gamma")
    cli("case", "edit", "beta", "--status", "settled")
    cli("case", "edit", "gamma", "--status", "closed")
    assert cli.query("SELECT slug, status FROM cases ORDER BY id") == [
        ("acme", "open"), ("beta", "settled"), ("gamma", "closed")
    ]  # fmt: skip

    def ids(*extra: str) -> list[int]:
        listed = cli("upcoming", "--as-of", "2024-07-01", "-f", "json", *extra).stdout
        return [r["id"] for r in json.loads(listed)]

    shown = cli("upcoming", "--as-of", "2024-07-01")
    assert "acme" in shown.stdout and "beta" not in shown.stdout and "gamma" not in shown.stdout
    assert shown.stderr == "2 deadlines of settled or closed cases left out: --all lists them\n"
    assert ids() == [live]
    assert ids("--all") == [live, settled, closed]
    assert ids("beta") == [settled]  # a case named is listed whatever its status
    assert cli("upcoming", "--as-of", "2024-07-01", "--all").stderr == ""
    cli("case", "edit", "gamma", "--status", "on appeal")
    said = cli("upcoming", "--as-of", "2024-07-01").stderr
    assert said == "1 deadline of a settled or closed case left out: --all lists it\n"
    assert ids() == [live, closed]


def test_a_trigger_given_a_kind_its_rule_does_not_run_from_is_said(cli: Cli) -> None:
    """`edit ID --kind` on a deadline's trigger is the user's to make (a correction), but the
    deadline then hangs on a milestone its rule does not run from: the edit says which
    deadline and what to do, the deadline keeps its date and trigger, and `show` says it."""
    trigger = judgment(cli, "2024-06-14")
    due = deadline(cli, "us-frap-4a1a", trigger)
    done = deadline(cli, "us-frcp-59b", trigger)
    cli("edit", str(done), "--done")
    result = cli("edit", str(trigger), "--kind", "hearing")
    assert result.stderr == (
        f"warning: deadline {due} (15 Jul 2024, us-frap-4a1a) is counted from milestone"
        f" {trigger}, now a hearing, which its rule does not run from (a judgment or an order"
        f" or a ruling): it keeps its date; 'casetrack edit {trigger} --kind judgment' puts"
        f" the kind back, or 'casetrack rm {due}' removes the deadline\n"
        f"updated milestone {trigger}\n"
    )  # the done one is not warned of
    assert cli.query("SELECT kind FROM milestones WHERE id = ?", (trigger,)) == [("hearing",)]
    assert cli.query("SELECT trigger_id FROM deadlines WHERE milestone_id = ?", (due,)) == [
        (trigger,)
    ]
    assert stored_date(cli, due) == "2024-07-15"
    shown = json.loads(cli("show", str(due), "-f", "json").stdout)["deadline"]
    assert shown["counted from"].endswith(
        "(a hearing: the rule runs from a judgment or an order or a ruling)"
    )
    assert cli("edit", str(trigger), "--kind", "order").stderr == (
        f"updated milestone {trigger}\n"  # back to a kind the rule runs from: nothing to say
    )
    assert cli("edit", str(trigger), "--kind", "judgment").stderr == (
        f"updated milestone {trigger}\n"
    )
    assert (
        "(a "
        not in json.loads(cli("show", str(due), "-f", "json").stdout)["deadline"]["counted from"]
    )
