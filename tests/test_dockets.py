"""Court dockets in: real juriscraper and CourtListener files become timelines that read right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetrack.exchange.dockets import Options, entry_kind, read_docket, short_title
from tests.conftest import Cli

FIXTURES = Path(__file__).parent / "fixtures" / "dockets"
CIVIL = FIXTURES / "juriscraper-txed.json"
CRIMINAL = FIXTURES / "juriscraper-caed_2.json"
ALERT = FIXTURES / "courtlistener-webhook.json"
WARREN = FIXTURES / "juriscraper-ncwd_1.json"


def _timeline(cli: Cli, slug: str) -> list[tuple[Any, ...]]:
    """The case's milestones in timeline order: date, kind, title."""
    return cli.query(
        "SELECT m.date, m.kind, m.title FROM milestones m JOIN cases c ON c.id = m.case_id"
        " WHERE c.slug = ? ORDER BY m.sort_key, m.position, m.id",
        (slug,),
    )


def _roles(cli: Cli, milestone_title_like: str) -> set[tuple[Any, ...]]:
    return set(
        cli.query(
            "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
            " JOIN milestones m ON m.id = mp.milestone_id WHERE m.title LIKE ?",
            (milestone_title_like,),
        )
    )


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_civil_docket_reads_as_the_courts_chronology(cli: Cli) -> None:
    result = cli("import", str(CIVIL))
    assert "cases: 1 added" in result.stderr and "milestones: 27 added" in result.stderr
    case = cli.query("SELECT slug, title, court, docket, status, summary FROM cases")
    slug, title, court, docket, status, summary = case[0]
    assert (slug, court, docket, status) == (
        "txed-6-07-cv-00354",
        "txed",
        "6:07-cv-00354",
        "closed",
    )
    assert title == "CREATIVE INTERNET ADVERTISING CORPORATION v. Yahoo! Inc"
    assert "Assigned to: John D. Love." in summary and "Nature of suit: 830 Patent." in summary
    timeline = _timeline(cli, slug)
    assert timeline[0][:2] == ("2007-07-26", "complaint")
    assert timeline[0][2].startswith("Complaint against Yahoo! Inc, Time Warner Inc, filed by")
    assert ("2007-08-16", "order", "Order granting 10 Motion for Extension of Time to Answer") in (
        timeline
    )
    assert timeline[9][:2] == ("2007-08-15", "motion")
    assert [row[0] for row in timeline] == sorted(row[0] for row in timeline)
    # Entries 1-4 share a date: the court's order holds among them.
    notes = cli.query("SELECT note FROM milestones WHERE date = '2007-07-26' ORDER BY position")
    numbers = [n[0].rsplit("Docket entry ", 1)[1].split(",")[0].rstrip(".") for n in notes]
    assert numbers == ["1", "2", "3", "4"]
    assert _roles(cli, "Complaint against%") == {
        ("AOL LLC", "unknown"),
        ("James W. Knowles", "mediator"),
        ("CREATIVE INTERNET ADVERTISING CORPORATION", "plaintiff"),
        ("CREATIVE INTERNET ADVERTISING CORPORATION", "counter defendant"),
        ("Yahoo! Inc", "defendant"),
        ("Yahoo! Inc", "counter claimant"),
        ("Time Warner Inc", "defendant"),
        ("Time Warner Inc", "counter claimant"),
    }
    # A terminated party keeps its termination date.
    assert _roles(cli, "Time Warner Inc terminated%") == {
        ("Time Warner Inc", "defendant"),
        ("Time Warner Inc", "counter claimant"),
    }
    assert cli.query("SELECT date FROM milestones WHERE title LIKE 'Time Warner%'") == [
        ("2008-03-26",)
    ]
    # The date entered is kept when it differs from the date filed.
    [(note,)] = cli.query("SELECT note FROM milestones WHERE title LIKE 'E-gov%Time Warner Inc.'")
    assert "entered 2007-07-27" in note
    again = cli("import", str(CIVIL))
    assert "milestones: 27 unchanged" in again.stderr and "added" not in again.stderr


