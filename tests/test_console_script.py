"""The installed `casetrack` command, run as a user runs it, in a separate process."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from casetrack.exchange import BINARY, EXPORTERS

CASETRACK = shutil.which("casetrack")
needs_script = pytest.mark.skipif(CASETRACK is None, reason="casetrack is not installed on PATH")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert CASETRACK is not None
    return subprocess.run([CASETRACK, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@needs_script
def test_demo_through_console_script(tmp_path: Path) -> None:
    result = run("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Police raid the council's offices at dawn" in result.stdout
    assert (tmp_path / "db" / "casetrack.db").exists()
    party = run("timeline", "--party", "NEC", "--format", "csv", cwd=tmp_path)
    assert party.returncode == 0
    assert len(list(csv.DictReader(io.StringIO(party.stdout)))) == 6


@needs_script
def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    run("demo", cwd=tmp_path)
    result = run("add", "nec-2030", "2003-02-30", "x", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    usage = run("timeline", "--format", "yaml", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "casetrack", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("casetrack ")


def _timeline_lines(
    tmp_path: Path, env: dict[str, str], terminal_columns: int | None, *args: str
) -> list[str]:
    """`casetrack timeline --party NEC ARGS` as printed to a pipe, or to a terminal that wide
    (and 40 lines high)."""
    run("demo", cwd=tmp_path)
    argv = [sys.executable, "-m", "casetrack", "timeline", "--party", "NEC", *args]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | env
    if terminal_columns is None:
        done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, timeout=60)
        return done.stdout.decode().splitlines()
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, terminal_columns, 0, 0))
    with subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=follower) as process:
        os.close(follower)
        printed = b""
        while chunk := _read(leader):
            printed += chunk
        process.wait(timeout=60)
    os.close(leader)
    return printed.decode().replace("\r\n", "\n").splitlines()


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal closes when the command ends
        return b""


@needs_script
def test_tables_fit_the_terminal_and_stay_whole_in_a_pipe(tmp_path: Path) -> None:
    piped = _timeline_lines(tmp_path, {}, None, "--wide")
    assert len(piped) == 2 + 6  # header, rule and one line per milestone: ready for grep
    assert all("Northern Exile Council (" in line for line in piped[2:])
    on_terminal = _timeline_lines(tmp_path, {}, 100, "--wide")
    assert len(on_terminal) > len(piped)
    assert _timeline_lines(tmp_path, {"COLUMNS": "100"}, None, "--wide") == on_terminal
    for columns in (100, 80, 60):
        lines = _timeline_lines(tmp_path, {}, columns)
        assert max(map(len, lines)) <= columns, "\n".join(lines)
        assert _timeline_lines(tmp_path, {"COLUMNS": str(columns)}, None) == lines
    assert max(map(len, _timeline_lines(tmp_path, {"COLUMNS": "60"}, 120))) <= 60


@needs_script
def test_long_output_to_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}", "COLUMNS": "60", "LINES": "10"}
    shown = _timeline_lines(tmp_path, env, 80)
    assert shown == [] and "Police raid" in paged.read_text()
    assert paged.read_text().splitlines() == _timeline_lines(tmp_path, {"COLUMNS": "60"}, None)
    paged.unlink()
    assert len(_timeline_lines(tmp_path, env, 80, "--no-pager")) > 2
    assert len(_timeline_lines(tmp_path, env, None)) > 2  # a pipe
    assert 2 < len(_timeline_lines(tmp_path, env, 80, "--limit", "1")) < 10  # fits the screen
    assert not paged.exists()


_FAILING_APP = """
import sys
import casetrack.cli as cli

def broken() -> None:
    print("partial output")
    raise RuntimeError("boom")

