"""The built-in court rules litigators and researchers count every week, each counted through
the CLI on a real store from a real-looking trigger, on the edge the rule is known for, with
the rule's text as published (the sources are named beside BUILTIN_RULES)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.test_deadlines import deadline, judgment, stored_date


@pytest.mark.parametrize(
    ("rule", "court", "kind", "trigger", "due", "working"),
    [
        # FRCP 12(a)(1)(A)(i): "within 21 days after being served with the summons and
        # complaint"; the 21st day is Independence Day, so it runs to Friday (FRCP 6(a)(1)(C)).
        ("us-frcp-12a1ai", "S.D.N.Y.", "service", "2024-06-13", "2024-07-05",
         "21 days from Thu 13 Jun 2024 → Thu 4 Jul 2024, Independence Day → Fri 5 Jul 2024"),
        # FRCP 59(e): "no later than 28 days after the entry of the judgment": Veterans Day.
        ("us-frcp-59e", "S.D.N.Y.", "judgment", "2024-10-14", "2024-11-12",
         "28 days from Mon 14 Oct 2024 → Mon 11 Nov 2024, Veterans Day → Tue 12 Nov 2024"),
        # FRCP 50(b): "No later than 28 days after the entry of judgment": Thanksgiving.
        ("us-frcp-50b", "D. Mass.", "judgment", "2024-10-31", "2024-11-29",
         "28 days from Thu 31 Oct 2024 → Thu 28 Nov 2024, Thanksgiving Day → Fri 29 Nov 2024"),
        # FRAP 4(a)(1)(B): "within 60 days after entry of the judgment or order appealed from"
        # when the United States is a party: the 60th day is a Sunday.
        ("us-frap-4a1b", "D.D.C.", "judgment", "2024-03-13", "2024-05-13",
         "60 days from Wed 13 Mar 2024 → Sun 12 May 2024, a Sunday → Mon 13 May 2024"),
        # ECHR art. 35 § 1: four months from the final decision; a time-limit ending on a
        # Sunday is not extended (Sabri Güneş v. Turkey [GC]).
        ("echr-35-1", "Cour de cassation", "judgment", "2024-05-29", "2024-09-29",
         "4 months from Wed 29 May 2024 → Sun 29 Sep 2024, a Sunday: not extended"),
        # CPC art. 612: "deux mois"; 30 Dec + 2 months is the last day of February (CPC art.
        # 641), a Saturday, so the next working day (art. 642).
        ("fr-cpc-612", "Cour d'appel de Paris", "judgment", "2025-12-30", "2026-03-02",
         "2 months from Tue 30 Dec 2025 → Sat 28 Feb 2026 (no 30 Feb: the last day of the"
         " month), a Saturday; Sun 1 Mar 2026, a Sunday → Mon 2 Mar 2026"),
        # CPR 52.12(2)(b): "21 days after the date of the decision": Good Friday, then Easter
        # Monday, the court office closed (CPR 2.8(5)).
        ("gb-cpr-52-12", "High Court (KBD)", "judgment", "2025-03-28", "2025-04-22",
         "21 days from Fri 28 Mar 2025 → Fri 18 Apr 2025, Good Friday; Sat 19 Apr 2025, a"
         " Saturday; Sun 20 Apr 2025, a Sunday; Mon 21 Apr 2025, Easter Monday → Tue 22 Apr"
         " 2025"),
    ],
)  # fmt: skip
def test_each_rule_counts_its_known_edge_and_falls_due(
    cli: Cli, rule: str, court: str, kind: str, trigger: str, due: str, working: str
) -> None:
    trigger_id = judgment(cli, trigger, court=court, kind=kind)
    result = cli("deadline", "add", "acme", "--rule", rule, "--from", str(trigger_id))
    deadline_id = int(result.stdout.split()[-1])
    assert stored_date(cli, deadline_id) == due
    assert cli.query("SELECT working, rule FROM deadlines") == [(working, rule)]
    listing = cli("upcoming", "--as-of", trigger, "--days", "130", "-f", "json").stdout
    assert [(r["id"], r["due"], r["rule"]) for r in json.loads(listing)] == [
        (deadline_id, due, rule)
    ]
    shown = json.loads(cli("rule", "show", rule, "-f", "json").stdout)
    assert shown["builtin"] is True and shown["text"]


def test_an_answer_to_a_summons_served_by_mail_gets_no_mail_days(cli: Cli) -> None:
    """FRCP 6(d) adds 3 days "after being served" only when "service is made under Rule
    5(b)(2)(C) (mail), (D) (leaving with the clerk), or (F) (other means consented to)"; a
    summons and complaint are served under Rule 4. So --service mail is refused, saying why,
    and a deadline the store holds as served by mail (an import, an older release) is counted
    without the 3 days."""
    served = judgment(cli, "2024-06-14", kind="service")
    before = cli.records()
    refused = cli("deadline", "add", "acme", "--rule", "us-frcp-12a1ai", "--from", str(served),
                  "--service", "certified mail", code=1)  # fmt: skip
    assert refused.stderr == (
        "casetrack: rule us-frcp-12a1ai (FRCP 12(a)(1)(A)(i)) runs from service of the summons"
        " and complaint (FRCP 4), and service by mail adds no days to it (a summons is served"
        " under FRCP 4, and FRCP 6(d) adds 3 days only after service under Rule 5(b)(2)(C),"
        " (D) or (F)): drop --service\n"
    )
    assert cli.records() == before
    answer = deadline(cli, "us-frcp-12a1ai", served, "--service", "hand")
    assert stored_date(cli, answer) == "2024-07-05"
    with sqlite3.connect(cli.db_path) as conn:  # as an import of such a deadline writes it
        conn.execute("UPDATE deadlines SET service = 'mail'")
    cli("edit", str(served), "--date", "2024-06-17")
    assert stored_date(cli, answer) == "2024-07-08"  # 21 days, no 3 more
    assert "mail adds no days" in cli("rule", "show", "us-frcp-12a1ai").stdout


def test_a_strasbourg_application_before_protocol_15_is_refused_naming_six_months(
    cli: Cli,
) -> None:
    """Protocol No. 15, art. 8 § 3: the four months do "not apply to applications in respect
    of which the final decision ... has been taken prior to" 1 February 2022."""
    trigger = judgment(cli, "2022-01-31", court="Cour de cassation")
    before = cli.records()
    refused = cli("deadline", "add", "acme", "--rule", "echr-35-1", "--from", str(trigger),
                  code=1)  # fmt: skip
    assert refused.stderr.startswith(
        "casetrack: rule echr-35-1 (ECHR art. 35 § 1) applies from 1 Feb 2022, and milestone 1"
        " is of 31 Jan 2022: a final decision taken before then has six months"
    )
    assert cli.records() == before
    assert "applies from  1 Feb 2022; before: a final decision taken before then has six" in (
        cli("rule", "show", "echr-35-1").stdout
    )
    cli("edit", str(trigger), "--date", "2022-10-31")
    assert stored_date(cli, deadline(cli, "echr-35-1", trigger)) == "2023-02-28"