def test_attorneys_come_only_when_asked(cli: Cli) -> None:
    cli("import", str(CIVIL))
    assert not cli.query("SELECT 1 FROM parties WHERE name = 'Anthony G Simon'")
    cli("import", str(CIVIL), "--attorneys")
    assert ("Anthony G Simon", "attorney for creative internet advertising corporation") in _roles(
        cli, "Complaint against%"
    )


def test_a_criminal_docket_brings_its_counts_as_charges(cli: Cli) -> None:
    cli("import", str(CRIMINAL))
    slug = "caed-1-02-cr-05210"
    kinds = [row[1] for row in _timeline(cli, slug)]
    assert kinds[0] == "indictment" and kinds.count("charge") == 9
    assert {"sentencing", "judgment", "hearing", "order"} <= set(kinds)
    charges = cli.query(
        "SELECT date, title, note FROM milestones WHERE kind = 'charge' ORDER BY id"
    )
    assert charges[1][0] == "2002-06-13"
    assert charges[1][1].startswith("Counts 2-4: 18:513A.F (18:513(a) and 2 -uttering and")
    assert "the case's filing date" in charges[1][2] and "Disposition: DISMISSED" in charges[3][2]
    assert _roles(cli, "Counts 2-4%") == {("Pouriya Mozaffary", "defendant")}
    # An entry with neither number nor sequence is still imported, and matched again.
    assert cli.query("SELECT kind FROM milestones WHERE title LIKE 'Arrest Warrant issued%'") == [
        ("filing",)
    ]
    assert "milestones: 31 unchanged" in cli("import", str(CRIMINAL)).stderr


def test_a_docket_alert_needs_its_case_and_cites_its_documents(cli: Cli) -> None:
    refused = cli("import", str(ALERT), code=1)
    assert "give --case SLUG" in refused.stderr and not Path(cli.db_path).exists()
    cli("import", str(ALERT), "--case", "nvlsp")
    [(title, kind)] = cli.query("SELECT title, kind FROM milestones")
    assert kind == "motion" and title.startswith("Motion for Settlement Preliminary Approval by")
    sources = cli.query(
        "SELECT s.url, s.title, s.publisher FROM milestone_sources ms"
        " JOIN sources s ON s.id = ms.source_id ORDER BY s.url"
    )
    assert sources[0] == (
        "https://archive.org/download/gov.uscourts.dcd.178502/gov.uscourts.dcd.178502.140.0.pdf",
        "Doc. 140: Motion for Settlement; 28 pages; SHA-1 3875437ed27ed37a221fa72c6b3925d0e9e733be",
        "RECAP Archive",
    )
    assert sources[1][1].startswith("Doc. 140, attachment 1: Text of Proposed Order")
    again = cli("import", str(ALERT), "--case", "nvlsp", "--from", "courtlistener")
    assert "milestones: 1 unchanged" in again.stderr and "sources: 2 unchanged" in again.stderr


def test_a_docket_without_its_court_or_number_names_the_field_missing(
    cli: Cli, tmp_path: Path
) -> None:
    """A docket with its number but no court was refused as not naming 'its court and docket
    number', which sent the reader looking for a number that was there."""
    docket = json.loads(CIVIL.read_text())
    no_court = {k: v for k, v in docket.items() if k != "court_id"}
    no_number = {k: v for k, v in docket.items() if k != "docket_number"}
    neither = {k: v for k, v in no_number.items() if k != "court_id"}
    for name, data, said in (
        ("a.json", no_court, "names docket number '6:07-cv-00354' but no court (no court_id or"
         " court field)"),
        ("b.json", no_number, "names court 'txed' but no docket number (no docket_number field)"),
        ("c.json", neither, "names neither its court nor its docket number (no court_id or"
         " docket_number field)"),
    ):  # fmt: skip
        path = _write(tmp_path, name, data)
        refused = cli("import", str(path), code=1).stderr
        assert refused == f"casetrack: {path} {said}: give --case SLUG, the case it belongs to\n"
    assert (
        "names no court and docket number (a docket alert"
        in cli("import", str(ALERT), code=1).stderr
    )
    assert not Path(cli.db_path).exists()


