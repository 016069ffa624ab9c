"""Start-up stays fast: commands import only what they use, and values convert without pydantic.

The imports are checked in a fresh interpreter per command, as a user's shell runs them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from casetrack.cli import app
from casetrack.cli.typer_speedups import plain_param
from tests.conftest import Cli

HEAVY = ("pydantic", "sqlite_utils", "rich", "tabulate", "edtf", "json", "csv", "casetrack.extract")
TABLE: set[str] = set()  # tables of plain text are drawn without tabulate
_PROBE = """
import os, sys
from casetrack.cli import app  # not main(): it leaves with os._exit, before the report below
sys.argv = ["casetrack", *sys.argv[1:]]
try:
    app()
except SystemExit:
    pass
found = [m for m in os.environ["PROBE_MODULES"].split(",") if m in sys.modules]
with open(os.environ["PROBE_OUT"], "w") as out:
    out.write(",".join(found))
"""


def loaded(tmp_path: Path, *args: str) -> set[str]:
    """Which heavy modules a fresh `casetrack ARGS` imported."""
    result = tmp_path / "modules.txt"
    env = {**os.environ, "PROBE_OUT": str(result), "PROBE_MODULES": ",".join(HEAVY)}
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], env=env, capture_output=True)
    assert result.exists(), run.stderr
    return set(filter(None, result.read_text().split(",")))


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    assert loaded(tmp_path, "--help") == set()


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["timeline", "nec-2003"], TABLE),
        (["timeline", "--party", "NEC", "--format", "json"], {"json"}),
        (["timeline", "nec-2003", "--format", "csv"], {"csv"}),
        (["add", "nec-2003", "2015-01-02", "Appeal lodged", "--party", "NEC:appellant"], set()),
        (["show", "3", "--format", "jsonl"], {"json"}),
        (["party", "show", "NEC"], TABLE),
        (["case", "list"], TABLE),
    ],
)
def test_commands_import_only_what_they_use(
    demo: Cli, tmp_path: Path, args: list[str], allowed: set[str]
) -> None:
    assert loaded(tmp_path, "--db", str(demo.db_path), *args) == allowed


def test_only_extract_imports_the_extractor(demo: Cli, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The NEC appealed on 9 May 2011.", encoding="utf-8")
    db = ["--db", str(demo.db_path)]
    assert loaded(tmp_path, *db, "extract", str(article)) == {"casetrack.extract"}
    assert loaded(tmp_path, *db, "extract", str(article), "-f", "json") == {
        "casetrack.extract",
        "json",
    }


def test_every_parameter_converts_without_pydantic() -> None:
    """A new parameter of a type the plain converters do not know would bring pydantic back."""
    pending = [typer.main.get_command(app)]
    missing = []
    while pending:
        command = pending.pop()
        pending.extend(getattr(command, "commands", {}).values())
        missing += [f"{command.name} {p.name}" for p in command.params if plain_param(p) is None]
    assert missing == []


def test_a_bad_number_is_a_usage_error(demo: Cli) -> None:
    result = demo("show", "three", code=2)
    assert "'three' is not a valid integer" in result.stderr


def test_formats_are_case_insensitive_and_checked(demo: Cli) -> None:
    assert json.loads(demo("timeline", "nec-2003", "-f", "JSON").stdout)[0]["date"] == "2001"
    result = demo("timeline", "nec-2003", "-f", "xml", code=2)
    assert "unknown format 'xml': use table, markdown, csv, json, jsonl" in result.stderr
    # Declared like every choice option: a slip is answered with the closest name.
    result = demo("case", "list", "-f", "jsn", code=2)
    assert "unknown format 'jsn' (did you mean 'json' or 'jsonl'?)" in result.stderr
    result = demo("extract", "-", "-f", "tabel", code=2)
    assert "unknown format 'tabel' (did you mean 'table'?): use table, mark" in result.stderr


def test_lists_and_optional_flags_convert(demo: Cli) -> None:
    demo("edit", "2", "--key", "--tag", "bank", "--tag", "review")
    record = json.loads(demo("show", "2", "--format", "json").stdout)
    assert record["key"] is True
    assert record["tags"] == ["bank", "review"]
    demo("edit", "2", "--not-key")
    assert demo.query("SELECT key FROM milestones WHERE id = 2") == [(0,)]
    ids = [
        m["id"]
        for m in json.loads(demo("timeline", "-p", "NEC", "-p", "NCTD", "-f", "json").stdout)
    ]
    assert ids == [3]


_TREE = """
import json, sys, typer.main
if sys.argv[1] == "eager":
    typer.main.get_group_from_info._casetrack_on_demand = True  # install() skips this speed-up