cli.app = broken
cli.main()
"""


@pytest.mark.parametrize(("debug", "code"), [("", 70), ("1", 1)])
def test_a_bug_is_one_line_unless_debugging(tmp_path: Path, debug: str, code: int) -> None:
    """main() turns an unexpected exception into one line and exit 70, after the output so
    far; CASETRACK_DEBUG=1 lets the traceback through."""
    env = {**os.environ, "CASETRACK_DEBUG": debug}
    done = subprocess.run([sys.executable, "-c", _FAILING_APP], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == code
    assert done.stdout == "partial output\n"
    if debug:
        assert "Traceback" in done.stderr and "RuntimeError: boom" in done.stderr
    else:
        assert done.stderr == (
            "casetrack: internal error: RuntimeError: boom "
            "(set CASETRACK_DEBUG=1 to see details and please report it)\n"
        )


@needs_script
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_fails_with_one_line(tmp_path: Path) -> None:
    run("demo", cwd=tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "casetrack", "timeline", "nec-2003"],
                              cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=60)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("casetrack: ") and done.stderr.count("\n") == 1
    assert "No space left on device" in done.stderr


def test_a_closed_stdout_is_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "casetrack", "--version"], cwd=tmp_path,
                          preexec_fn=lambda: os.close(1), capture_output=False,
                          stderr=subprocess.PIPE, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0 and done.stderr == ""


def test_large_import_on_a_terminal_shows_progress_then_the_finishing_step(
    tmp_path: Path,
) -> None:
    """The end of a large import (history, search, indexes) can take a minute: the progress
    bar says so instead of sitting at 100%."""
    lines = ['{"format": "casetrack/1"}'] + [
        json.dumps({"type": "milestone", "case": "big-2020", "date": "2020-01-02",
                    "title": f"Hearing {i}", "note": "word " * 60})
        for i in range(4000)
    ]  # fmt: skip
    sheet = tmp_path / "big.jsonl"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert sheet.stat().st_size > 1 << 20  # smaller files get no bar
    argv = [sys.executable, "-m", "casetrack", "--db", str(tmp_path / "s.db"), "import", str(sheet)]
    leader, follower = pty.openpty()
    with subprocess.Popen(argv, cwd=tmp_path, stderr=follower) as process:
        os.close(follower)
        shown = b""
        while chunk := _read(leader):
            shown += chunk
        assert process.wait(timeout=120) == 0
    os.close(leader)
    text = shown.decode()
    bar = text.index("importing")
    finishing = text.index("finishing: history, search and indexes")
    assert bar < finishing < text.index("milestones: 4000 added")


def test_a_reader_that_leaves_ends_the_command_quietly_as_git_does(tmp_path: Path) -> None:
    """`casetrack export | head -1` (or timeline, or search): no message, and the status a
    shell shows for git killed by SIGPIPE (141), not a failure of casetrack's own."""
    lines = [json.dumps({"format": "casetrack/1"})] + [
        json.dumps({"type": "milestone", "uid": f"00000000-0000-4000-8000-{n:012d}", "case": "c",
                    "date": "2003-06-17", "title": f"Hearing {n}" + " on costs" * 12})
        for n in range(1500)  # more than a timeline's first batch of rows (1,000)
    ]  # fmt: skip
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "casetrack", "--db", "s.db"]
    subprocess.run([*command, "import", "big.jsonl"], cwd=tmp_path, check=True, capture_output=True)
    files = sorted(tmp_path.rglob("*"))
    # Every export format (timelinejs is a single write of the whole file; docx and pdf are
    # made whole, then written) ends alike: 141 once the reader left before the end, 0 only
    # if the pipe took all of it first (a docx may fit), never a message or a file left.
    every = [["export", "--format", fmt] for fmt in EXPORTERS]
    searches = [["search", "hearing", "--all", "--format", fmt] for fmt in ("table", "json")]
    for args in (["export"], *every, ["timeline"], *searches):
        with subprocess.Popen([*command, *args], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as process:  # fmt: skip
            assert process.stdout is not None and process.stderr is not None
            process.stdout.read(100)  # as `head -c 100`
            process.stdout.close()
            said = (process.wait(timeout=120), process.stderr.read())
            assert said == (141, b"") or (args[-1] in BINARY and said == (0, b"")), args
    assert sorted(tmp_path.rglob("*")) == files


@needs_script
def test_questions_go_to_stderr_whole_and_stdout_stays_empty(tmp_path: Path) -> None:
    run("demo", cwd=tmp_path)
    text = tmp_path / "news.txt"
    text.write_text("On 17 June 2003 the police raided the offices.\n", encoding="utf-8")
    for args, answer in (
        (("purge", "3"), ""),  # no answer: the input ended
        (("purge", "3"), "n\n"),
        (("rm", "4"), None),
        (("trash", "empty"), "n\n"),
        (("extract", str(text), "-i", "--case", "nec-2003"), "q\n"),
    ):
        assert CASETRACK is not None
        done = subprocess.run([CASETRACK, *args], cwd=tmp_path, capture_output=True, text=True,
                              input=answer or "", timeout=60)  # fmt: skip
        if answer is None:
            continue
        if args[0] == "extract":  # the proposals are data; the question is not
            assert done.stdout.endswith(".\n") and "(a/e/p/s/q)" not in done.stdout, done.stdout
            assert "accept, edit, parties, skip or quit (a/e/p/s/q) [a]: " in done.stderr
        else:
            assert done.stdout == "", (args, done.stdout)
            assert "This cannot be undone [y/N]: " in done.stderr
