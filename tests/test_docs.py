"""The documentation cannot drift: the command reference is the CLI's own --help, and the
README stays a one-screen start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