def test_the_same_entries_as_a_courtlistener_list_match_the_alert(cli: Cli, tmp_path: Path) -> None:
    """The docket-entries endpoint pages its results as {"count", "next", "results"}."""
    entries = json.loads(ALERT.read_text())["payload"]["results"]
    listing = _write(tmp_path, "entries.json", {"count": 1, "next": None, "results": entries})
    cli("import", str(ALERT), "--case", "nvlsp")
    assert "milestones: 1 unchanged" in cli("import", str(listing), "--case", "nvlsp").stderr
    refused = cli("import", str(listing), "--case", "nvlsp", "--from", "juriscraper", code=1)
    assert "is a courtlistener docket, not a juriscraper one: drop --from" in refused.stderr


def test_an_alert_for_an_imported_docket_matches_its_entries(cli: Cli, tmp_path: Path) -> None:
    """An alert names no docket: with --case, its entries take that case's court and number."""
    cli("import", str(CIVIL))
    entry = dict(json.loads(CIVIL.read_text())["docket_entries"][10])
    entry["entry_number"] = int(entry.pop("document_number"))
    alert = json.loads(ALERT.read_text())
    alert["payload"]["results"] = [entry]
    path = _write(tmp_path, "alert.json", alert)
    result = cli("import", str(path), "--case", "txed-6-07-cv-00354")
    assert "milestones: 1 unchanged" in result.stderr


def test_the_same_docket_in_courtlistener_shape_matches_the_juriscraper_one(
    cli: Cli, tmp_path: Path
) -> None:
    """CourtListener's docket JSON nests entries (entry_number, pacer_sequence_number) and
    parties (party_types with criminal_counts; `type` a number) and names the court `court`."""
    docket = json.loads(CRIMINAL.read_text())
    shaped: dict[str, Any] = {
        "id": 1, "court": docket["court_id"], "docket_number": docket["docket_number"],
        "case_name": docket["case_name"], "date_filed": docket["date_filed"],
        "date_terminated": docket["date_terminated"],
        "assigned_to_str": docket["assigned_to_str"],
    }  # fmt: skip
    shaped["docket_entries"] = [
        {"entry_number": e["document_number"], "date_filed": e["date_filed"],
         "description": e["description"], "pacer_sequence_number": e["pacer_seq_no"],
         "date_entered": e["date_entered"], "recap_documents": []}
        for e in docket["docket_entries"]
    ]  # fmt: skip
    shaped["parties"] = [
        {"name": p["name"], "type": 3, "attorneys": [],
         "party_types": [{"name": p["type"], "date_terminated": p["date_terminated"],
                          "criminal_counts": (p.get("criminal_data") or {}).get("counts", [])}]}
        for p in docket["parties"]
    ]  # fmt: skip
    cli("import", str(CRIMINAL))
    result = cli("import", str(_write(tmp_path, "cl.json", shaped)), "--from", "courtlistener")
    assert "cases: 1 unchanged" in result.stderr and "milestones: 31 unchanged" in result.stderr


def test_a_newer_docket_adds_new_entries_and_updates_changed_ones(cli: Cli, tmp_path: Path) -> None:
    newer = json.loads(CIVIL.read_text())
    older = dict(newer, docket_entries=[dict(e) for e in newer["docket_entries"][:20]])
    older["docket_entries"][10]["description"] = "ORDER granting motion."
    cli("import", str(_write(tmp_path, "older.json", older)))
    result = cli("import", str(CIVIL))
    assert "milestones: 5 added, 1 updated, 21 unchanged" in result.stderr
    assert len(_timeline(cli, "txed-6-07-cv-00354")) == 27


