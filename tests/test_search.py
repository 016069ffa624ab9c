"""`casetrack search`: ranking, highlighting, forgiving input, limits and an index in step."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Cli
from tests.pdfs import exhibit

RAID = "https://example.org/2003/06/18/raid"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two cases with the kind of milestones researchers record, built once per module."""
    path = tmp_path_factory.mktemp("search") / "template.db"
    cli = Cli(path)
    # Titles with none of the words searched for below but in the tests of case titles.
    cli("case", "add", "pmoi-2003", "--title", "Opposition group inquiry")
    cli("case", "add", "aff-2010", "--title", "Charity fund affair")
    cli("party", "add", "People's Mojāhedin Organization of Iran", "--kind", "organization",
        "--alias", "PMOI", "--alias", "MEK")  # fmt: skip
    cli("source", "add", RAID, "--title", "Dawn raid in the Val-d'Oise", "--publisher", "AFP")
    add = [
        ["pmoi-2003", "2003-06-17", "Police raid the offices at Auvers-sur-Oise", "--kind",
         "raid", "--party", "PMOI:subject", "--source", RAID, "--quote",
         "1,300 officers searched thirteen buildings", "--tag", "raid"],
        ["pmoi-2003", "2003-06-18", "Prosecutor speaks of money laundering", "--party",
         "Jean-Louis Bruguière:investigating judge", "--note",
         "Statement on the laundering of money through charities"],
        ["pmoi-2003", "2003-06", "Funds seized; laundering suspected of money sent abroad",
         "--location", "Auvergne", "--party", "MEK:subject"],
        ["pmoi-2003", "2003-07-03", "Members released under judicial supervision",
         "--kind", "release", "--party", "Maryam Radjavi:detainee", "--status", "disputed"],
        ["aff-2010", "2010-02", "Money laundering charges filed", "--kind", "charge",
         "--tag", "Money Laundering", "--key"],
        ["aff-2010", "2011", "Appeal on the raid evidence", "--kind", "appeal",
         "--location", "Clermont-Ferrand, Auvergne"],
    ]  # fmt: skip
    for args in add:
        cli("add", *args)
    return path


@pytest.fixture
def store(cli: Cli, template: Path) -> Cli:
    shutil.copy(template, cli.db_path)
    return cli


def ids(cli: Cli, *args: str) -> list[int]:
    return [r["id"] for r in json.loads(cli("search", *args, "--format", "json").stdout)]


def own_ids(cli: Cli, *args: str) -> list[int]:
    """The milestones that hold the words themselves, not only in their case's slug or
    title (PMOI is in the slug pmoi-2003: its other milestones follow those that say it)."""
    found = json.loads(cli("search", *args, "--format", "json").stdout)
    return [r["id"] for r in found if r["snippet_field"] != "case"]


def test_exact_phrase_ranks_first(store: Cli) -> None:
    # 2, 3 and 5 all hold both words; only 2 and 5 hold them as a phrase, 5 also as a tag.
    assert ids(store, "money laundering") == [5, 2, 3]
    assert ids(store, '"money laundering"') == [5, 2]
    assert ids(store, "money", "laundering") == [5, 2, 3]


def test_matches_every_searchable_field(store: Cli) -> None:
    assert ids(store, "thirteen") == [1]  # quote
    assert ids(store, "charities") == [2]  # note
    assert set(ids(store, "auvergne")) == {3, 6}  # location
    assert (
        sorted(ids(store, "mek")) == sorted(own_ids(store, "PMOI")) == [1, 3]
    )  # party name and aliases
    assert ids(store, "Val-d'Oise") == [1]  # source title
    assert ids(store, "AFP") == [1]  # source publisher
    assert ids(store, "charge") == [5]  # kind only: the title says "charges"
    assert ids(store, "detainee") == [4]  # the role a party plays
    assert ids(store, "investigating") == [2]


def test_a_kind_match_is_said_in_the_match_column(store: Cli) -> None:
    lines = store("search", "detainee").stdout.splitlines()
    assert "roles: [detainee]" in lines[2]


def test_accents_case_and_prefixes(store: Cli) -> None:
    assert sorted(ids(store, "MOJAHEDIN")) == sorted(ids(store, "mojāhedin")) == [1, 3]
    assert ids(store, "bruguiere") == [2]
    assert set(ids(store, "laund*")) == {2, 3, 5}
    assert set(ids(store, "raid OR released")) == {1, 4, 6}
    assert ids(store, "raid NOT appeal") == [1]
    assert ids(store, "raid AND evidence") == [6]