from casetrack.cli import app
from casetrack.cli.typer_speedups import _Pending

def tree(command):
    return {
        "name": command.name,
        "help": command.help,
        "params": [[p.name, p.opts, p.secondary_opts, p.required, repr(p.default)]
                   for p in command.params],
        "commands": {n: tree(c) for n, c in getattr(command, "commands", {}).items()},
    }

group = typer.main.get_command(app)
built = [n for n, c in getattr(group.commands, "_commands", group.commands).items()
         if not isinstance(c, _Pending)]
group.commands["timeline"]
built_then = [n for n, c in getattr(group.commands, "_commands", group.commands).items()
              if not isinstance(c, _Pending)]
print(json.dumps({"built": sorted(built), "then": sorted(built_then), "tree": tree(group)}))
"""


def test_commands_are_built_on_demand_and_the_same_as_typers() -> None:
    """A run builds only the command it uses, and that command is the one Typer builds."""

    def build(how: str) -> dict[str, Any]:
        run = subprocess.run([sys.executable, "-c", _TREE, how], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return dict(json.loads(run.stdout))

    on_demand, eager = build("on-demand"), build("eager")
    # Cheap: their commands wait too.
    groups = [
        "case",
        "closure",
        "deadline",
        "doc",
        "kind",
        "party",
        "replica",
        "rule",
        "source",
        "trash",
    ]
    assert on_demand["built"] == groups
    assert on_demand["then"] == sorted([*groups, "timeline"])
    assert eager["built"] == sorted(eager["tree"]["commands"])
    assert on_demand["tree"] == eager["tree"]


_FALLBACK = """
import os, sys
import typer._param_types as internals
if os.environ.get("PROBE_MOVED"):  # as if a Typer release moved a function casetrack uses
    moved = internals.routes_to_path
    del internals.routes_to_path
from casetrack.cli import app, typer_speedups
if os.environ.get("PROBE_MOVED"):
    internals.routes_to_path = moved  # Typer's own code still needs it
sys.argv = ["casetrack", *sys.argv[1:]]
try:
    app()
except SystemExit as done:
    code = done.code
print("speedups", typer_speedups.SUPPORTED and not os.environ.get("CASETRACK_PLAIN_TYPER"),
      "pydantic" in sys.modules, code, file=sys.stderr)
"""


@pytest.mark.parametrize("way", ["PROBE_MOVED", "CASETRACK_PLAIN_TYPER"])
@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["timeline", "nec-2003"],
        ["timeline", "nec-2003", "--format", "json"],
        ["show", "three"],
        ["timeline", "-f", "xml"],
        ["party", "show", "NEC"],
    ],
)
def test_without_the_speedups_typer_gives_the_same_results(
    demo: Cli, way: str, args: list[str]
) -> None:
    """The fallback for a Typer whose internals moved: slower (pydantic), same behaviour."""

    def run(env: dict[str, str]) -> tuple[str, str, str]:
        done = subprocess.run(
            [sys.executable, "-c", _FALLBACK, "--db", str(demo.db_path), *args],
            env={**os.environ, "COLUMNS": "80", **env},
            capture_output=True,
            text=True,
        )
        *messages, report = done.stderr.splitlines()
        return done.stdout, "\n".join(messages), report

    fast_out, fast_err, fast_report = run({})
    plain_out, plain_err, plain_report = run({way: "1"})
    assert plain_out == fast_out
    # Same refusal, same line count; pydantic words a bad value its own way.
    assert len(plain_err.splitlines()) == len(fast_err.splitlines())
    assert plain_err.split(":")[:2] == fast_err.split(":")[:2]
    assert fast_report.split()[:2] == ["speedups", "True"]
    # The fallback is really Typer's own way: pydantic converts the parameters.
    assert plain_report.split()[:3] == ["speedups", "False", str(args != ["--help"])]
    assert fast_report.split()[3] == plain_report.split()[3]
