"""Every table fits an 80-column terminal, whatever long URLs and unbreakable words the store
holds: they are folded (URLs) or cut (other words) and columns left out in the documented
order, never printed past the edge."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Cli

COLUMNS = 80
TOKENS = st.text(alphabet=st.sampled_from("abcXYZéØ19-._/()'"), min_size=25, max_size=120)
URLS = TOKENS.map(lambda t: "https://www.example.org/" + t)
TITLES = st.lists(st.one_of(TOKENS, URLS, st.sampled_from(["raid", "on", "the offices"])),
                  min_size=1, max_size=4).map(" ".join)  # fmt: skip
TABLES = [
    ["history"],
    ["timeline", "nec-2003", "--wide"],
    ["timeline", "nec-2003"],
    ["search", "raid"],
    ["source", "list"],
    ["party", "list"],
]


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    cli = Cli(tmp_path / "narrow.db")
    cli("demo")
    return cli


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(title=TITLES, url=URLS, party=TOKENS)
def test_every_line_of_a_table_fits_the_terminal(
    store: Cli, title: str, url: str, party: str
) -> None:
    store("add", "nec-2003", "2003-06-18", f"raid {title}", "--kind", "raid",
          "--source", url, "--new-party", f"{party}:subject")  # fmt: skip
    for command in TABLES:
        table = store(*command).stdout
        assert table.strip(), command
        widest = max(map(display_width, table.splitlines()))
        assert widest <= COLUMNS, f"{' '.join(command)}: {widest} columns\n{table}"


def test_extract_candidates_give_the_title_most_of_an_80_column_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "press.txt"
    text.write_text(
        "On 17 June 2003 the police of the National Counter-Terrorism Directorate raided the"
        " offices of the Northern Exile Council in Auvers-sur-Oise and seized its archive.\n"
        "On 3 July 2003 the investigating judge Anne Morel released Leïla Farahani under"
        " judicial supervision, pending the trial before the Paris criminal court.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    lines = cli("extract", str(text)).stdout.splitlines()
    assert max(map(display_width, lines)) <= COLUMNS, "\n".join(lines)
    assert lines[0].split() == ["#", "date", "kind", "title"]  # the date as found, parties give way
    title = lines[1].split()[-1]
    assert len(title) >= COLUMNS // 2
    candidates = [line for line in lines[2:] if line[:1].isdigit()]
    assert candidates and len(lines) - 2 <= 3 * len(candidates), "\n".join(lines)
    monkeypatch.setenv("COLUMNS", "200")
    header = cli("extract", str(text)).stdout.splitlines()[0].split()
    assert header == ["#", "found", "date", "kind", "parties", "title"]