def test_a_dateless_entry_is_refused_with_its_number_and_nothing_written(
    cli: Cli, tmp_path: Path
) -> None:
    data = json.loads(CIVIL.read_text())
    data["docket_entries"][4]["date_filed"] = None
    data["docket_entries"][6]["date_filed"] = ""
    path = _write(tmp_path, "bad.json", data)
    result = cli("import", str(path), code=1)
    lines = result.stderr.splitlines()
    assert f"{path}:entry 5: the entry has no date_filed" in lines[1]
    assert f"{path}:entry 7: the entry has no date_filed" in lines[2]
    assert lines[0].endswith("nothing was written: 2 errors")
    assert not Path(cli.db_path).exists()


def test_dry_run_writes_nothing_and_creates_no_file(cli: Cli) -> None:
    result = cli("import", str(CIVIL), "--dry-run")
    assert "would import: cases: 1 added; parties: 5 added; milestones: 27 added" in result.stderr
    assert not Path(cli.db_path).exists()


def test_undo_takes_the_whole_docket_away(cli: Cli) -> None:
    cli("case", "add", "other", "--title", "Another case")
    before = cli.records()
    cli("import", str(CRIMINAL), "--attorneys")
    cli("undo")
    assert cli.records() == before


def test_a_party_close_to_a_known_name_is_refused(cli: Cli) -> None:
    cli("party", "add", "Yahooo Inc")
    result = cli("import", str(CIVIL), code=1)
    assert f"{CIVIL}:entry 1: no party named 'Yahoo! Inc', but 'Yahooo Inc' is close" in (
        result.stderr
    )
    cli("party", "alias", "Yahooo Inc", "Yahoo! Inc")
    cli("import", str(CIVIL))
    assert cli.query("SELECT count(*) FROM parties WHERE name LIKE 'Yahoo%'") == [(1,)]


def test_a_party_named_but_for_punctuation_is_the_known_one(cli: Cli) -> None:
    """The docket's "Yahoo! Inc" is the store's "Yahoo, Inc.": linked, not added again."""
    cli("party", "add", "Yahoo, Inc.")
    cli("import", str(CIVIL))
    assert cli.query("SELECT name FROM parties WHERE name LIKE 'Yahoo%'") == [("Yahoo, Inc.",)]


def test_usage_mistakes(cli: Cli, tmp_path: Path) -> None:
    assert "--from" in cli("import", str(CIVIL), "--from", "pacer", code=2).stderr
    assert "drop --format" in cli("import", str(CIVIL), "--from", "juriscraper", "-f", "json",
                                  code=2).stderr  # fmt: skip
    sheet = tmp_path / "a.csv"
    sheet.write_text("case,date,title\n", encoding="utf-8")
    assert "only a docket" in cli("import", str(sheet), "--attorneys", code=2).stderr
    other = _write(tmp_path, "other.json", {"hello": 1})
    assert "is not a casetrack export or a docket" in cli("import", str(other), code=1).stderr


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("NOTICE OF APPEAL as to 12 Judgment by Yahoo! Inc", "appeal"),
        ("MEMORANDUM OPINION AND ORDER re 30 Motion", "ruling"),
        ("Consent MOTION for Extension of Time", "motion"),
        ("Yahoo's ANSWER to Complaint", "filing"),
        ("PROPOSED ORDER granting motion", "filing"),
        ("SUPERSEDING INDICTMENT as to John Doe", "indictment"),
        ("JURY VERDICT as to John Doe", "verdict"),
        ("Minute Entry for proceedings held before Judge X: Motion Hearing", "hearing"),
        ("MINUTES before Judge Coyle sentencing Pouriya Mozaffary (1)", "sentencing"),
        ("MINUTES before Judge Coyle plea entered, sentencing hearing set for 6/7/04", "hearing"),
        ("STIPULATION OF DISMISSAL by all parties", "dismissal"),
        ("NOTICE of Settlement by Jane Smith", "settlement"),
        ("NOTICE by Acme Widgets, Inc. of Settlement Conference", "filing"),
        ("SENTENCING MEMORANDUM by USA as to John Doe", "filing"),
        ("TRIAL BRIEF by USA", "filing"),
        ("Jury Trial as to John Doe held on 5/1/2019", "trial"),
    ],
)
def test_kind_from_the_leading_words(description: str, kind: str) -> None:
    assert entry_kind(description) == kind


