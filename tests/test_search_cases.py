"""`casetrack search` by a case's title or slug: its milestones are listed below those that
hold the words themselves, the case is named on stderr, and the index of case titles and
slugs (schema.m025_case_names) follows every change to the cases, undo included."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from casetrack.schema import LATEST_VERSION
from tests.conftest import Cli


@pytest.fixture
def store(cli: Cli) -> Cli:
    cli("case", "add", "hartley-estate", "--title", "Estate of Hartley")
    cli("case", "add", "smith-v-orion", "--title", "Smith v. Orion")
    for args in (
        ["hartley-estate", "2020-01-02", "Will filed for probate"],
        ["hartley-estate", "2020-03-05", "Executor appointed"],
        ["smith-v-orion", "2021-03-04", "Complaint filed", "--kind", "complaint"],
        ["smith-v-orion", "2021-01-10", "Letter about the Hartley estate's shares"],
    ):
        cli("add", *args)
    return cli


def found(cli: Cli, *args: str) -> list[tuple[int, str]]:
    """Each hit's id and where it matched, best first."""
    out = json.loads(cli("search", *args, "--format", "json").stdout)
    return [(r["id"], r["snippet_field"]) for r in out]


def in_step(cli: Cli) -> None:
    """The index holds every case's title and slug, and `check` finds nothing wrong."""
    assert cli.query("SELECT rowid, title, slug FROM case_names_fts ORDER BY rowid") == (
        cli.query("SELECT id, title, slug FROM cases ORDER BY id")
    )
    cli.query("INSERT INTO case_names_fts (case_names_fts, rank) VALUES ('integrity-check', 1)")
    assert "search" not in cli("check").stdout


def test_a_caption_or_a_slug_finds_the_case_s_milestones(store: Cli) -> None:
    assert found(store, "Smith v. Orion") == [(4, "case"), (3, "case")]  # timeline order
    assert found(store, "Estate of Hartley") == [(1, "case"), (2, "case")]
    said = store("search", "hartley-estate")
    # Milestone 4 says the words itself: it comes first, the case's milestones after it.
    assert [line.split()[0] for line in said.stdout.splitlines()[2:]] == ["4", "1", "2"]
    assert "case: [hartley-estate]" in said.stdout
    assert said.stderr == (
        'case hartley-estate, "Estate of Hartley": casetrack timeline hartley-estate\n'
    )
    assert "case: [Estate] [of] [Hartley]" in store("search", "Estate of Hartley").stdout
    assert found(store, "orion") == [(4, "case"), (3, "case")]
    assert found(store, "hartley") == [(4, "title"), (1, "case"), (2, "case")]


def test_words_split_between_a_case_s_title_and_its_milestones_find_them(store: Cli) -> None:
    """Some words in the case's title or slug, the rest in the milestone: listed after the
    milestones that hold them all, before those that match by their case alone."""
    assert found(store, "hartley probate") == [(1, "case")]
    said = store("search", "hartley", "probate")
    assert "Will filed for [probate]  case: Estate of [Hartley]" in said.stdout
    assert said.stderr == (
        'case hartley-estate, "Estate of Hartley": casetrack timeline hartley-estate\n'
    )
    assert found(store, "orion complaint") == [(3, "case")]
    assert found(store, "smith-v-orion complaint") == [(3, "case")]
    assert found(store, "hartley shares") == [(4, "title")]  # all its own: no split
    store("add", "hartley-estate", "2020-06-01", "Shares sold", "--note", "Orion bought them")
    assert found(store, "hartley shares") == [(4, "title"), (5, "case")]
    assert found(store, "orion hartley") == [(5, "case"), (4, "case")]
    assert found(store, "hartley probate", "--kind", "complaint") == []
    # With an operator the words are not split: the case matches the query whole or not.
    assert found(store, "shares NOT hartley") == [(5, "title")]
    store("edit", "1", "--case", "smith-v-orion")
    assert found(store, "hartley probate") == []
    assert found(store, "orion probate") == [(1, "case")]
    store("undo")
    assert found(store, "hartley probate") == [(1, "case")]


def test_a_case_matching_no_listed_milestone_is_still_named(store: Cli) -> None:
    store("case", "add", "doe-2024", "--title", "Doe inquest")
    said = store("search", "inquest")
    assert said.stdout == ""
    assert said.stderr == (
        'no milestones match\ncase doe-2024, "Doe inquest": casetrack timeline doe-2024\n'
    )
    assert store("search", "nowhere").stderr == "no matches\n"
    # A long title is cut short so the line fits 80 columns.
    store("case", "edit", "doe-2024", "--title", "In the matter of the inquest " + "x " * 40)
    [line] = store("search", "inquest").stderr.splitlines()[1:]
    assert len(line) <= 79 and line.endswith('…": casetrack timeline doe-2024')


