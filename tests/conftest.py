"""Shared fixtures: a store file per test and a runner that drives the CLI as a user does."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import click
import pytest
import typer.main
from click.testing import CliRunner, Result
from hypothesis import settings

from casetrack.cli import app
from casetrack.history_sql import TRACKED_TABLES
from tests.budget import FULL

# `dev` (the default) draws a fifth of the examples each property test asks for; `ci`
# (`python -m pytest --hypothesis-profile=ci`, as .ci/run does) draws them all. Neither has a
# per-example deadline: that is a timing, which a busy machine breaks; the benchmark measures speed.
settings.register_profile("ci", max_examples=FULL, print_blob=True, deadline=None)
settings.register_profile("dev", max_examples=FULL // 5, deadline=None)
settings.load_profile("dev")


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in its own folder with no CASETRACK_DB, so the default store is private;
    the search for a store stops there too, whatever a folder above it holds."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASETRACK_DB", raising=False)
    monkeypatch.setenv("CASETRACK_CEILING", str(tmp_path.parent))
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@cache
def _command() -> click.Command:
    """casetrack's Click command, built from the Typer app once per test run as a process builds
    it once per run: rebuilt for every call, Typer's own way (CASETRACK_PLAIN_TYPER=1) costs more
    in building than in running, and the second CI pass took minutes more for it."""
    return typer.main.get_command(app)


class Cli:
    """Runs casetrack commands against one store file and checks the exit code."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int = 0, input: str | None = None) -> Result:
        result = self.runner.invoke(_command(), ["--db", str(self.db_path), *args], input=input)
        assert result.exit_code == code, (
            f"casetrack {' '.join(args)} exited {result.exit_code}, expected {code}\n"
            f"stdout: {result.stdout}\nstderr: {result.stderr}\nexception: {result.exception!r}"
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Look at the store directly, as a check independent of the CLI's own output."""
        conn = sqlite3.connect(self.db_path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def records(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every table history tracks: what undo must put back exactly."""
        return {t: self.query(f"SELECT rowid, * FROM {t} ORDER BY rowid") for t in TRACKED_TABLES}


@pytest.fixture
def cli(db_path: Path) -> Iterator[Cli]:
    yield Cli(db_path)


@pytest.fixture
def demo(cli: Cli) -> Cli:
    """A store holding the sample case nec-2003."""
    cli("demo")
    return cli


def installed_from(monkeypatch: pytest.MonkeyPatch, direct_url: str | None) -> None:
    """casetrack as if pip had installed it with this direct_url.json (None: from a
    package index, which records none)."""
    from importlib import metadata

    class Installed(metadata.Distribution):
        def read_text(self, filename: str) -> str | None:
            return direct_url if filename == "direct_url.json" else None

        def locate_file(self, path: str | os.PathLike[str]) -> Path:
            return Path(path)

    def distributions(**_: Any) -> Iterator[metadata.Distribution]:
        yield Installed()

    monkeypatch.setattr(metadata, "distributions", distributions)
