"""`party show` and `upcoming` fit the terminal as the other listings do: no line wider than
it, and no word cut short while a column could wrap instead."""

from __future__ import annotations

import pytest

from tests.conftest import Cli


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


@pytest.mark.parametrize("columns", [80, 60])
def test_party_show_wraps_its_roles(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    cli("case", "add", "castelnau-2003", "--title", "Castelnau")
    cli("party", "add", "Karim Benali", "--kind", "person")
    roles = ["detainee", "détenu", "gardé à vue", "mis en examen", "trésorier", "witness"]
    for day, role in enumerate(roles, 10):
        cli("add", "castelnau-2003", f"2003-06-{day}", "Step", "--new-party",
            f"Karim Benali:{role}")  # fmt: skip
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("party", "show", "Karim Benali").stdout
    assert _widest(shown) <= columns
    assert "trésorier" in shown and "…" not in shown


@pytest.mark.parametrize("columns", [80, 60])
def test_upcoming_fits_without_cutting_words(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Long due dates (a day in a range) and overdue counts wrap as the title does."""
    cli("case", "add", "castelnau-2003", "--title", "Castelnau")
    cli("case", "add", "usa-v-benali", "--title", "USA v. Benali")
    cli("add", "castelnau-2003", "mid Sep 2008", "Ordonnance de non-lieu", "--kind", "order")
    cli("add", "castelnau-2003", "2009-03-01", "Arrêt", "--kind", "judgment")
    cli("add", "usa-v-benali", "2014-02-11", "Sentenced", "--kind", "sentencing")
    cli("deadline", "add", "castelnau-2003", "--rule", "fr-cpp-498", "--from", "1",
        "--any-trigger")  # fmt: skip
    cli("deadline", "add", "castelnau-2003", "--rule", "fr-cpc-538", "--from", "2")
    cli("deadline", "add", "usa-v-benali", "--rule", "us-frap-4b1a", "--from", "3")
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("upcoming", "--as-of", "2026-12-06").stdout
    assert _widest(shown) <= columns
    assert "…" not in shown and "correctionnel" in shown and "contentieuse)" in shown
    assert "OVERDUE" in shown and "between 22" in shown
