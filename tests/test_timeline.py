"""Timelines: the ordering rule, queries by party across cases, and output formats."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.cases import add_case
from casetrack.dates import order_key, parse_date
from casetrack.drafts import Draft
from casetrack.milestones import add_milestone
from casetrack.models import in_timeline_order
from casetrack.selection import Filters
from casetrack.store import Store
from casetrack.timeline import timeline
from tests.budget import examples
from tests.conftest import Cli
from tests.test_dates import NEAR_TEXT


def _dates(result_stdout: str) -> list[str]:
    return [r["date"] for r in json.loads(result_stdout)]


def test_same_start_wider_span_first_then_entry_order(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    entries = [
        ("2003-06-17", "day A"),
        ("2003-06", "month"),
        ("2003", "year"),
        ("2003-06-17", "day B"),
        ("2003-06-01", "first of June"),
        ("2002", "before"),
    ]
    for d, title in entries:
        cli("add", "c", d, title)
    records = json.loads(cli("timeline", "c", "-f", "json").stdout)
    assert [r["title"] for r in records] == [
        "before",
        "year",
        "month",
        "first of June",
        "day A",
        "day B",
    ]


def _scenario(cli: Cli) -> None:
    """A case from an investigation opened in 2001 to a dismissal in 2014, entered out of order."""
    cli("case", "add", "pmoi", "--title", "Investigation into the PMOI", "--jurisdiction", "France")
    cli("party", "add", "People's Mojahedin Organization of Iran", "--kind", "organization",
        "--alias", "PMOI", "--alias", "MEK", "--alias", "Mojahedin-e Khalq")  # fmt: skip
    cli("party", "add", "Maryam Radjavi", "--kind", "person", "--alias", "Maryam Rajavi")
    cli("add", "pmoi", "2014-09-16", "Investigating judges dismiss the case", "--kind",
        "dismissal", "--party", "MEK:subject")  # fmt: skip
    cli("add", "pmoi", "2003-06-17", "Police raid the offices in Auvergne-sur-Oise", "--kind",
        "raid", "--party", "PMOI:subject", "--party", "DST:raiding authority")  # fmt: skip
    cli("add", "pmoi", "2001", "Anti-terrorism investigation opened", "--kind", "investigation",
        "--party", "Mojahedin-e Khalq:subject")  # fmt: skip
    cli("add", "pmoi", "2003-06-17", "Maryam Rajavi detained", "--kind", "detention",
        "--party", "Maryam Radjavi:detainee")  # fmt: skip
    cli("add", "pmoi", "2003-07-03", "Maryam Rajavi released", "--kind", "release",
        "--party", "maryam rajavi:detainee")  # fmt: skip
    cli("add", "pmoi", "2003-06", "Surveillance of the offices", "--kind", "investigation",
        "--party", "DST")  # fmt: skip


def test_realistic_case_prints_in_order_and_is_found_by_any_alias(cli: Cli) -> None:
    _scenario(cli)
    assert _dates(cli("timeline", "pmoi", "-f", "json").stdout) == [
        "2001",
        "2003-06",
        "2003-06-17",
        "2003-06-17",
        "2003-07-03",
        "2014-09-16",
    ]
    table = cli("timeline", "pmoi").stdout
    lines = table.splitlines()
    assert lines[0].split() == ["id", "date", "elapsed", "kind", "title"]
    wide = cli("timeline", "pmoi", "--wide").stdout.splitlines()
    assert wide[0].split() == ["id", "date", "elapsed", "kind", "title", "parties", "sources"]
    assert "17 Jun 2003" in table and "Jun 2003" in table and "+11y 2m" in table
    for alias in ("PMOI", "mek", "People's Mojahedin Organization of Iran", "MOJAHEDIN-E KHALQ"):
        records = json.loads(cli("timeline", "--party", alias, "-f", "json").stdout)
        assert [r["date"] for r in records] == ["2001", "2003-06-17", "2014-09-16"]
        assert {r["role"] for r in records} == {"subject"}
    detainee = json.loads(cli("timeline", "--party", "Maryam Rajavi", "-f", "json").stdout)
    assert [r["title"] for r in detainee] == ["Maryam Rajavi detained", "Maryam Rajavi released"]


def test_party_query_spans_cases_and_shows_roles(cli: Cli) -> None:
    _scenario(cli)
    cli("case", "add", "appeal", "--title", "Appeal")
    cli("add", "appeal", "2009-01", "Appeal lodged", "--kind", "appeal", "--party", "MEK:appellant")
    table = cli("timeline", "--party", "pmoi").stdout
    header = table.splitlines()[0].split()
    assert header[:5] == ["id", "case", "date", "elapsed", "kind"] and "role" in header
    assert "appellant" in table and "appeal" in table
    assert len(json.loads(cli("timeline", "--party", "PMOI", "-f", "json").stdout)) == 4


def test_unknown_party_suggests_names_and_aliases(cli: Cli) -> None:
    _scenario(cli)
    result = cli("timeline", "--party", "PMO", code=1)
    # Close to the alias PMOI: the party's own name is suggested.
    assert result.stderr == (
        "casetrack: no party named 'PMO' (did you mean \"People's Mojahedin Organization of"
        ' Iran"?)\n'
    )


def test_filters_kind_and_date_window(cli: Cli) -> None:
    _scenario(cli)
    windowed = cli("timeline", "pmoi", "--since", "2003-06-10", "--until", "2003-12", "-f", "json")
    # June 2003 overlaps the window even though its first day is before it.
    assert _dates(windowed.stdout) == ["2003-06", "2003-06-17", "2003-06-17", "2003-07-03"]
    kinds = cli("timeline", "-k", "raid", "-k", "release", "-f", "json").stdout
    assert _dates(kinds) == ["2003-06-17", "2003-07-03"]


def test_csv_and_markdown_outputs(cli: Cli) -> None:
    _scenario(cli)
    cli("add", "pmoi", "2005", '=HYPERLINK("http://evil")', "--party", "@attacker")
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "pmoi", "-f", "csv").stdout)))
    assert rows[0]["date"] == "2001" and rows[0]["start"] == "2001-01-01"
    hostile = next(r for r in rows if "HYPERLINK" in r["title"])
    assert hostile["title"].startswith("'=") and hostile["parties"].startswith("'@")
    markdown = cli("timeline", "pmoi", "-f", "markdown").stdout
    assert markdown.splitlines()[1].startswith("|:--") or markdown.splitlines()[1].startswith("|--")
    jsonl = cli("timeline", "pmoi", "-f", "jsonl").stdout.splitlines()
    assert len(jsonl) == 7 and json.loads(jsonl[0])["date"] == "2001"


def test_empty_timeline_says_so_on_stderr(cli: Cli) -> None:
    cli("init")
    result = cli("timeline")
    assert result.stdout == "" and "no milestones match" in result.stderr
    assert json.loads(cli("timeline", "-f", "json").stdout) == []


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(NEAR_TEXT, min_size=1, max_size=20))
def test_sql_order_is_the_reference_order(dates: list[str]) -> None:
    """What the store returns is the pure-Python rule (dates.order_key, then entry order),
    for a whole store and for one case."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "t.db", create=True)
        try:
            add_case(store, "c", "C")
            ids = [
                add_milestone(store, Draft("c", d, f"m{i}")).milestone_id
                for i, d in enumerate(dates)
            ]
            first = timeline(store.conn, Filters())
            again = timeline(store.conn, Filters(cases=["c"]))
        finally:
            store.close()
    values = {i: parse_date(d) for i, d in zip(ids, dates, strict=True)}
    expected = sorted(ids, key=lambda i: (order_key(values[i]), i))
    assert [m.id for m in first] == [m.id for m in again] == expected
    assert [m.id for m in in_timeline_order(reversed(first))] == expected