def test_a_notice_of_settlement_is_the_settlement(cli: Cli, tmp_path: Path) -> None:
    """A civil suit's docket that ends in a 'NOTICE of Settlement' and an order of dismissal
    gives the case a settlement milestone, as the settlement it says was reached."""
    docket = {
        "court_id": "nysd", "docket_number": "1:21-cv-01234", "case_name": "Smith v. Acme",
        "docket_entries": [
            {"date_filed": "2021-03-01", "document_number": "1",
             "description": "COMPLAINT against Acme Widgets, Inc. filed by Jane Smith."},
            {"date_filed": "2021-08-20", "document_number": "20",
             "description": "NOTICE of Settlement. The parties have reached a settlement in"
             " principle. Document filed by Jane Smith. (jd)"},
            {"date_filed": "2021-08-23", "document_number": "21",
             "description": "ORDER OF DISMISSAL: all claims have been settled."},
        ],
    }  # fmt: skip
    cli("import", str(_write(tmp_path, "smith.json", docket)))
    kinds = cli.query("SELECT kind, date FROM milestones")
    assert sorted(kinds, key=lambda row: row[1]) == [
        ("complaint", "2021-03-01"), ("settlement", "2021-08-20"), ("dismissal", "2021-08-23")
    ]  # fmt: skip


def test_an_abbreviations_period_stays_in_a_title_and_a_name(cli: Cli) -> None:
    """'R & V Warren Farms, Inc. of Continuance': the period of 'Inc.' ends no sentence, so
    the title goes on past it and keeps it; a party's 'Inc.' and 'Jr.' keep theirs."""
    cli("import", str(WARREN), "--attorneys")
    titles = [title for (title,) in cli.query("SELECT title FROM milestones")]
    assert "Motion by Robert Warren, Viki Warren, R & V Warren Farms, Inc. of Continuance in…" in (
        titles
    )
    assert not [t for t in titles if t.endswith((" Inc", " Jr", " Co"))]
    names = {name for (name,) in cli.query("SELECT name FROM parties")}
    assert {"Transylvania Community Hospital, Inc.", "Clifford C. Marshall, Jr."} <= names


@pytest.mark.parametrize(
    ("description", "title"),
    [
        ("COMPLAINT against Orion Logistics, Inc.", "Complaint against Orion Logistics, Inc."),
        ("ANSWER by Orion Logistics, Inc. to 1 Complaint. (abc)", "Answer by Orion Logistics,"
         " Inc. to 1 Complaint"),
        ("NOTICE by Acme S.A.", "Notice by Acme S.A."),
        ("MOTION to Dismiss by Ruiz Bros. Co.", "Motion to Dismiss by Ruiz Bros. Co."),
        ("ORDER granting 5 motion. Signed by Judge X.", "Order granting 5 motion"),
    ],
)  # fmt: skip
def test_a_title_keeps_the_period_of_an_abbreviation(description: str, title: str) -> None:
    assert short_title(description) == title


@given(st.text(max_size=400))
def test_a_title_is_short_and_never_fails(description: str) -> None:
    title = short_title(description)
    assert len(title) <= 90
    assert entry_kind(description)


