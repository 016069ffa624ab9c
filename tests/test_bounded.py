"""Bounded input: no file, however large or endless, makes casetrack hold more than a record.

Each oversized input runs the real `casetrack` in a subprocess whose peak memory (the
kernel's maxrss for that child) must stay under 200 MB; an address-space cap keeps a
regression from taking the machine down with it.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from casetrack.exchange.jsonfmt import read_json
from casetrack.limits import MAX_FILE, MAX_RECORD, MAX_TEXT
from tests.conftest import Cli

PEAK_LIMIT_MB = 200
_CAP = 2 << 30  # address space of the child: a regression fails instead of swapping


def run_measured(args: list[str], stdin: Any = subprocess.DEVNULL) -> tuple[int, str, float]:
    """Run casetrack; (exit code, stderr, peak resident memory in MB)."""
    casetrack = shutil.which("casetrack")
    assert casetrack is not None, "the casetrack console script is not installed"

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (_CAP, _CAP))

    proc = subprocess.Popen(
        [casetrack, *args], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        preexec_fn=cap,
    )  # fmt: skip
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, stderr, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def assert_refused(result: tuple[int, str, float], where: str, limit: int) -> None:
    code, stderr, peak = result
    assert code == 1, stderr
    assert stderr.startswith(f"casetrack: {where}: ") and stderr.count("\n") == 1, stderr
    assert f"{limit:,}" in stderr
    assert peak < PEAK_LIMIT_MB, f"peak {peak:.0f} MB"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_import_of_dev_zero_is_refused_at_the_record_limit(fmt: str, tmp_path: Path) -> None:
    """It grew to 24 GB and was killed: a line without an end is refused at the limit."""
    db = str(tmp_path / "s.db")
    result = run_measured(["--db", db, "import", "--format", fmt, "/dev/zero"])
    assert_refused(result, "/dev/zero:1", MAX_RECORD)


def test_import_of_dev_zero_as_json_is_refused(tmp_path: Path) -> None:
    code, stderr, peak = run_measured(["--db", str(tmp_path / "s.db"), "import", "-f", "json",
                                       "/dev/zero"])  # fmt: skip
    assert (code, stderr.count("\n")) == (1, 1) and "/dev/zero:1: not valid JSON" in stderr
    assert peak < PEAK_LIMIT_MB


def test_a_huge_line_on_stdin_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "line.csv"
    huge.write_text("case,date,title\n" + "x" * (3 * MAX_RECORD), encoding="utf-8")
    with huge.open("rb") as stdin:
        result = run_measured(["--db", str(tmp_path / "s.db"), "import", "-"], stdin=stdin)
    assert_refused(result, "<stdin>:2", MAX_RECORD)


def test_a_huge_json_item_is_refused_quickly(tmp_path: Path) -> None:
    """The issue's 40 MB item (28 s before): refused once a record's worth is read."""
    item = tmp_path / "item.json"
    note = "x" * 40_000_000
    item.write_text(
        '{"format": "casetrack/1", "milestones": [\n'
        f'{{"case": "c", "date": "2020", "title": "t", "note": "{note}"}}]}}',
        encoding="utf-8",
    )
    result = run_measured(["--db", str(tmp_path / "s.db"), "import", str(item)])
    assert_refused(result, f"{item}:2", MAX_RECORD)


def test_a_multi_line_csv_row_is_bounded_as_a_whole(cli: Cli, tmp_path: Path) -> None:
    """Quoted cells may hold line breaks: the row's lines count together."""
    sheet = tmp_path / "rows.csv"
    cell = '"' + "line\n" * (MAX_RECORD // 10) + '"'
    sheet.write_text(f"case,date,title,note\nc,2020,ok,fine\nc,2020,{cell},{cell}\n", "utf-8")
    result = cli("import", str(sheet), code=1)
    assert result.stderr.startswith(f"casetrack: {sheet}:3: a record is longer than ")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_record_under_the_limit_imports(fmt: str, cli: Cli, tmp_path: Path) -> None:
    """A long note (longer than csv's own default cell limit) is not refused: only records
    past MAX_RECORD are."""
    note = "Long reasons. " * ((MAX_RECORD - 1000) // 14)
    record = {"case": "c", "date": "2020", "title": "Judgment", "note": note}
    path = tmp_path / f"long.{fmt}"
    if fmt == "csv":
        path.write_text(f"case,date,title,note\nc,2020,Judgment,{note}\n", encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text('{"format": "casetrack/1"}\n' + json.dumps({"type": "milestone",
                        **record}) + "\n", encoding="utf-8")  # fmt: skip
    else:
        path.write_text(json.dumps({"format": "casetrack/1", "milestones": [record]}), "utf-8")
    cli("import", str(path))
    assert cli.query("SELECT length(note) FROM milestones") == [(len(note.strip()),)]


def test_a_large_json_item_is_decoded_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-decoding the item after every 64 KB read scanned it (n/64K) times over: 28 s for
    40 MB. Now the text handed to the decoder stays a small multiple of the item's size."""
    scanned = [0]
    original = json.JSONDecoder.raw_decode

    def counting(self: json.JSONDecoder, s: str, idx: int = 0) -> tuple[Any, int]:
        scanned[0] += len(s) - idx
        return original(self, s, idx)

    monkeypatch.setattr(json.JSONDecoder, "raw_decode", counting)
    note = "y" * (MAX_RECORD - 100)
    doc = json.dumps({"format": "casetrack/1", "milestones": [{"note": note}, {"title": "t"}]})
    items = list(read_json(io.StringIO(doc), "f"))
    assert [item[2].get("note") for item in items] == [note, None]
    assert scanned[0] < 4 * len(doc)


def test_extract_reads_at_most_a_file_and_a_text_limit(cli: Cli, tmp_path: Path) -> None:
    code, stderr, peak = run_measured(["--db", str(tmp_path / "s.db"), "extract", "/dev/zero"])
    assert_refused((code, stderr, peak), "/dev/zero", MAX_FILE)
    long_text = tmp_path / "long.txt"
    long_text.write_text("On 1 May 2003 ACME sued. " * (MAX_TEXT // 25 + 1), encoding="utf-8")
    result = cli("extract", str(long_text), code=1)
    assert result.stderr.startswith(f"casetrack: {long_text}: its text is longer than ")
    assert f"{MAX_TEXT:,}" in result.stderr


def test_an_argument_that_is_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    """Python passes its bytes on as lone surrogates, which reached SQLite: exit 70."""
    casetrack = shutil.which("casetrack")
    assert casetrack is not None
    db = str(tmp_path / "s.db").encode()
    subprocess.run([casetrack, "--db", db, "case", "add", "c", "--title", "C"], check=True,
                   capture_output=True)  # fmt: skip
    for args in ([b"add", b"c", b"2020", b"bad\xff"], [b"timeline", b"c\xff"],
                 [b"add", b"c", b"2020", b"ok", b"--tag", b"\xfe"]):  # fmt: skip
        done = subprocess.run([casetrack, "--db", db, *args], capture_output=True)
        stderr = done.stderr.decode()
        assert (done.returncode, stderr.count("\n")) == (1, 1), stderr
        assert "is not UTF-8 text" in stderr
    done = subprocess.run([casetrack, "--db", db, "import", b"sheet\xff.csv"], capture_output=True)
    assert done.returncode == 1 and b"cannot read sheet" in done.stderr  # any bytes name a file


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("deep.json", '{"format": "casetrack/1", "milestones": [' + "[" * 200_000, "nested too"),
        ("deep.jsonl", '{"format": "casetrack/1"}\n' + "[" * 200_000 + "\n", "nested too"),
        ("deep.txt", '{"a": ' + "[" * 4000 + "\n", "nested too"),
        ("big.json", '{"format": "casetrack/1", "milestones": [{"key": ' + "9" * 5000 + "}]}",
         "a number has more than 4,300 digits"),
        ("big.jsonl", '{"format": "casetrack/1"}\n{"type": "milestone", "key": ' + "9" * 5000
         + "}\n", "a number has more than 4,300 digits"),
        ("half.json", '{"format": "casetrack/1", "milestones": [{"case": "c", "date": "2020", '
         '"title": "a\\udcffb"}]}', "surrogate pair"),
    ],
)  # fmt: skip
def test_json_past_pythons_own_limits_is_refused(
    name: str, text: str, problem: str, cli: Cli, tmp_path: Path
) -> None:
    """Nesting 200,000 deep and a 5,000-digit number were exit 70 (internal error)."""
    cli("init")  # a refused import into a missing store would not create it
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("import", name, code=1)
    assert problem in result.stderr and result.stderr.startswith("casetrack: ")
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


def test_the_heaviest_record_under_the_limit_stays_small(tmp_path: Path) -> None:
    """A record just under the limit holding as many links as fit (50,000 new sources):
    what the importer builds from a record is several times its text (75 MB measured)."""
    links = [{"url": f"u{i}"} for i in range(MAX_RECORD // 20)]
    record = {"case": "c", "date": "2020", "title": "t", "sources": links}
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"format": "casetrack/1", "milestones": [record]}), "utf-8")
    code, stderr, peak = run_measured(["--db", str(tmp_path / "s.db"), "import", str(path)])
    assert code == 0, stderr
    assert peak < PEAK_LIMIT_MB, f"peak {peak:.0f} MB"


def test_an_answer_to_a_prompt_is_bounded_too(tmp_path: Path) -> None:
    """input() read the whole line: 'trash empty < /dev/zero' grew until it failed (exit 70)."""
    db = tmp_path / "s.db"
    cli = Cli(db)
    cli("demo")
    cli("rm", "3")
    with open("/dev/zero", "rb") as zero:
        code, stderr, peak = run_measured(["--db", str(db), "trash", "empty"], stdin=zero)
    assert code == 1 and stderr.count("\n") == 1, stderr
    assert f"casetrack: <stdin>: an answer is longer than {MAX_RECORD:,} characters" in stderr
    assert peak < PEAK_LIMIT_MB
    assert cli.query("SELECT count(*) FROM milestones WHERE id = 3") == [(1,)]