def test_move_reorders_same_day_milestones(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    a, b, c = (
        cli("add", "c", "2003-06-17", t).stdout.strip() for t in ("raid", "arrest", "search")
    )
    cli("add", "c", "2003-06", "month")
    cli("move", c, "--before", a)
    assert _titles(cli) == ["month", "search", "raid", "arrest"]
    assert cli("move", c, "--after", b).stderr == f"moved {c} after {b}\n"
    assert _titles(cli) == ["month", "raid", "arrest", "search"]


def test_a_move_to_where_the_milestone_is_says_so_and_changes_nothing(cli: Cli) -> None:
    """Like an edit that changes nothing: no 'moved', no change for `undo` to take back, and
    plain undo does not take back the one before in its place."""
    cli("case", "add", "c", "--title", "C")
    a, b = (cli("add", "c", "2003-06-17", t).stdout.strip() for t in ("raid", "arrest"))
    cli("edit", a, "--title", "Raid")
    before = cli.records()
    with_rows = (
        "SELECT count(*) FROM changes c"
        " WHERE EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
    )
    changes = cli.query(with_rows)
    edit = cli.query("SELECT max(id) FROM changes")[0][0]
    assert cli("move", b, "--after", a).stderr == f"milestone {b} is already after {a}\n"
    assert cli("move", a, "--before", b).stderr == f"milestone {a} is already before {b}\n"
    assert cli.records() == before
    assert cli.query(with_rows) == changes
    assert f"'casetrack undo {edit}' undoes" in cli("undo", code=1).stderr
    assert _titles(cli) == ["Raid", "arrest"]
    cli("undo", str(edit))
    assert _titles(cli) == ["raid", "arrest"]


def _titles(cli: Cli, *args: str) -> list[str]:
    return [r["title"] for r in json.loads(cli("timeline", *args, "-f", "json").stdout)]


def _issue_case(cli: Cli) -> dict[str, str]:
    """The dates of the report: exact days, sets of days and open dates in one case."""
    cli("case", "add", "c", "--title", "C")
    dates = {
        "year": "2003", "raid": "2003-06-17", "release": "2003-07-03",
        "returned": "between 3 Jul 2003 and 16 Sep 2014", "filing": "between 2003 and 2014",
        "later": "2006-05-11", "unknown": "unknown", "dismissal": "2014-09-16",
    }  # fmt: skip
    return {title: cli("add", "c", day, title).stdout.strip() for title, day in dates.items()}


def test_move_places_a_milestone_anywhere_its_dates_allow(cli: Cli) -> None:
    ids = _issue_case(cli)
    assert _titles(cli) == ["year", "raid", "release", "returned", "filing", "later",
                            "dismissal", "unknown"]  # fmt: skip
    cli("move", ids["returned"], "--after", ids["raid"])
    cli("move", ids["filing"], "--before", ids["raid"])
    cli("move", ids["unknown"], "--after", ids["release"])
    cli("move", ids["release"], "--before", ids["returned"])
    expected = ["year", "filing", "raid", "release", "returned", "unknown", "later", "dismissal"]
    assert _titles(cli) == expected
    assert _titles(cli, "--since", "2003-06-01", "--until", "2003-06-30") == expected[:3]
    assert cli("check").exit_code == 0
    # A later milestone keeps its place among the moved ones by its own date.
    cli("add", "c", "2003-06-18", "next day")
    assert _titles(cli)[2:5] == ["raid", "next day", "release"]
    # Undone one command at a time, in history.
    assert "move" in cli("history").stdout
    cli("undo")
    cli("undo")
    assert _titles(cli)[:5] == ["year", "filing", "raid", "returned", "release"]


def test_move_refuses_only_what_contradicts_the_dates(cli: Cli) -> None:
    ids = _issue_case(cli)
    before = cli.records()
    result = cli("move", ids["raid"], "--after", ids["filing"], code=1)
    assert result.stderr.startswith(
        f"casetrack: cannot put {ids['raid']} after {ids['filing']}: it would follow"
        f" {ids['returned']} (between 3 Jul 2003 and 16 Sep 2014), which is later than any day"
        f" {ids['raid']}"
        " (17 Jun 2003) can be"
    )
    assert result.stderr.count("\n") == 1
    assert "earlier than any day" in cli("move", ids["dismissal"], "--before", ids["later"],
                                         code=1).stderr  # fmt: skip
    cli("case", "add", "d", "--title", "D")
    other = cli("add", "d", "2003-06-17", "elsewhere").stdout.strip()
    before = cli.records()
    assert "different cases" in cli("move", other, "--after", ids["raid"], code=1).stderr
    assert cli.records() == before


def test_move_refuses_bad_usage(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    a = cli("add", "c", "2003-06-17", "raid").stdout.strip()
    assert "exactly one of" in cli("move", a, code=2).stderr
    assert "itself" in cli("move", a, "--after", a, code=1).stderr


def test_elapsed_is_from_the_row_above_of_its_case(cli: Cli) -> None:
    """A gap is measured from the row above, whatever its precision (one day somewhere in a
    span too, approximate), never from another case's."""
    cli("case", "add", "a", "--title", "A")
    cli("case", "add", "b", "--title", "B")
    for case, day, title in [
        ("a", "2003-06-17", "raid"),
        ("b", "2003-06-20", "other case"),
        ("a", "2003-07-03", "release"),
        ("a", "between 3 Jul 2003 and 16 Sep 2014", "returned"),
        ("b", "between 2003 and 2014", "filing"),
        ("a", "2014-09-16", "dismissal"),
    ]:
        cli("add", case, day, title)
    lines = cli("timeline", "-f", "markdown").stdout.splitlines()
    header = [cell.strip() for cell in lines[0].split("|")]
    rows = [dict(zip(header, (c.strip() for c in line.split("|")), strict=True))
            for line in lines[2:]]  # fmt: skip
    assert {r["title"]: r["elapsed"] for r in rows} == {
        "raid": "", "other case": "", "release": "+16d", "returned": "~+0d", "filing": "",
        "dismissal": "~+11y 2m",
    }  # fmt: skip


def test_elapsed_under_an_early_mid_or_late_date_is_from_it(cli: Cli) -> None:
    """The trial's case: '22 Sep 2008' under 'mid Sep 2008' is some days after it, not 4 years
    after the last day-, month- or year-precise row (Feb 2004); the same latest first."""
    cli("case", "add", "c", "--title", "C")
    for day, title in [
        ("Feb 2004", "Mise en examen"),
        ("late 2007", "Réquisitoire"),
        ("mi-septembre 2008", "Non-lieu"),
        ("22 Sep 2008", "Appel du parquet"),
        ("before 2009", "Note"),
        ("2011", "Arrêt"),
    ]:
        cli("add", "c", day, title)

    def gaps(*args: str) -> dict[str, str]:
        lines = cli("timeline", "c", "-f", "markdown", *args).stdout.splitlines()
        rows = [[c.strip() for c in line.split("|")] for line in lines[2:]]
        return {row[5]: row[3] for row in rows}

    expected = {
        "Mise en examen": "", "Réquisitoire": "~+3y 7m", "Non-lieu": "~+1y",
        "Appel du parquet": "~+11d", "Note": "", "Arrêt": "~+1y",
    }  # fmt: skip
    assert gaps() == expected
    assert gaps("--reverse") == expected


def test_elapsed_counts_days_to_a_span_and_from_its_end(cli: Cli) -> None:
    """A gap of 20 days to a span of days is ~+20d, not ~+0; from a span (a custody), the gap
    runs from its last day."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2020-01-01", "a")
    cli("add", "c", "2020-01-21 to 2020-02-10", "b")
    cli("add", "c", "2020-03-01", "c")
    rows = cli("timeline", "c").stdout.splitlines()[2:]
    assert [row.split()[-3] for row in rows] == ["2020", "~+20d", "~+20d"]


def test_a_party_view_keeps_the_role_longest_and_says_whose_role_is_whose(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Narrowed, a timeline of a party's milestones leaves out elapsed, then kind, and keeps
    the role (what the party did there); with two parties, each role follows its name."""
    for case in ("dreyfus-1894", "zola-1898"):
        cli("case", "add", case, "--title", case)
    cli(
        "add",
        "dreyfus-1894",
        "1894-10-15",
        "Arrest of Captain Alfred Dreyfus at the War Ministry in Paris",
        "--kind",
        "arrest",
        "--party",
        "War Ministry:investigating authority",
    )
    cli(
        "add",
        "zola-1898",
        "1898-01-13",
        "Zola publishes J'accuse in L'Aurore",
        "--kind",
        "filing",
        "--party",
        "War Ministry:complainant",
        "--party",
        "Émile Zola:defendant",
    )
    monkeypatch.setenv("COLUMNS", "56")
    header = cli("timeline", "--party", "War Ministry").stdout.splitlines()[0].split()
    assert header == ["id", "case", "date", "role", "title"]
    monkeypatch.setenv("COLUMNS", "200")
    both = ("timeline", "--party", "War Ministry", "--party", "Émile Zola")
    assert "  War Ministry: complainant; Émile Zola: defendant  " in cli(*both).stdout
    (row,) = json.loads(cli(*both, "-f", "json").stdout)
    assert row["role"] == "War Ministry: complainant; Émile Zola: defendant"
