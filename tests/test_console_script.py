"""The installed `casetrack` command, run as a user runs it, in a separate process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert party.returncode == 0 and party.stdout.count("\n") == 7


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