def test_letters_a_keyboard_lacks_are_found_by_their_plain_letter(cli: Cli, tmp_path: Path) -> None:
    """Turkish dotless i, ł, ø, đ have no accent for the index to drop: typed plain, found."""
    cli("case", "add", "tr", "--title", "Istanbul")
    cli("add", "tr", "2016-07-20", "Police search a flat in Kad\u0131köy", "--party",
        "Yarg\u0131tay:court", "--note", "Seen by Łukasz from Søborg")  # fmt: skip
    cli("add", "tr", "2016-07-21", "Kadikoy police station visited")
    note = tmp_path / "letter.txt"
    note.write_text("A letter written in Kad\u0131köy by Selin Ayd\u0131n.")
    cli("doc", "add", str(note))

    def found(text: str) -> list[int]:
        return [r["id"] for r in json.loads(cli("search", text, "-f", "json").stdout) if "id" in r]

    assert sorted(found("kadikoy")) == sorted(found("Kad\u0131köy")) == sorted(found("KADIKOY"))
    assert sorted(found("kadikoy")) == [1, 2]
    assert found("yargitay") == found("lukasz soborg") == [1]
    assert found("kadikoy NOT police") == []
    shown = cli("search", "kadikoy").stdout
    assert "[Kad\u0131köy]" in shown and "[Kadikoy]" in shown
    pages = json.loads(cli("search", "aydin", "-f", "json").stdout)
    assert [(p["type"], p["document"]) for p in pages] == [("page", 1)]


def test_folded_letters_are_found_in_phrases_prefixes_and_as_two_letters(cli: Cli) -> None:
    """A phrase, a prefix and "ae" for æ reach the same words as a plain word typed alone."""
    cli("case", "add", "tr", "--title", "Istanbul")
    cli("add", "tr", "2016-07-20", "Yarg\u0131tay karar\u0131 on the raid", "--note", "Sent to Ærø")
    cli("add", "tr", "2016-07-21", "Yargitay hearing adjourned")
    cli("add", "tr", "2016-07-22", "Bernard Cœurdevey questioned in Łódź")

    def found(text: str) -> list[int]:
        return sorted(r["id"] for r in json.loads(cli("search", text, "-f", "json").stdout))

    assert found('"yargitay karari"') == found('"Yarg\u0131tay karar\u0131"') == [1]
    assert found("yarg*") == found("Yarg\u0131*") == [1, 2]
    assert found('"yargitay kar"*') == [1]
    assert found("aero") == found("Ærø") == [1]
    assert found("coeurdevey") == found("cœurdevey") == [3]
    assert found("lodz") == found('"questioned in lodz"') == [3]
    assert found('"yargitay hearing"') == [2]
    assert cli("search", '"karari yargitay"').stderr.strip() == "no matches"


@pytest.mark.parametrize(
    "typed",
    ['"', '"raid', "raid)", "(raid", ":", "*", "NEAR(", "NEAR(raid, 2)", "raid:", "AND", "NOT",
     "--", "^raid", "'); DROP TABLE milestones; --", "raid' OR 1=1 --", "{title}: raid",
     "\x00", "SELECT * FROM milestones"],
)  # fmt: skip
def test_nasty_input_finds_words_or_nothing(store: Cli, typed: str) -> None:
    result = store("search", "--", typed)
    assert result.stdout or result.stderr.strip() == "no matches"
    assert store.query("SELECT count(*) FROM milestones") == [(6,)]


def test_highlights_plain_markers_without_a_terminal(store: Cli) -> None:
    out = store("search", "auvergne").stdout
    assert "[Auvergne]" in out and "\x1b[" not in out
    assert "location: Clermont-Ferrand, [Auvergne]" in out
    markdown = store("search", "auvergne", "--format", "markdown").stdout
    assert "**Auvergne**" in markdown