def test_filters_and_limits_apply_to_a_case_s_milestones(store: Cli) -> None:
    assert found(store, "orion", "--kind", "complaint") == [(3, "case")]
    assert found(store, "orion", "--case", "hartley-estate") == []
    assert found(store, "hartley", "--case", "hartley-estate") == [(1, "case"), (2, "case")]
    said = store("search", "hartley", "--limit", "1")
    assert [line.split()[0] for line in said.stdout.splitlines()[2:]] == ["4"]
    assert "2 more matches: show them with --limit N or --all" in said.stderr
    said = store("search", "hartley", "--limit", "2", "--format", "csv")
    assert [row.split(",")[2] for row in said.stdout.splitlines()[1:]] == ["4", "1"]


def test_the_index_follows_a_new_title_and_slug_and_their_undo(store: Cli) -> None:
    store("case", "edit", "smith-v-orion", "--title", "Smith v. Polaris Holdings")
    assert found(store, "polaris") == [(4, "case"), (3, "case")]
    assert found(store, '"smith v. orion"') == [(4, "case"), (3, "case")]  # the slug's words
    in_step(store)
    store("case", "rename", "smith-v-orion", "smith-2021")
    assert found(store, "smith-2021") == [(4, "case"), (3, "case")]
    assert found(store, "orion") == []
    in_step(store)
    store("undo")
    assert found(store, "orion") == [(4, "case"), (3, "case")]
    assert found(store, "smith-2021") == []
    store("undo")
    assert found(store, "polaris") == []
    assert "Smith v. [Orion]" in store("search", "orion", "--format", "csv").stdout
    in_step(store)


def test_the_index_follows_a_milestone_moved_to_another_case_and_back(store: Cli) -> None:
    store("edit", "1", "--case", "smith-v-orion")
    assert found(store, "Estate of Hartley") == [(2, "case")]
    assert found(store, "Smith v. Orion") == [(1, "case"), (4, "case"), (3, "case")]
    store("undo")
    assert found(store, "Estate of Hartley") == [(1, "case"), (2, "case")]
    assert found(store, "Smith v. Orion") == [(4, "case"), (3, "case")]
    in_step(store)


def test_a_case_in_the_trash_or_erased_is_not_named(store: Cli) -> None:
    store("case", "rm", "smith-v-orion", "--force")
    said = store("search", "orion")
    assert (said.stdout, said.stderr) == ("", "no matches\n")
    store("undo")
    assert found(store, "orion") == [(4, "case"), (3, "case")]
    store("case", "rm", "smith-v-orion", "--force")
    store("purge", "--case", "smith-v-orion", "--yes")
    assert store.query(
        "SELECT count(*) FROM case_names_fts WHERE case_names_fts MATCH 'orion'"
    ) == [(0,)]
    in_step(store)


def test_an_import_indexes_its_cases(store: Cli, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    store("export", "--output", str(exported))
    other = Cli(tmp_path / "other.db")
    other("init")
    other("import", str(exported))
    out = json.loads(other("search", "Smith v. Orion", "--format", "json").stdout)
    assert [r["title"] for r in out] == [
        "Letter about the Hartley estate's shares",
        "Complaint filed",
    ]
    in_step(other)
    other("undo")
    assert other("search", "orion").stderr == "no matches\n"
    in_step(other)


@pytest.mark.parametrize("column", ["title", "docket", "court"])
def test_check_finds_the_index_out_of_step_and_rebuild_mends_it(store: Cli, column: str) -> None:
    conn = sqlite3.connect(store.db_path)
    with conn:
        conn.execute(f"UPDATE case_names_fts SET {column} = 'Smith v. Nobody' WHERE rowid = 2")
    conn.close()
    said = store("check", code=1)
    assert "1 case out of date in the index of case titles" in said.stdout + said.stderr
    store("search", "--rebuild")
    in_step(store)
    assert found(store, "orion") == [(4, "case"), (3, "case")]
    assert found(store, "nobody") == []


def test_a_store_made_before_the_index_gets_it_on_opening(store: Cli) -> None:
    conn = sqlite3.connect(store.db_path)
    with conn:
        for trigger in ("ai", "au", "ad"):
            conn.execute(f"DROP TRIGGER cases_names_{trigger}")
        conn.execute("DROP TABLE case_names_fts")
        conn.execute(
            "DELETE FROM _sqlite_migrations WHERE name IN ('m025_case_names', 'm028_case_numbers')"
        )
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION - 2}")
    conn.close()
    assert found(store, "hartley-estate") == [(4, "title"), (1, "case"), (2, "case")]
    assert store.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    in_step(store)