def test_a_courts_compound_role_is_a_role_and_a_typo_still_is_not(cli: Cli) -> None:
    """'counter defendant' holds 'defendant' as a word: not a misspelling of it."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003", "Counterclaim", "--party", "Acme:Counter Defendant")
    cli("add", "c", "2004", "Appeal", "--party", "Acme:appellee")
    assert cli.query("SELECT role FROM milestone_parties ORDER BY role") == [
        ("appellee",),
        ("counter defendant",),
    ]
    refused = cli("add", "c", "2003", "x", "--party", "Acme:counter defendent", code=1)
    assert "unknown role 'counter defendent'" in refused.stderr


def test_importing_again_keeps_the_users_edits_and_takes_the_rest(cli: Cli, tmp_path: Path) -> None:
    """A date, kind, note or tag corrected here stays through every import of the docket;
    what the user left alone follows the docket, and new entries still arrive."""
    cli("import", str(CRIMINAL))
    cli("edit", "3", "--date", "2004-01-21", "--note", "The 21st, per the transcript")
    cli("edit", "5", "--kind", "hearing")
    cli("edit", "6", "--tag", "checked")
    docket = json.loads(CRIMINAL.read_text())
    entries = docket["docket_entries"]
    entries[2]["description"] = entries[2]["description"].replace("first", "initial")
    entries.append(dict(entries[-1], document_number=99, description="ORDER to show cause"))
    newer = _write(tmp_path, "newer.json", docket)
    for _ in range(2):  # the edits stay on the import after the one that kept them too
        again = cli("import", str(newer)).stderr.splitlines()
        assert [line for line in again if line.startswith("kept your edit")] == [
            "kept your edit of milestone 3's date: 21 Jan 2004 (the docket says 20 Jan 2004)",
            "kept your edit of milestone 3's note: 'The 21st, per the transcript' (the docket"
            " says 'MINUTES before Magistrate Judge Dennis…')",
            "kept your edit of milestone 5's kind: hearing (the docket says filing)",
            "kept your edit of milestone 6's tags: checked (the docket says none)",
        ]
    corrected = "SELECT date, note, title LIKE '%initial appearance%' FROM milestones WHERE id = 3"
    assert cli.query(corrected) == [("2004-01-21", "The 21st, per the transcript", 1)]
    assert cli.query("SELECT kind FROM milestones WHERE id = 5") == [("hearing",)]
    assert cli.query("SELECT tag FROM milestone_tags WHERE milestone_id = 6") == [("checked",)]
    assert cli.query("SELECT count(*) FROM milestones WHERE title = 'Order to show cause'") == [
        (1,)
    ]
    replaced = cli("import", "--overwrite", str(newer)).stderr
    assert "replaced milestones 3, 5, 6 edited here with the file's version" in replaced
    assert cli.query("SELECT date, kind FROM milestones WHERE id IN (3, 5) ORDER BY id") == [
        ("2004-01-20", "hearing"),
        ("2004-02-04", "filing"),
    ]


def test_an_entry_in_the_trash_stays_there_untouched_and_the_import_says_so(
    cli: Cli, tmp_path: Path
) -> None:
    """An entry the user trashed took the docket's new title on the next import: it is left
    in the trash as it was, with or without --overwrite, the import names it, and once
    restored the next import updates it."""
    cli("import", str(CRIMINAL))
    entry = "SELECT title, deleted_at IS NOT NULL FROM milestones WHERE id = 3"
    (before,) = cli.query(entry)
    cli("rm", "3")
    docket = json.loads(CRIMINAL.read_text())
    entries = docket["docket_entries"]
    entries[2]["description"] = entries[2]["description"].replace("first", "initial")
    newer = _write(tmp_path, "newer.json", docket)
    said = (
        "skipped milestone 3: in the trash, left as it is where the docket says otherwise"
        " ('casetrack restore 3' brings it back, and the next import updates it)\n"
    )
    for extra in ([], ["--overwrite"]):
        result = cli("import", *extra, str(newer))
        assert result.stderr.endswith(said)
        assert "milestones: 30 unchanged\n" in result.stderr
        assert cli.query(entry) == [(before[0], 1)]
    cli("restore", "3")
    assert "milestones: 1 updated, 30 unchanged" in cli("import", str(newer)).stderr
    ((title, trashed),) = cli.query(entry)
    assert "initial appearance" in title and not trashed


@given(st.permutations(range(25)))
def test_entries_come_in_the_courts_order_however_the_file_lists_them(order: list[int]) -> None:
    docket = json.loads(CIVIL.read_text())
    entries = docket["docket_entries"]
    docket["docket_entries"] = [entries[i] for i in order]
    numbers = [
        record["note"].rsplit("Docket entry ", 1)[1].split(",")[0].rstrip(".")
        for _, kind, record in read_docket(docket, "f", Options())
        if kind == "milestone" and "Docket entry" in (record["note"] or "")
    ]
    assert numbers == [str(n) for n in range(1, 26)]


def test_a_docket_into_a_hand_made_case_keeps_its_title_and_summary(cli: Cli) -> None:
    """--case names the user's own case: the docket fills only the fields it left empty."""
    cli("case", "add", "yahoo", "--title", "Our patent case", "--summary", "My notes.")
    result = cli("import", str(CIVIL), "--case", "yahoo")
    assert cli.query("SELECT title, summary, status, court, docket FROM cases") == [
        ("Our patent case", "My notes.", "open", "txed", "6:07-cv-00354")
    ]
    assert "warning: " in result.stderr and "kept its title, status, summary" in result.stderr
    assert "cases: 1 updated" in result.stderr and "milestones: 27 added" in result.stderr
    again = cli("import", str(CIVIL), "--case", "yahoo")
    assert "cases: 1 unchanged" in again.stderr and "milestones: 27 unchanged" in again.stderr
    cli("import", str(CIVIL))  # without --case: where the entries are, not a case of their own
    assert cli.query("SELECT slug FROM cases") == [("yahoo",)]


