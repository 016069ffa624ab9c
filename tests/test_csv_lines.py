"""The CSV export keeps each milestone on one line, for grep and head, and import reads it,
the earlier one-item-per-line cells and sheets made by hand alike."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casetrack.exchange.csvfmt import COLUMNS
from tests.conftest import Cli

QUOTE = 'she said "no";\nthen left'
CITATION = "Cass. civ., 3 mai 2010; n° 12"
URL = "https://example.org/a?x=1;y=2"
PARTIES = ["Ana Núñez", "Smith; Jones LLP", "Acme, Inc.", "Ministère public: Paris", "Back\\slash"]


@pytest.fixture
def nunez(cli: Cli) -> Cli:
    """A case whose milestones have several parties (names with ';', ',', ':' and '\\'),
    several sources (a URL and a citation holding ';') with quotes and pinpoints, and tags."""
    cli("case", "add", "nunez-2021", "--title", "Núñez v. Estado")
    for name in PARTIES:
        cli("party", "add", name)
    cli("add", "nunez-2021", "2021-03-04", "Complaint filed",
        "--party", "Ana Núñez:plaintiff", "--party", "Smith; Jones LLP:counsel",
        "--party", "Acme, Inc.:defendant", "--party", "Ministère public: Paris:",
        "--source", URL, "--quote", QUOTE, "--page", "3",
        "--tag", "one; two", "--tag", "civil")  # fmt: skip
    cli("edit", "1", "--source", CITATION, "--paragraph", "12", "--party", "Back\\slash:witness")
    cli("add", "nunez-2021", "2021-04", "Hearing", "--party", "Ana Núñez",
        "--party", "Acme, Inc.:defendant",
        "--source", CITATION, "--source", "https://example.org/b")  # fmt: skip
    cli("add", "nunez-2021", "2021-05", "Ruling", "--party", "Smith; Jones LLP:counsel",
        "--source", CITATION, "--quote", "a; b", "--page", "7")  # fmt: skip
    return cli


def _links(cli: Cli) -> list[tuple[object, ...]]:
    """Every milestone's parties with roles, sources with their citations, and tags."""
    data = json.loads(cli("export", "--format", "json").stdout)
    return [
        (m["title"], m["date"], m.get("note"),
         [(p["name"], p["role"]) for p in m["parties"]],
         [(s["url"], s.get("quote"), s.get("page"), s.get("paragraph")) for s in m["sources"]],
         m["tags"])
        for m in data["milestones"]
    ]  # fmt: skip


def test_every_milestone_is_one_line_of_the_sheet(nunez: Cli) -> None:
    sheet = nunez("export", "nunez-2021", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(sheet)))
    assert len(rows) == 3
    assert sheet.count("\n") == len(rows) + 1  # what `| wc -l` counts
    # Each line alone is a whole row, as grep or head hands it on.
    for line in sheet.splitlines():
        assert len(next(csv.reader([line]))) == len(COLUMNS)
    complaint = rows[0]
    assert complaint["parties"] == (
        "Ana Núñez:plaintiff; Smith\\; Jones LLP:counsel; Acme, Inc.:defendant;"
        " Ministère public: Paris:; Back\\\\slash:witness"
    )
    assert complaint["sources"] == (
        "https://example.org/a?x=1\\;y=2; Cass. civ., 3 mai 2010\\; n° 12"
    )
    assert complaint["source_quotes"] == 'she said "no"\\;\\nthen left; '
    assert (complaint["source_pages"], complaint["source_paragraphs"]) == ("3; ", "; 12")
    assert complaint["tags"] == "civil; one\\; two"


def test_the_console_script_sheet_counts_rows_plus_one_lines_through_a_pipe(
    nunez: Cli, tmp_path: Path
) -> None:
    script = Path(sys.executable).with_name("casetrack")
    if not script.exists():
        pytest.skip("the casetrack console script is not installed beside this Python")
    command = f"'{script}' --db '{nunez.db_path}' export nunez-2021 -f csv | wc -l"
    shown = subprocess.run(
        ["sh", "-c", f"set -e; {command}"], capture_output=True, text=True, check=True
    )
    assert int(shown.stdout) == 3 + 1


def test_round_trip_into_a_second_store_keeps_every_party_role_and_source(
    nunez: Cli, tmp_path: Path
) -> None:
    # Through a line filter, as `| grep -e ^id, -e nunez-2021 > nunez.csv` passes it on.
    sheet = nunez("export", "-f", "csv").stdout
    path = tmp_path / "nunez.csv"
    kept = [line for line in sheet.splitlines() if line.startswith("id,") or "nunez-2021" in line]
    path.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    other = Cli(tmp_path / "other.db")
    other("import", str(path))
    assert _links(other) == _links(nunez)
    complaint = _links(other)[0]
    assert complaint[3] == [
        ("Ana Núñez", "plaintiff"), ("Smith; Jones LLP", "counsel"), ("Acme, Inc.", "defendant"),
        ("Ministère public: Paris", None), ("Back\\slash", "witness"),
    ]  # fmt: skip
    assert complaint[4] == [(URL, QUOTE, "3", None), (CITATION, None, None, "12")]
    again = other("export", "nunez-2021", "-f", "csv").stdout.split("\n")
    first = nunez("export", "nunez-2021", "-f", "csv").stdout.split("\n")
    assert [line.partition(",")[2] for line in again] == [line.partition(",")[2] for line in first]