@pytest.mark.parametrize(
    ("rule", "kind", "then"),
    [("us-frcp-12a1ai", "service", "20 days"),
     ("us-frcp-59e", "judgment", "10 days, weekends and holidays not counted"),
     ("us-frcp-50b", "judgment", "10 days, weekends and holidays not counted")],
)  # fmt: skip
def test_a_federal_trigger_before_the_2009_amendments_is_refused_naming_the_old_period(
    cli: Cli, rule: str, kind: str, then: str
) -> None:
    """The time-computation amendments in force 1 December 2009 made 12(a)'s 20 days 21 and
    the 10 days of 50(b) and 59(e) 28: an older trigger is not counted by today's period."""
    trigger = judgment(cli, "2009-11-30", kind=kind)
    refused = cli("deadline", "add", "acme", "--rule", rule, "--from", str(trigger), code=1)
    assert (
        f"applies from 1 Dec 2009, and milestone 1 is of 30 Nov 2009: before the FRCP amendments"
        f" of 1 December 2009 the period was {then}: count it by a rule of your own"
    ) in refused.stderr
    cli("edit", str(trigger), "--date", "2009-12-01")
    assert cli("deadline", "add", "acme", "--rule", rule, "--from", str(trigger)).stdout


def _old_store_rule(cli: Cli, months: int) -> None:
    """A store made before echr-35-1 was built in, whose user added it as the guide said
    (here with six months, for decisions before Protocol No. 15)."""
    cli("case", "add", "acme", "--title", "Acme")
    with sqlite3.connect(cli.db_path) as conn:
        conn.execute(
            "INSERT INTO rules (id, title, jurisdiction, citation, text, triggers, amount, unit,"
            " direction, service, holidays, method, created_at, updated_at) VALUES ('echr-35-1',"
            " 'Application (six months)', '', 'ECHR art. 35 § 1', NULL, '[\"judgment\"]', ?,"
            " 'months', 'after', NULL, 'none', 'echr', '2021-05-01T10:00:00Z',"
            " '2021-05-01T10:00:00Z')",
            (months,),
        )