def test_colour_only_on_a_terminal_without_no_color(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    from casetrack.cli import search as cli_search
    from casetrack.cli.common import OutputFormat

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_search._marks(OutputFormat.table) == ("\x1b[1;33m", "\x1b[0m")
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_search._marks(OutputFormat.table) == ("[", "]")


def test_json_is_the_timeline_record_plus_rank_and_snippet(store: Cli) -> None:
    found = json.loads(store("search", "thirteen", "--format", "json").stdout)
    timeline = json.loads(store("timeline", "pmoi-2003", "--format", "json").stdout)
    record = next(r for r in timeline if r["id"] == 1)
    snippet = "1,300 officers searched [thirteen] buildings"
    assert found[0] == {
        "type": "milestone",
        **record,
        "rank": 1,
        "snippet_field": "quotes",
        "snippet": snippet,
    }


def test_json_and_csv_say_which_hits_are_pages_of_documents(cli: Cli, tmp_path: Path) -> None:
    """A script reading search output tells a milestone from a document's page by its type."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2003-06-17", "Police raid on Acme", "--kind", "raid")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5", "--case", "acme")
    found = json.loads(cli("search", "police", "-f", "json").stdout)
    assert [(r["type"], r.get("id"), r.get("document")) for r in found] == [
        ("milestone", 1, None),
        ("page", None, 1),
    ]
    rows = list(csv.DictReader(io.StringIO(cli("search", "police", "-f", "csv").stdout)))
    assert [(r["type"], r["id"], r["kind"]) for r in rows] == [("milestone", "1", "raid"),
                                                               ("page", "", "")]  # fmt: skip


def test_a_title_match_ranks_above_a_match_in_a_party_s_every_alias(cli: Cli) -> None:
    """bm25 sums a row's weighted counts before it saturates them and scales by the row's
    length: a party named three ways outscored a title with a long note."""
    cli("case", "add", "usa", "--title", "USA")
    cli("party", "add", "Karim Benali", "--alias", "Benali, Karim", "--alias", "KARIM BENALI")
    cli("add", "usa", "2013-10-01", "Jury trial", "--party", "Karim Benali:defendant")
    cli(
        "add",
        "usa",
        "1998",
        "Benali arrives in New York",
        "--note",
        "He came by ship from Algiers with his wife and two children and settled in the Bronx",
    )
    for year in range(2001, 2005):
        cli("add", "usa", str(year), f"Other {year}")
    found = json.loads(cli("search", "benali", "-f", "json").stdout)
    assert [r["title"] for r in found] == ["Benali arrives in New York", "Jury trial"]
    # Several words: those whose title holds every one lead.
    cli("add", "usa", "2013-10-02", "Hearing", "--party", "Karim Benali:defendant",
        "--note", "in York")  # fmt: skip
    found = json.loads(cli("search", "benali", "york", "-f", "json").stdout)
    assert [r["title"] for r in found] == ["Benali arrives in New York", "Hearing"]


def test_results_are_capped_and_the_rest_counted(store: Cli) -> None:
    result = store("search", "raid OR money OR members", "--limit", "2")
    assert len(result.stdout.strip().splitlines()) == 2 + 2
    assert "4 more matches: show them with --limit N or --all" in result.stderr
    assert len(ids(store, "raid OR money OR members", "--all")) == 6
    store("search", "raid", "--limit", "0", code=2)


def test_filters_apply_to_search(store: Cli) -> None:
    assert ids(store, "laundering", "--case", "aff-2010") == [5]
    assert ids(store, "raid", "--kind", "appeal", "--kind", "release") == [6]
    assert ids(store, "money", "--since", "2004") == [5]
    assert ids(store, "members", "--status", "disputed") == [4]
    assert ids(store, "raid", "--party", "pmoi") == [1]
    assert ids(store, "raid", "--source", "1") == [1]
    store("search", "raid", "--case", "pmoi-2030", code=1)


def test_no_text_is_a_usage_error(store: Cli) -> None:
    result = store("search", code=2)
    assert "timeline" not in result.stderr


def test_filters_without_text_point_to_timeline(store: Cli) -> None:
    """'search --party X' alone is what 'timeline --party X' does: the one line says so."""
    result = store("search", "--party", "pmoi", code=2)
    assert result.stderr == (
        "casetrack: Invalid value for TEXT: give words to search for, or --rebuild; with no"
        " words, 'casetrack timeline' takes the same filters (the cases as arguments) and"
        " lists what they select (see 'casetrack search --help')\n"
    )


def index_in_step(cli: Cli) -> None:
    """The search rows equal what the view computes, and the FTS index matches them."""
    columns = "id, title, note, location, tags, quotes, parties, sources"
    assert cli.query(f"SELECT {columns} FROM milestone_search ORDER BY id") == cli.query(
        f"SELECT {columns} FROM milestone_search_source ORDER BY id"
    )
    cli.query("INSERT INTO milestone_search_fts (milestone_search_fts, rank)"
              " VALUES ('integrity-check', 1)")  # fmt: skip


def test_rows_rebuilt_a_table_at_a_time_search_as_the_views_rows(store: Cli) -> None:
    """Every column of the rows worked out set-wise for a bulk write gives the same hits, in
    the same order, with the same snippets and highlights, as the rows the triggers wrote
    through the view."""
    from casetrack.search_index import rebuild_search
    from casetrack.store import Store

    store("party", "alias", "Maryam Radjavi", "Radjavi M.")
    store("add", "aff-2010", "2012", "Hearing of the MEK witnesses", "--kind", "hearing",
          "--party", "PMOI:witness", "--party", "PMOI:subject", "--party", "Radjavi M.:witness",
          "--source", RAID, "--quote", "thirteen buildings, again")  # fmt: skip
    words = ["raid", "MEK", "mojahedin", "judge", "witness", "thirteen", "AFP", "val-d'oise",
             "auvergne", "charities", "release", "detainee", "money laundering",
             "radjavi"]  # fmt: skip

    def found() -> list[str]:
        return [store("search", word, "--format", "json").stdout for word in words]

    through_view = found()
    opened = Store.open(store.db_path)
    with opened.write() as conn:
        rebuild_search(conn)
    opened.close()
    assert found() == through_view
    assert all(json.loads(out) for out in through_view)
    index_in_step(store)


def test_index_follows_add(store: Cli) -> None:
    index_in_step(store)
    new = store("add", "pmoi-2003", "2003-08", "Hunger strike begins", "--tag", "Protest").stdout
    assert ids(store, "hunger") == ids(store, "protest") == [int(new)]
    index_in_step(store)


def test_index_follows_edit_of_fields(store: Cli) -> None:
    store("edit", "4", "--title", "Detainees freed", "--note", "Bail granted",
          "--location", "Auvergne")  # fmt: skip
    assert ids(store, "members") == []
    assert ids(store, "freed") == ids(store, "bail") == [4]
    assert 4 in ids(store, "auvergne")
    index_in_step(store)


def test_index_follows_tags(store: Cli) -> None:
    store("edit", "4", "--tag", "hunger strike")
    assert ids(store, "hunger") == [4]
    store("edit", "4", "--remove-tag", "hunger strike")
    assert ids(store, "hunger") == []
    index_in_step(store)


def test_index_follows_party_links(store: Cli) -> None:
    store("edit", "6", "--party", "Cour de cassation:court")
    assert ids(store, "cassation") == [6]
    store("edit", "6", "--remove-party", "cour de cassation")
    assert ids(store, "cassation") == []
    index_in_step(store)


def test_index_follows_kinds_and_roles(store: Cli) -> None:
    store("edit", "6", "--kind", "ruling", "--party", "Cour de cassation:court")
    assert ids(store, "ruling") == ids(store, "court") == [6]
    store("edit", "6", "--kind", "appeal", "--remove-party", "cour de cassation")
    assert ids(store, "ruling") == ids(store, "court") == []
    index_in_step(store)


def test_index_follows_sources_and_quotes(store: Cli) -> None:
    store("edit", "6", "--source", RAID, "--quote", "evidence gathered unlawfully")
    assert ids(store, "unlawfully") == [6]
    assert 6 in ids(store, "Val-d'Oise")
    store("edit", "6", "--remove-source", RAID)
    assert ids(store, "unlawfully") == []
    index_in_step(store)


def test_index_follows_rm(store: Cli) -> None:
    store("rm", "6")
    assert ids(store, "evidence") == []
    index_in_step(store)


def test_index_follows_party_alias_and_merge(store: Cli) -> None:
    store("party", "alias", "Maryam Radjavi", "Maryam Rajavi")
    assert ids(store, "rajavi") == [4]
    store("party", "add", "Mojahedin-e Khalq")
    store("edit", "5", "--party", "Mojahedin-e Khalq:defendant")
    store("party", "merge", "PMOI", "Mojahedin-e Khalq")
    assert sorted(own_ids(store, "PMOI")) == sorted(ids(store, "khalq")) == [1, 3, 5]
    index_in_step(store)


def test_index_follows_case_removal(store: Cli) -> None:
    store("case", "rm", "aff-2010", "--force")
    assert ids(store, "appeal") == []
    live = "SELECT count(*) FROM milestone_search s JOIN milestones m ON m.id = s.id"
    assert store.query(live + " WHERE m.deleted_at IS NULL") == [(4,)]
    index_in_step(store)


def test_rebuild_repairs_a_damaged_index(store: Cli) -> None:
    import sqlite3

    conn = sqlite3.connect(store.db_path)
    conn.execute("UPDATE milestone_search SET title = 'garbled' WHERE id = 1")
    conn.execute("INSERT INTO milestone_search_fts (milestone_search_fts) VALUES ('delete-all')")
    conn.commit()
    conn.close()
    assert ids(store, "thirteen") == []
    result = store("search", "--rebuild")
    assert "rebuilt the search index (6 milestones)" in result.stderr
    assert ids(store, "thirteen") == [1]
    assert ids(store, "garbled") == []
    index_in_step(store)


def test_old_store_gets_the_index_on_open(store: Cli) -> None:
    import sqlite3

    from casetrack.schema import LATEST_VERSION

    conn = sqlite3.connect(store.db_path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.executescript(
        "DROP TABLE milestone_search_fts; DROP TABLE milestone_search;"
        " DROP VIEW milestone_search_source;"
        " DELETE FROM _sqlite_migrations"
        " WHERE name IN ('m002_search', 'm010_search_kinds_and_roles');"
        " PRAGMA user_version = 1;"
    )
    conn.close()
    assert not store.query("SELECT name FROM sqlite_master WHERE name LIKE 'milestone_search%'")
    assert ids(store, "thirteen") == [1]
    assert store.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    index_in_step(store)


@given(st.text(alphabet="aeiolodhtxz", max_size=12))
def test_every_spelling_folds_back_to_the_word_typed(plain: str) -> None:
    """The spellings looked up are exactly words that fold to what was typed, the typed word
    first, none twice, and never more than the bound."""
    from casetrack.search import _MOST_SPELLINGS, _variants
    from casetrack.text import name_key

    spellings = _variants(plain)
    assert spellings[0] == plain
    assert len(spellings) == len(set(spellings)) <= _MOST_SPELLINGS
    assert all(name_key(s) == plain for s in spellings)
    if len(plain) <= 4 and any(ch in "ilodht" for ch in plain):  # at most 3**4 spellings
        assert len(spellings) > 1


def test_a_citation_with_brackets_is_marked_whole(cli: Cli) -> None:
    """'12(b)(6)' is the words 12, b and 6 to the index, whose mark of the phrase ends after
    the 6: the closing bracket the match opened is marked with it, in a pipe and in JSON."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2021-04-12", "Motion to dismiss under Rule 12(b)(6)", "--kind", "motion")
    listed = cli("search", "12(b)(6)").stdout
    assert "Rule [12(b)(6)]" in listed
    found = json.loads(cli("search", "12(b)(6)", "-f", "json").stdout)
    assert found[0]["snippet"] == "Motion to dismiss under Rule [12(b)(6)]"
    assert "[dismiss]" in cli("search", "dismiss").stdout


