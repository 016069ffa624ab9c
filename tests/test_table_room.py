"""Every listing shares out an 80-column terminal (or a narrower one) so each column reads:
a long date folds at its break before the title is squeezed, and no line is wider than the
terminal. Driven through the CLI on a store as a user fills it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import Cli

RANGE = "between 10 and 16 May 2021"
DOCKET = "https://www.courtlistener.com/docket/60123456/ruiz-v-northern-water-authority/?page=2"
NEWS = "https://news.example.org/2021/05/20/water-authority-suspends-whistleblower-engineer"
BOARD = "https://labour.example.gov/cases/search?ref=LB-2021-0412&year=2021"
AS_OF = "2026-12-06"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store as a paralegal fills it: long titles, days of a week, sources with and
    without titles, long URLs, deadlines and a trash."""
    path = tmp_path_factory.mktemp("room") / "filled.db"
    cli = Cli(path)
    cli("case", "add", "ruiz-2021", "--title",
        "Ruiz v. Northern Water Authority: wrongful dismissal and retaliation")  # fmt: skip
    cli("add", "ruiz-2021", "the week of May 10, 2021",
        "Ruiz reports contaminated samples at the eastern treatment plant to her supervisor",
        "--kind", "complaint", "--source", DOCKET)  # fmt: skip
    cli("add", "ruiz-2021", "2021-05-20",
        "Authority suspends Ruiz pending an internal investigation into data handling",
        "--kind", "order", "--source", NEWS)  # fmt: skip
    cli("add", "ruiz-2021", "2021-06", "Ruiz files a complaint with the state labour board",
        "--kind", "filing", "--note", "Board reference LB-2021-0412")  # fmt: skip
    cli("add", "ruiz-2021", "2021-07-02",
        "Labour board acknowledges the complaint and opens a file", "--source", BOARD)  # fmt: skip
    cli("add", "ruiz-2021", "between 2021-09-01 and 2021-09-30",
        "Internal investigation report delivered to the board of directors")  # fmt: skip
    cli("add", "ruiz-2021", "between 2026-11-23 and 2026-11-27",
        "Court of Appeal rules on the authority's motion to dismiss the retaliation claim",
        "--kind", "judgment")  # fmt: skip
    cli("deadline", "add", "ruiz-2021", "--rule", "us-frap-4a1a", "--from", "6")
    cli("case", "add", "nec-2003", "--title", "Investigation into the Northern Exile Council")
    cli("add", "nec-2003", "2003-06-17", "Police raid the council's offices at dawn",
        "--kind", "raid")  # fmt: skip
    cli("add", "nec-2003", "2026-12-01", "Judgment of the Paris criminal court on the charges",
        "--kind", "judgment")  # fmt: skip
    cli("deadline", "add", "nec-2003", "--rule", "fr-cpp-498", "--from", "9")
    cli("source", "edit", "1", "--title", "CourtListener docket")
    for n in range(1, 7):
        cli("source", "add", f"Press report {n} on the suspension of the engineer")
    cli("source", "edit", "4", "--title", "Press report on the suspension")
    cli("rm", "3", "5")
    return path


@pytest.fixture
def store(filled: Path, tmp_path: Path) -> Cli:
    shutil.copy(filled, tmp_path / "store.db")
    return Cli(tmp_path / "store.db")


def _column(table: str, header: str) -> int:
    """How wide a table's column is, read off its line of dashes."""
    head, dashes = table.splitlines()[:2]
    return len(dashes.split()[head.split().index(header)])


def _widest(text: str) -> int:
    return max(map(len, text.splitlines()), default=0)