def test_a_line_break_typed_in_a_title_or_note_stays_and_round_trips(
    cli: Cli, tmp_path: Path
) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2021-05", "Ruling\nsecond line", "--note", "para one\n\npara two")
    sheet = cli("export", "-f", "csv").stdout
    [row] = list(csv.DictReader(io.StringIO(sheet)))
    assert (row["title"], row["note"]) == ("Ruling\nsecond line", "para one\n\npara two")
    path = tmp_path / "c.csv"
    path.write_text(sheet, encoding="utf-8")
    other = Cli(tmp_path / "other.db")
    other("import", str(path))
    assert _links(other) == _links(cli)


# The sheet casetrack wrote before rows were kept to a line: list cells one item a line, a lone
# party holding ';' ending with a line break, the source_* cells one escaped line per source,
# and a lone source's quote holding ';' unescaped.
OLD_SHEET = """\
id,uid,case,case_title,date,display_date,start,end,precision,kind,title,parties,sources,\
source_quotes,source_pages,source_paragraphs,location,note,tags,status,key,sort_key
1,e30cdc7f-202b-4de5-a80d-1f584e5f63b2,nunez-2021,Núñez v. Estado,2021-03-04,4 Mar 2021,\
2021-03-04,2021-03-04,day,other,Complaint filed,"Ana Núñez:plaintiff
Smith; Jones LLP:counsel
Acme, Inc.:defendant
Ministère public: Paris:
Back\\slash:witness","https://example.org/a?x=1;y=2
Cass. civ., 3 mai 2010; n° 12","she said ""no"";\\nthen left
","3
","
12",,,"civil
one; two",undisputed,,
2,2026974b-1eaa-4bd6-9a34-aee29fdfc464,nunez-2021,Núñez v. Estado,2021-04,Apr 2021,\
2021-04-01,2021-04-30,month,other,Hearing,"Ana Núñez
Acme, Inc.:defendant","Cass. civ., 3 mai 2010; n° 12
https://example.org/b",,,,,,,undisputed,,
3,d0d1f3b6-8c51-4a8e-9a43-3d3f5f0e7a11,nunez-2021,Núñez v. Estado,2021-05,May 2021,\
2021-05-01,2021-05-31,month,other,Ruling,"Smith; Jones LLP:counsel
",https://example.org/c;v=1,a; b,7,,,,,undisputed,,
"""


def test_a_sheet_of_the_earlier_one_item_a_line_shape_imports_the_same(
    nunez: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "old.csv"
    path.write_text(OLD_SHEET, encoding="utf-8")
    other = Cli(tmp_path / "other.db")
    other("import", str(path))
    links = _links(other)
    assert links[:2] == _links(nunez)[:2]
    assert links[2] == (
        "Ruling", "2021-05", None, [("Smith; Jones LLP", "counsel")],
        [("https://example.org/c;v=1", "a; b", "7", None)], [],
    )  # fmt: skip


def test_a_hand_made_sheet_separates_items_with_semicolons(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "hand.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        sheet = csv.writer(out)
        sheet.writerow(["Case", "Date", "Title", "Parties", "Sources", "Source quotes", "Tags"])
        sheet.writerow(["c", "2020", "Filed", "Jane Doe:defendant; ACME;Bob", "Le Monde; a.pdf",
                        "; the words", "x;y"])  # fmt: skip
        sheet.writerow(["c", "2021", "Heard", "Smith\\; Jones", "Cour d'appel\\; 3e ch.", "", ""])
    cli("import", str(path), "--case", "c")
    assert [link[3:] for link in _links(cli)] == [
        ([("Jane Doe", "defendant"), ("ACME", None), ("Bob", None)],
         [("Le Monde", None, None, None), ("a.pdf", "the words", None, None)], ["x", "y"]),
        ([("Smith; Jones", None)], [("Cour d'appel; 3e ch.", None, None, None)], []),
    ]  # fmt: skip


def test_the_sheet_opens_whole_in_the_csv_module_with_excel_settings(
    nunez: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    nunez("export", "nunez-2021", "-f", "csv", "--excel", "-o", str(path))
    with path.open(encoding="utf-8-sig", newline="") as sheet:
        rows = list(csv.reader(sheet, dialect="excel"))
    assert rows[0] == list(COLUMNS)
    assert [len(r) for r in rows] == [len(COLUMNS)] * 4
    shutil.copyfile(path, tmp_path / "again.csv")
    assert nunez("import", str(tmp_path / "again.csv")).stderr == (
        "imported: milestones: 3 unchanged\n"
    )