def test_a_plain_import_leaves_the_entries_in_the_case_they_were_imported_into(
    cli: Cli, tmp_path: Path
) -> None:
    """Imported with --case mine, a docket imported again without --case updates its entries
    in 'mine' and makes no case of its own; undo takes that import back whole. 'mine' bears
    the docket's court and number (the first import filled them in): it is the docket's
    case, and no import warns that it holds the entries, again and again."""
    cli("case", "add", "mine", "--title", "My case")
    cli("import", str(CRIMINAL), "--case", "mine")
    first = cli.records()
    newer = json.loads(CRIMINAL.read_text())
    newer["docket_entries"][3]["description"] = "NOTICE of surrender of passport, corrected"
    result = cli("import", str(_write(tmp_path, "newer.json", newer)))
    assert "of its entries" not in result.stderr
    assert "milestones: 1 updated, 30 unchanged" in result.stderr
    assert cli.query("SELECT slug FROM cases") == [("mine",)]
    milestones = _timeline(cli, "mine")
    assert len(milestones) == 31
    assert [t for _, _, t in milestones if "corrected" in t] == [
        "Notice of surrender of passport, corrected"
    ]
    cli("undo")
    assert cli.records() == first
    for _ in range(2):
        again = cli("import", str(CRIMINAL)).stderr
        assert "of its entries" not in again
        assert "milestones: 31 unchanged" in again
    assert cli.query("SELECT slug FROM cases") == [("mine",)]


def test_a_case_bearing_another_docket_number_is_said_to_hold_the_entries(cli: Cli) -> None:
    """A case that bears another docket's number (a hearing's or an appeal's) is not the
    docket's own: each plain import says the entries are updated there, as nothing in the
    store says the docket is this case's; --case says it, and is then quiet."""
    cli("case", "add", "mine", "--title", "My case", "--court", "txed", "--docket", "6:08-cr-1")
    cli("import", str(CRIMINAL), "--case", "mine")
    for _ in range(2):
        said = cli("import", str(CRIMINAL)).stderr
        assert "case 'mine' holds 31 of its entries: updated there, not moved" in said
    assert "of its entries" not in cli("import", str(CRIMINAL), "--case", "mine").stderr
    assert cli.query("SELECT slug, docket FROM cases") == [("mine", "6:08-cr-1")]