@pytest.fixture
def numbered(cli: Cli) -> Cli:
    """Three cases with docket numbers as courts write them, and a milestone each."""
    for slug, title, court, docket in (
        ("acme", "Acme v. Widget", "S.D.N.Y.", "1:21-cv-01234"),
        ("dupont", "Dupont c. Martin", "Tribunal judiciaire de Paris", "RG 19/04567"),
        ("crim", "Ministère public c. X", "Cour de cassation", "n° 18-84.123"),
    ):
        cli("case", "add", slug, "--title", title, "--court", court, "--docket", docket)
    cli("add", "acme", "2021-03-01", "Complaint filed", "--kind", "complaint")
    cli("add", "dupont", "2019-05-02", "Assignation délivrée")
    cli("add", "crim", "2019-01-10", "Pourvoi formé")
    cli("add", "crim", "2019-06-10", "Arrêt de rejet", "--kind", "ruling")
    return cli


def test_a_docket_number_or_a_court_finds_the_case_s_milestones(numbered: Cli) -> None:
    """A litigator types the docket number first: its punctuation is no query syntax."""
    for typed, ids in (
        ("1:21-cv-01234", [1]),
        ("RG 19/04567", [2]),
        ("19/04567", [2]),
        ("n° 18-84.123", [3, 4]),
        ("18-84.123", [3, 4]),
        ("1:21*", [1]),
        ("cassation", [3, 4]),
        ('"tribunal judiciaire"', [2]),
        ("tribunal judiciaire de paris", [2]),
        ("S.D.N.Y.", [1]),
    ):
        assert found(numbered, typed) == [(i, "case") for i in ids], typed
    said = numbered("search", "1:21-cv-01234")
    assert "case: [1:21-cv-01234]" in said.stdout
    assert said.stderr == 'case acme, "Acme v. Widget": casetrack timeline acme\n'
    assert "case: Cour de [cassation]" in numbered("search", "cassation").stdout
    # Words split between the docket number and the milestone, as with a title.
    assert found(numbered, "18-84.123 rejet") == [(4, "case")]
    assert found(numbered, "18-84.123 ruling") == [(4, "case")]
    assert found(numbered, "1:21-cv-09999") == []


@pytest.mark.parametrize(
    "typed", ['"1:21-cv', "1:21-cv-01234)", "(RG", "NEAR(18-84", "cv-* OR", "-- :", "n°", "*"]
)
def test_punctuation_in_a_docket_number_never_breaks_the_query(numbered: Cli, typed: str) -> None:
    said = numbered("search", "--", typed)
    assert "Traceback" not in said.stdout + said.stderr
    assert said.stderr.count("\n") <= 2


def test_the_index_follows_a_new_docket_number_and_court(numbered: Cli) -> None:
    numbered("case", "edit", "acme", "--docket", "1:22-cv-00042", "--court", "D. Del.")
    assert found(numbered, "1:22-cv-00042") == [(1, "case")]
    assert found(numbered, "1:21-cv-01234") == []
    assert found(numbered, "S.D.N.Y.") == []
    assert numbered.query(
        "SELECT docket, court FROM case_names_fts WHERE rowid = 1"
    ) == numbered.query("SELECT docket, court FROM cases WHERE id = 1")
    numbered("undo")
    assert found(numbered, "1:21-cv-01234") == [(1, "case")]
    assert "search" not in numbered("check").stdout


def test_a_store_of_the_previous_release_indexes_its_docket_numbers_on_opening(
    numbered: Cli,
) -> None:
    """A store made before the docket numbers and courts were indexed: its index of case
    titles and slugs alone (m025), as that release left it, is made again when it opens."""
    import sqlite_utils

    from casetrack.schema import m025_case_names

    conn = sqlite3.connect(numbered.db_path)
    with conn:
        for trigger in ("ai", "au", "ad"):
            conn.execute(f"DROP TRIGGER cases_names_{trigger}")
        conn.execute("DROP TABLE case_names_fts")
        m025_case_names(sqlite_utils.Database(conn))
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm028_case_numbers'")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
    assert (
        conn.execute("SELECT count(*) FROM pragma_table_info('case_names_fts')").fetchone()[0] == 2
    )
    conn.close()
    assert found(numbered, "RG 19/04567") == [(2, "case")]
    assert numbered.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    numbered("case", "edit", "dupont", "--court", "Cour d'appel de Versailles")
    assert found(numbered, "versailles") == [(2, "case")]
    assert "search" not in numbered("check").stdout


def test_a_number_sign_typed_before_a_docket_number_is_not_needed(numbered: Cli) -> None:
    """'n° 18-84.123' or 'No. 18-84.123' finds the case whose docket says only 18-84.123."""
    numbered("case", "edit", "crim", "--docket", "18-84.123")
    for typed, ids in (("n° 18-84.123", [3, 4]), ("No. 18-84.123", [3, 4]),
                       ("nº 18-84.123 rejet", [4])):  # fmt: skip
        assert [i for i, _ in found(numbered, typed)] == ids, typed
    assert found(numbered, "n° cassation") == []  # no number after it: a word to find