def test_a_users_rule_named_like_a_new_built_in_keeps_counting_as_it_did(
    cli: Cli, tmp_path: Path
) -> None:
    """Built-in rules live in the code, so every store, old or new, has the new ones on open;
    a user's rule already stored under one of their ids is not overwritten: it is the one
    counted, listed once, and said to stand in for the built-in one."""
    _old_store_rule(cli, 6)
    trigger = judgment(cli, "2021-11-30")
    mine = deadline(cli, "echr-35-1", trigger)
    assert stored_date(cli, mine) == "2022-05-30"  # six months, as the user's rule says
    listed = cli("rule", "list", "-f", "json")
    rules = json.loads(listed.stdout)
    assert [(r["period"], r["builtin"]) for r in rules if r["id"] == "echr-35-1"] == [
        ("6 months after", False)
    ]
    assert {"us-frcp-12a1ai", "gb-cpr-52-12", "fr-cpc-612"} <= {r["id"] for r in rules}
    assert listed.stderr == (
        "warning: your rule echr-35-1 (6 months after, ECHR art. 35 § 1) has the id of the"
        " built-in rule echr-35-1 (4 months after, ECHR art. 35 § 1); yours is the one this"
        " store counts by: 'casetrack rule rm echr-35-1', once no deadline is counted by it,"
        " leaves the built-in one\n"
    )
    cli("edit", str(trigger), "--date", "2021-12-01")  # counted again by the user's rule
    assert stored_date(cli, mine) == "2022-06-01"
    cli("rule", "edit", "echr-35-1", "--title", "Application (before Protocol 15)")
    assert cli.query("SELECT amount, title FROM rules") == [(6, "Application (before Protocol 15)")]
    # An export of that store imports into a new one with the rule, counted the same way.
    path = tmp_path / "old.json"
    cli("export", "-f", "json", "-o", str(path))
    other = Cli(tmp_path / "other.db")
    other("import", str(path))
    assert other.query("SELECT id, amount FROM rules") == [("echr-35-1", 6)]
    # Not into a store that already counts deadlines by the built-in rule.
    third = Cli(tmp_path / "third.db")
    deadline(third, "echr-35-1", judgment(third, "2024-05-29"))
    refused = third("import", str(path), code=1)
    assert "rule 'echr-35-1' is built in this store counts deadlines by" in refused.stderr
    # Once unused, removing the user's rule leaves the built-in one.
    cli("rm", str(mine))
    cli("trash", "empty", "--yes")
    cli("rule", "rm", "echr-35-1")
    shown = json.loads(cli("rule", "show", "echr-35-1", "-f", "json").stdout)
    assert (shown["amount"], shown["builtin"]) == (4, True)
    assert cli("rule", "list").stderr == ""


def test_a_new_store_cannot_take_a_built_in_id(cli: Cli) -> None:
    refused = cli("rule", "add", "gb-cpr-52-12", "--days", "14", "--citation", "x", code=1)
    assert refused.stderr == (
        "casetrack: rule 'gb-cpr-52-12' is built in: give yours another id, e.g."
        " gb-cpr-52-12-local\n"
    )
