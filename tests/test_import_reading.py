"""Which reader takes a file to import is the library's choice (exchange.reading): a Python
caller gets the reader `casetrack import` would, and the command line only passes its options."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetrack.errors import CasetrackError
from casetrack.exchange.importer import JsonlFile
from casetrack.exchange.reading import choose_reader, import_input, opened, read_export_file
from casetrack.store import Store
from tests.conftest import Cli

DOCKET = Path(__file__).parent / "fixtures" / "dockets" / "juriscraper-txed.json"
SHEET = "case,date,kind,title\nacme,2021-03-04,filing,Complaint filed\n"


def _milestones(db: Path) -> list[tuple[object, ...]]:
    store = Store.open(db)
    try:
        return store.conn.execute(
            "SELECT c.slug, m.date, m.kind, m.title FROM milestones m"
            " JOIN cases c ON c.id = m.case_id ORDER BY m.id"
        ).fetchall()
    finally:
        store.conn.close()


def _import_in_python(db: Path, path: Path, **options: object) -> str:
    """Import `path` as a Python caller would; the kind of reader chosen."""
    store = Store.open(db, create=True)
    try:
        with opened(str(path)) as (raw, size):
            chosen = choose_reader(store.conn, raw, str(path), size, **options)  # type: ignore[arg-type]
            import_input(store, chosen)
            if chosen.docket:
                return "docket"
            return "worker" if isinstance(chosen.records, JsonlFile) else "reader"
    finally:
        store.conn.close()


@pytest.mark.parametrize(
    ("name", "text", "reader"),
    [
        ("sheet.csv", SHEET, "reader"),
        ("sheet", SHEET, "reader"),  # no extension: CSV by its first line
        ("docket.json", DOCKET.read_text(encoding="utf-8"), "docket"),  # JSON but not casetrack's
        ("docket", DOCKET.read_text(encoding="utf-8"), "docket"),
    ],
)
def test_python_and_the_command_line_read_a_file_alike(
    cli: Cli, tmp_path: Path, name: str, text: str, reader: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    cli("import", str(path))
    python_db = tmp_path / "python.db"
    assert _import_in_python(python_db, path) == reader
    assert _milestones(python_db) == _milestones(cli.db_path) != []


def test_an_export_is_json_or_json_lines_by_name_and_a_file_of_lines_goes_to_the_worker(
    demo: Cli, tmp_path: Path
) -> None:
    for name, reader in (("e.json", "reader"), ("e.jsonl", "worker")):
        demo("export", "-o", str(tmp_path / name))
        db = tmp_path / f"{name}.db"
        assert _import_in_python(db, tmp_path / name) == reader
        assert _milestones(db) == _milestones(demo.db_path)


def test_attorneys_for_a_file_that_is_no_docket_is_refused_before_any_write(
    cli: Cli, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    refused = cli("import", str(sheet), "--attorneys", code=2)
    assert "Invalid value for --attorneys: only a docket has attorneys" in refused.stderr
    assert not cli.db_path.exists()


@pytest.mark.parametrize("command", ["import", "extract"])
def test_a_link_loop_beside_a_missing_file_leaves_the_closest_name_said(
    cli: Cli, tmp_path: Path, command: str
) -> None:
    """A folder's links that go round in a loop or nowhere are passed over, not a reason to
    leave out the name the user likely meant."""
    (tmp_path / "ruling.csv").write_text("case,date,title\n", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    result = cli(command, "rulng.csv", code=1)
    assert result.stderr == (
        "casetrack: cannot read rulng.csv: No such file or directory (did you mean 'ruling.csv'?)\n"
    )
    assert not cli.db_path.exists()


def test_a_file_not_utf8_is_refused_in_one_line_by_the_library(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(SHEET.replace("Complaint", "Compl\xe4int").encode("latin-1"))
    store = Store.open(tmp_path / "s.db", create=True)
    with opened(str(sheet)) as (raw, size), pytest.raises(CasetrackError) as refused:
        import_input(store, choose_reader(store.conn, raw, "sheet.csv", size))
    assert str(refused.value) == "sheet.csv is not UTF-8 text: save it as UTF-8 CSV or JSON"


def test_a_merge_reads_only_casetrack_exports(demo: Cli, tmp_path: Path) -> None:
    demo("export", "-o", str(tmp_path / "e.jsonl"))
    export = read_export_file(str(tmp_path / "e.jsonl"))
    assert export.name.endswith("e.jsonl") and export.by_uid
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    with pytest.raises(CasetrackError, match="is not a casetrack JSON or JSON Lines export"):
        read_export_file(str(sheet))
    with pytest.raises(CasetrackError, match="is not a casetrack JSON or JSON Lines export"):
        read_export_file(str(DOCKET))


def test_import_and_extract_refuse_a_file_they_cannot_open_in_the_same_line(
    cli: Cli, tmp_path: Path
) -> None:
    """Both open a file named on the command line in one place (reading.opened): any reason
    the system gives, a link to itself included, is one line naming the file, and no store."""
    (tmp_path / "ruling.txt").write_text("x", encoding="utf-8")
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "loop.json").symlink_to(tmp_path / "links" / "loop.json")
    for name, said in (
        (
            f"{tmp_path}/rulng.txt",
            f"No such file or directory (did you mean '{tmp_path}/ruling.txt'?)",
        ),
        (str(tmp_path), "Is a directory"),
        (f"{tmp_path}/links/loop.json", "Too many levels of symbolic links"),
    ):
        for command in ("import", "extract"):
            result = cli(command, name, code=1)
            assert result.stderr == f"casetrack: cannot read {name}: {said}\n", command
    assert not cli.db_path.exists()


def test_an_empty_file_or_stdin_is_refused_with_nothing_written(demo: Cli, tmp_path: Path) -> None:
    """An empty import once said "imported: nothing" and exited 0, as if a file had been read."""
    before = demo.records()
    empty = tmp_path / "milestones.json"
    empty.write_bytes(b"")
    for args, name in (
        (("import", "-"), "<stdin>"),
        (("import", "--format", "csv", "-"), "<stdin>"),
        (("import", str(empty)), str(empty)),
        (("import", "--base", str(empty), "-"), str(empty)),
    ):
        result = demo(*args, code=1, input="")
        doing = "merge" if "--base" in args else "import"
        assert result.stderr == f"casetrack: {name} is empty: nothing to {doing}\n", args
        assert result.stdout == ""
    assert demo.records() == before


def test_a_file_holding_no_record_casetrack_reads_is_refused_as_an_empty_one_is(
    demo: Cli, tmp_path: Path
) -> None:
    """An export whose only section is misnamed ("case" for "cases"), JSON Lines of unknown
    types only and a sheet of a header alone once said "imported: nothing" and exited 0."""
    before = demo.records()
    refused = {
        "typo.json": (
            '{"format": "casetrack/1", "case": [{"slug": "x", "title": "X"}]}\n',
            ":1: skipped",  # not said: the refusal is the one line
            "holds nothing to import: it has only the unknown key 'case' (did you mean"
            " 'cases'?): this casetrack reads kinds, rules, closures, cases",
        ),
        "typo.jsonl": (
            '{"format": "casetrack/1"}\n{"type": "cases", "slug": "x"}\n',
            ":2: skipped",
            "holds nothing to import: it has only records of the unknown type 'cases' (did you"
            " mean 'case'?)",
        ),
        "template.csv": ("case,date,title\n\n", "", "has a header row and no milestone under it"),
    }
    for name, (text, unsaid, said) in refused.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        for args in ((str(tmp_path / name),), (str(tmp_path / name), "--dry-run")):
            result = demo("import", *args, code=1)
            assert result.stderr.startswith(f"casetrack: {tmp_path / name} {said}"), name
            assert result.stderr.count("\n") == 1 and result.stdout == ""
            assert not unsaid or unsaid not in result.stderr
    assert demo.records() == before


def test_an_export_of_an_empty_store_imports_as_the_nothing_it_holds(
    cli: Cli, tmp_path: Path
) -> None:
    """What casetrack exports it imports: a script copying a store that is still empty from
    one machine to another must not fail, and the line says why nothing came."""
    cli("init")
    for fmt in ("json", "jsonl", "csv"):
        path = tmp_path / f"empty.{fmt}"
        cli("export", "-o", str(path))
        result = cli("import", str(path))
        assert result.stderr == (
            f"imported: nothing ({path} is an export of an empty store, or of a selection of"
            " none)\n"
        )
    path = tmp_path / "sections.json"
    path.write_text('{"format": "casetrack/1", "cases": [], "milestones": []}', encoding="utf-8")
    assert cli("import", str(path)).stderr.startswith("imported: nothing (")
    known = '{"format": "casetrack/1", "later": 1, "cases": [{"slug": "x", "title": "X"}]}'
    path.write_text(known, encoding="utf-8")
    assert cli("import", str(path)).stderr == (
        f"warning: {path}:1: skipped the key 'later': this casetrack reads kinds, rules,"
        " closures, cases, parties, documents, sources, milestones\nimported: cases: 1 added\n"
    )
    assert cli.query("SELECT slug FROM cases") == [("x",)]


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ('{"cases": [], "milestones": []}', 1, 'it has no "format" field, which an export begins'
         ' with ({"format": "casetrack/1", ...}: add it first if this is one)'),
        ('\n{\n  "milestones": [{"case": "x", "date": "2001", "title": "T"}]}', 3,
         'it has no "format" field'),
        ('{\n "cases": [],\n "format": "casetrack/1"\n}', 2, "not read as a casetrack export: it"
         ' starts with the key \'cases\', and "format" must come first (a tool sorting keys, as'
         " jq -S does, moves it: put it back first, or leave out -S)"),
        ('{"cases": [], "format": "casetrack/2"}', 1, "made by a newer casetrack"),
    ],
)  # fmt: skip
def test_json_without_the_export_header_is_said_to_lack_it_on_its_line(
    demo: Cli, tmp_path: Path, text: str, line: int, said: str
) -> None:
    """Such a document was handed to the docket reader, which said it was neither an export
    nor a docket, on no line: it is an export that lacks (or misplaces) its header."""
    before = demo.records()
    path = tmp_path / "headless.json"
    path.write_text(text, encoding="utf-8")
    result = demo("import", str(path), code=1)
    assert result.stderr.startswith(f"casetrack: {path}:{line}: ")
    assert said in result.stderr and result.stderr.count("\n") == 1
    assert "docket" not in result.stderr
    assert demo.records() == before


def test_json_like_neither_an_export_nor_a_docket_is_told_what_import_reads(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "other.json"
    for text in ('{"hello": 1}', "[1, 2]", '"text"'):
        path.write_text(text, encoding="utf-8")
        assert cli("import", str(path), code=1).stderr == (
            f"casetrack: {path} is not a casetrack export or a docket: casetrack reads its own"
            " JSON/JSONL/CSV, juriscraper DocketReport JSON and CourtListener dockets, docket"
            " entries and docket alerts\n"
        )
    assert not cli.db_path.exists()