def test_british_spellings_find_the_words_casetrack_stores(cli: Cli, tmp_path: Path) -> None:
    """`search judgement` finds what `--kind judgement` does (the kind judgment) and a title
    spelt either way, alone, in a phrase, as a prefix or a plural; organisation finds a
    party organization; a document's pages are searched the same way."""
    cli("case", "add", "acme", "--title", "Acme v. Widget")
    cli("add", "acme", "2024-08-01", "Court rules for the plaintiff", "--kind", "judgement")
    cli("add", "acme", "2024-08-02", "Final judgment entered", "--kind", "order")
    cli("add", "acme", "2024-08-03", "Judgements of the lower courts cited", "--kind", "filing")
    cli("add", "acme", "2024-08-04", "Amicus brief", "--party", "Widget Organization:amicus")
    note = tmp_path / "ruling.txt"
    note.write_text("The judgment of the court is affirmed.")
    cli("doc", "add", str(note))
    assert cli.query("SELECT kind FROM milestones WHERE id = 1") == [("judgment",)]

    def found(text: str) -> list[int]:
        hits = json.loads(cli("search", text, "-f", "json").stdout)
        return sorted(r["id"] for r in hits if "id" in r)

    assert found("judgement") == found("judgment") == found("JUDGEMENT") == [1, 2]
    assert found('"final judgement"') == [2]
    assert found("judgement*") == found("judgment*") == [1, 2, 3]
    assert found("judgments") == found("judgements") == [3]
    assert found("organisation") == found("organization") == [4]
    hits = json.loads(cli("search", "judgement", "-f", "json").stdout)
    assert [h["document"] for h in hits if h["type"] == "page"] == [1]
    shown = cli("search", "judgement").stdout
    assert "kind: [judgment]" in shown and "Final [judgment] entered" in shown