def test_entries_moved_by_hand_stay_and_a_tie_between_cases_is_refused(
    cli: Cli, tmp_path: Path
) -> None:
    """An entry moved to another case keeps its case and the docket goes on into the case
    holding most of its entries; split evenly over two cases, a plain import cannot tell
    which, and says so in one line, writing nothing."""
    cli("case", "add", "mine", "--title", "My case")
    cli("case", "add", "other", "--title", "Other case")
    docket = json.loads(CIVIL.read_text())
    docket["docket_entries"] = docket["docket_entries"][:2]
    path = _write(tmp_path, "two.json", docket)
    cli("import", str(path), "--case", "mine")
    cli("edit", "2", "--case", "other")
    result = cli("import", str(CIVIL))
    assert "kept your edit of milestone 2's case: other" in result.stderr
    assert [len(_timeline(cli, slug)) for slug in ("mine", "other")] == [26, 1]
    cli("undo")
    cli("edit", "3", "--case", "other")
    before = cli.records()
    result = cli("import", str(path), code=1)
    assert result.stderr.count("\n") == 1
    assert "as many of its entries are in cases 'mine', 'other': give --case" in result.stderr
    assert cli.records() == before


def test_a_hand_made_case_is_said_kept_only_where_the_docket_says_otherwise(
    cli: Cli, tmp_path: Path
) -> None:
    """A court typed 'TXED' is the docket's 'txed', a title in other case is the same title,
    and a docket not terminated says no status: importing it into the case, first or again,
    warns of nothing kept, and the case keeps what it said."""
    title = "Creative Internet Advertising Corporation v. Yahoo! Inc"
    cli("case", "add", "yahoo", "--title", title, "--court", "TXED", "--status", "stayed")
    docket = json.loads(CIVIL.read_text())
    del docket["date_terminated"]
    path = _write(tmp_path, "docket.json", docket)
    for counted in ("cases: 1 updated", "cases: 1 unchanged"):
        result = cli("import", str(path), "--case", "yahoo")
        assert "warning" not in result.stderr and counted in result.stderr
    assert cli.query("SELECT title, court, status, docket FROM cases") == [
        (title, "TXED", "stayed", "6:07-cv-00354")
    ]
    cli("case", "edit", "yahoo", "--court", "E.D. Tex.")
    result = cli("import", str(path), "--case", "yahoo")
    assert "it kept its court (only its empty fields were filled)" in result.stderr
    assert "cases: 1 unchanged" in result.stderr


def test_a_case_slug_close_to_a_known_case_is_refused_not_made(cli: Cli, tmp_path: Path) -> None:
    """--case us-v-hal beside us-v-hale is a slip: a stray case would hide the alert's entries."""
    cli("case", "add", "us-v-hale", "--title", "United States v. Hale")
    before = cli.records()
    refused = cli("import", str(ALERT), "--case", "us-v-hal", code=1)
    assert refused.stderr.strip().splitlines() == [
        "casetrack: no case 'us-v-hal' (did you mean 'us-v-hale'?): create it with"
        " 'casetrack case add us-v-hal --title TITLE'"
    ]
    assert cli.records() == before
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("case,date,title\nus-v-hal,2020-01-02,Indictment\n", encoding="utf-8")
    refused = cli("import", str(sheet), code=1)
    assert f"{sheet}:2: no case 'us-v-hal' (did you mean 'us-v-hale'?)" in refused.stderr
    assert cli.records() == before
    cli("case", "add", "us-v-hal", "--title", "Another Hal")
    assert "milestones: 1 added" in cli("import", str(ALERT), "--case", "us-v-hal").stderr
    assert cli.query("SELECT c.slug FROM milestones m JOIN cases c ON c.id = m.case_id") == [
        ("us-v-hal",)
    ]


def test_cases_a_file_makes_may_be_named_alike(cli: Cli, tmp_path: Path) -> None:
    """Only the store's cases make a new name a slip: a sheet's own c-1 and c-2 are both made."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("case,date,title\nc-1,2020-01-02,One\nc-2,2020-01-03,Two\n", encoding="utf-8")
    cli("import", str(sheet))
    assert cli.query("SELECT slug FROM cases ORDER BY slug") == [("c-1",), ("c-2",)]
    sheet.write_text("case,date,title\nc-3,2020-01-04,Three\n", encoding="utf-8")
    assert "no case 'c-3' (did you mean" in cli("import", str(sheet), code=1).stderr
