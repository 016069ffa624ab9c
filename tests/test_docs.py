"""The documentation cannot drift: the command reference is the CLI's own --help, and the
README stays a one-screen start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_reference_is_what_help_prints() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "reference.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_reference_lists_every_command() -> None:
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for command in (
        "casetrack add",
        "casetrack timeline",
        "casetrack party rename",
        "casetrack where",
    ):
        assert f"\n## {command}\n" in reference


def test_help_at_80_columns_breaks_no_word_at_a_hyphen() -> None:
    """Click's wrapping breaks at hyphens: an id, a file name or a URL cut there
    ("s3://firm-" / "replicas/nec") cannot be copied. The reference is every --help as an
    80-column terminal shows it (test above); long examples go in a \\b paragraph."""
    import re

    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    shown = [line for block in reference.split("```text\n")[1:]
             for line in block.split("```")[0].splitlines()]  # fmt: skip
    assert [line for line in shown if re.search(r"\w-$", line)] == []
    assert max(map(len, shown)) <= 80


def test_the_readme_is_a_one_screen_start() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    for page in ("docs/guide/dates.md", "docs/reference.md", "docs/development.md"):
        assert f"]({page})" in readme and (ROOT / page).exists()


def test_the_guide_lists_the_kinds_and_roles_casetrack_has(cli: Cli) -> None:
    """The guide's lists are written from the code (docs/reference.py), so they are the ones
    `kind list` shows and `add` knows."""
    import json
    import re

    guide = (ROOT / "docs" / "guide" / "commands.md").read_text(encoding="utf-8")

    def listed(marker: str) -> list[str]:
        (names,) = re.findall(rf"<!-- {marker} -->(.*?)<!-- /{marker} -->", guide, re.DOTALL)
        return names.split(", ")

    cli("init")
    kinds = [k["name"] for k in json.loads(cli("kind", "list", "-f", "json").stdout)]
    assert sorted(listed("kinds")) == sorted(kinds)
    assert {"appellee", "claimant", "attorney"} <= set(listed("roles"))
    cli("case", "add", "c", "--title", "C")
    for role in listed("roles"):
        cli("add", "c", "2003", "x", "--party", f"Someone:{role}")
    assert "organization" in listed("party-kinds")


def _command_lines(text: str) -> list[str]:
    """Every `casetrack ...` command line a page shows: in code blocks (a `\\` at the end of a
    line continues it) and in inline code."""
    import re

    lines, in_block, held = [], False, ""
    for raw in text.splitlines():
        if raw.startswith("```"):
            in_block, held = not in_block, ""
        elif in_block:
            line = f"{held} {raw.strip()}".strip().removeprefix("$ ")
            held = line[:-1] if line.endswith("\\") else ""
            if not held and line.startswith("casetrack "):
                lines.append(line)
        else:
            lines += re.findall(r"`(casetrack [^`]*)`", raw)
    return lines


def _unknown(line: str) -> str | None:
    """What of a command line the CLI does not know (a command or an option), or None. Options
    are checked by name only, up to a shell operator; `--` ends them."""
    import shlex

    import typer.main

    from casetrack.cli import app

    words = shlex.split(line, comments=True)[1:]
    for i, word in enumerate(words):
        if word in {"|", "||", "&&", ";", ">", "2>"} or word.startswith(">"):
            words = words[:i]
            break
    command: Any = typer.main.get_command(app)
    while True:
        known = {name for p in command.params for name in (*p.opts, *p.secondary_opts)}
        if not hasattr(command, "list_commands"):
            break
        # A group: its own options, then the name of a command below it.
        while words and words[0].startswith("-"):
            name = words.pop(0).split("=")[0]
            if name not in known:
                return f"option {name}"
            (param,) = [p for p in command.params if name in (*p.opts, *p.secondary_opts)]
            if not (param.is_flag or param.nargs == 0 or "=" in name) and words:
                words.pop(0)
        if not words:
            return None
        sub = command.get_command(typer.Context(command), words[0])
        if sub is None:
            return f"command {words[0]!r}"
        command, words = sub, words[1:]
    for word in words:
        if word == "--":
            break
        name = word.split("=")[0]
        if name.startswith("-") and len(name) > 1 and not name[1].isdigit() and name not in known:
            return f"option {name}"
    return None


def test_every_command_line_in_the_guide_names_commands_and_options_casetrack_has() -> None:
    """A misspelt option in the guide is a defect a reader copies: every `casetrack ...` line of
    the README and the guide names a command and options the CLI has."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
    lines = [(p.name, line) for p in pages for line in _command_lines(p.read_text("utf-8"))]
    assert len(lines) > 200
    assert [(page, line, why) for page, line in lines if (why := _unknown(line))] == []
    assert _unknown("casetrack timeline --partie NEC") == "option --partie"
    assert _unknown("casetrack party renam a b") == "command 'renam'"
    assert _unknown("casetrack --db x.db search -- -raid | head") is None