@pytest.mark.parametrize(
    ("args", "date", "title"),
    [
        (("timeline", "ruiz-2021"), "date", 30),
        (("search", "ruiz"), "date", 20),
        (("upcoming", "--as-of", AS_OF), "due", 28),
    ],
)
def test_a_long_date_folds_at_its_break_before_the_title_gets_under_30_columns(
    store: Cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], date: str, title: int
) -> None:
    """'between 10 and 16 May 2021' folds to 'between 10 and' above '16 May 2021' (each day
    whole) when said on one line it would leave the title less than 30 columns (search's
    title and match share what is left; upcoming's titles are all shorter)."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = store(*args).stdout
    assert _widest(shown) <= 80, shown
    assert _column(shown, date) == len("between 10 and"), shown
    assert _column(shown, "title") >= title, shown
    lines = shown.splitlines()
    folded = [n for n, line in enumerate(lines) if re.search(r"\bbetween \d+ and(?:  |$)", line)]
    assert folded, shown
    for n in folded:  # the second end, a whole day, on the line below
        assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", lines[n + 1]), shown
    assert store.query("SELECT count(*) FROM milestones WHERE deleted_at IS NULL") == [(8,)]


def test_a_wide_terminal_keeps_the_date_on_one_line(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    shown = store("timeline", "ruiz-2021").stdout
    assert RANGE in shown and _widest(shown) <= 160


def test_the_trash_folds_the_deletion_time_before_the_title(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns the deletion time folds between its day and its time of day, each
    whole, so the title keeps room to be read (it had 14 columns)."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = store("trash", "list").stdout
    assert _widest(shown) <= 80, shown
    assert _column(shown, "title") >= 22 and _column(shown, "deleted_at") == 12, shown
    assert len(re.findall(r"\d{4}-\d{2}-\d{2}$", shown, re.MULTILINE)) == 2, shown
    assert len(re.findall(r"^ +.*\d{2}:\d{2}:\d{2} UTC$", shown, re.MULTILINE)) == 2, shown
    assert store.query("SELECT id FROM milestones WHERE deleted_at IS NOT NULL") == [(3,), (5,)]


def _folded(table: str, header: str, url: str) -> list[str]:
    """The lines a URL is folded over in a table's column (joined back, the URL)."""
    lines = table.splitlines()
    start = lines[0].index(header)
    end = start + _column(table, header)
    cells = [line[start:end].strip() for line in lines[2:]]
    first = next(n for n, cell in enumerate(cells) if url.startswith(cell) and cell)
    taken, n = [], first
    while "".join(taken) != url:
        assert url.startswith("".join(taken) + cells[n]), (url, taken, cells[n])
        taken.append(cells[n])
        n += 1
    return taken


def test_source_list_gives_the_urls_the_room_of_a_title_column_empty_in_most_rows(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two titles among nine sources wrap at their words so the URLs get the room (they had
    29 columns and split mid-word over three lines)."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = store("source", "list").stdout
    assert _widest(shown) <= 80, shown
    assert _column(shown, "url") >= 40 and _column(shown, "title") <= len("CourtListener"), shown
    for url in (DOCKET, NEWS, BOARD):
        assert len(_folded(shown, "url", url)) <= 3, shown
    assert "CourtListener docket" in store("source", "show", "1").stdout
    assert store.query("SELECT count(*) FROM sources") == [(9,)]


def test_timeline_wide_folds_a_url_only_after_a_slash_a_question_mark_or_an_ampersand(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sources column gets room before the title grows past 20 columns, and a URL folds
    after '/', '?' or '&' (in a part too long for a line, after '-' or '.'), never mid-word."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = store("timeline", "ruiz-2021", "--wide").stdout
    assert _widest(shown) <= 80, shown
    assert _column(shown, "sources") >= 25 and _column(shown, "title") >= 20, shown
    for url in (NEWS, BOARD):
        lines = _folded(shown, "sources", url)
        assert 2 <= len(lines) <= 4, shown
        assert all(line[-1] in "/?&-." for line in lines[:-1]), lines
    for url in (NEWS, BOARD):  # the listing for programs keeps each URL whole
        assert url in store("timeline", "ruiz-2021", "--wide", "-f", "json").stdout
