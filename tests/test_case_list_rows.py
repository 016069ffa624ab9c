"""`case list` writes its table and Markdown from cells it reads as text (`listed_cells`,
`emit_rows`), building no record per case: on random stores it says exactly what the
records the other formats list say through the general writer, whole or streamed (past
SAMPLE rows), piped or fitted to a terminal."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.cases import case_widths, list_cases, marked_title
from casetrack.cli.cases import DAY_WIDTH
from casetrack.dates import display_text
from casetrack.output import listings
from casetrack.store import Store
from tests.budget import examples
from tests.conftest import Cli

TITLES = st.sampled_from(
    ["Hearing on the motion", "=SUM(A1)", "a | pipe", "Tab\there", "Ünïcode ✓", "漢字の事件",
     "two\nlines", "Supercalifragilisticexpialidocious-proceedings of the court",
     "A far longer title about the appeal of the ruling that wraps at eighty columns"]
)  # fmt: skip
DATES = ("2024-06-03", "2024-06", "2024", "2024-06-20/2024-07-10", "c. 2024-07", "2019-12-24")
CASES = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=30),  # slug length
        TITLES,
        st.sampled_from(["open", "closed"]),
        st.lists(st.sampled_from(DATES), max_size=3),  # its milestones' dates
    ),
    min_size=1,
    max_size=6,
)
_stores = itertools.count()


def _build(tmp_path: Path, cases: list[tuple[int, str, str, list[str]]]) -> Cli:
    cli = Cli(tmp_path / f"cases-{next(_stores)}.db")
    for n, (length, title, status, dates) in enumerate(cases):
        slug = f"c{n}-" + "x" * length
        cli("case", "add", slug, "--title", title, "--status", status)
        for day in dates:
            cli("add", slug, day, "Hearing")
    return cli


def _from_records(cli: Cli, fmt: str) -> str:
    """The listing as case list wrote it before: its records, status marked and dates said
    (and kept whole), through write_listing."""
    store = Store.open(cli.db_path)
    try:
        records: list[dict[str, Any]] = [
            {**r, "title": marked_title(r["title"], r["status"]),
             "first": r["first_date"] and display_text(r["first_date"]),
             "last": r["last_date"] and display_text(r["last_date"])}
            for r in list_cases(store)
        ]  # fmt: skip
        parts: list[str] = []
        listings.write_listing(
            parts.append, records, fmt, ["slug", "title", "milestones", "first", "last"],
            ("title", "first", "last"), comfort=DAY_WIDTH, widest=lambda: case_widths(store.conn),
            unbroken=("first", "last"),
        )  # fmt: skip
        return "".join(parts)
    finally:
        store.close()


@settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cases=CASES)
def test_case_list_says_what_its_records_say(
    tmp_path: Path, cases: list[tuple[int, str, str, list[str]]]
) -> None:
    cli = _build(tmp_path, cases)
    for sample, columns, fmt in itertools.product(
        (2, listings.SAMPLE), (None, "40", "80"), ("table", "markdown")
    ):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(listings, "SAMPLE", sample)
            patch.setattr(listings, "_BATCH", 2)
            if columns is None:
                patch.delenv("COLUMNS", raising=False)
            else:
                patch.setenv("COLUMNS", columns)
            listed = cli("case", "list", "-f", fmt)
            assert listed.stdout == _from_records(cli, fmt), (sample, columns, fmt)
