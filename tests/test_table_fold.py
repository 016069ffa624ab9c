"""Tables fit the terminal by wrapping at spaces only, cutting a long word with "…" only
when there is no other way, folding a URL over lines (never cutting it), and otherwise look
as tabulate draws them."""

from __future__ import annotations

import re
import textwrap
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from casetrack.dates import display_text
from casetrack.output import listings
from casetrack.output.listings import (
    COMFORT,
    ELLIPSIS,
    fit_columns,
    fold,
    is_link,
    render,
    shown,
)
from tests.budget import examples

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghij-ABC.,'éïØ漢\xa0\x1b[1;33m"), min_size=1, max_size=30
)
# Surrounding whitespace stripped, as casetrack stores text (tabulate would strip it too).
CELLS = st.lists(WORDS, max_size=8).map(" ".join).map(str.strip)
ROWS = st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=4)
HEADERS = ["a", "b", "c"]
PLAIN_WORDS = st.text(alphabet=st.sampled_from("abcXé1-.,'([)/:"), min_size=1, max_size=25)
URLS = PLAIN_WORDS.map(lambda w: "https://example.org/" + w)


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(PLAIN_WORDS, min_size=1, max_size=12), width=st.integers(1, 40))
def test_fold_wraps_as_textwrap_does_without_breaking_words(words: list[str], width: int) -> None:
    text = " ".join(words)
    wrapper = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    if max(map(len, words)) <= width:
        assert fold(text, width) == "\n".join(wrapper.wrap(text))


@settings(max_examples=examples(300), deadline=None)
@given(
    words=st.lists(st.one_of(PLAIN_WORDS, URLS), min_size=1, max_size=12),
    width=st.integers(2, 40),
)
def test_fold_keeps_words_whole_and_urls_intact(words: list[str], width: int) -> None:
    lines = fold(" ".join(words), width).split("\n")
    assert all(len(line) <= width for line in lines)
    expected = [
        word if is_link(word) or len(word) <= width else word[: width - 1] + ELLIPSIS
        for word in words
    ]
    # A URL too long for its column is folded over lines: joined back, it is whole.
    assert "".join(lines).replace(" ", "") == "".join(expected)
    for word in words:
        if len(word) <= width:
            assert any(word in line.split(" ") for line in lines)


def test_a_url_is_folded_never_cut() -> None:
    url = "https://example.org/news/2003/06/18/exile-council-offices-raided"
    assert fold(f"[2] {url}", len(url)) == f"[2]\n{url}"
    # It folds after a '/', '?' or '&' that fits, a part too long for a line after a '-'.
    assert fold(f"[2] {url}", 30).split("\n") == [
        "[2]",
        "https://example.org/news/2003/",
        "06/18/",
        "exile-council-offices-raided",
    ]
    query = "https://labour.example.gov/cases/search?ref=LB-2021-0412&year=2021"
    assert fold(query, 25).split("\n") == [
        "https://labour.example.",
        "gov/cases/search?",
        "ref=LB-2021-0412&",
        "year=2021",
    ]
    assert fold("https://example.org/" + "x" * 30, 20).split("\n") == [
        "https://example.org/",
        "x" * 20,
        "x" * 10,
    ]


@settings(max_examples=examples(200), deadline=None)
@given(rows=ROWS, width=st.integers(20, 120))
def test_tables_look_as_tabulate_draws_the_folded_cells(rows: list[list[str]], width: int) -> None:
    rows = [[shown(cell) for cell in row] for row in rows]  # an escape is shown as ␛
    records = [dict(zip(HEADERS, row, strict=True)) for row in rows]
    keep, limits = fit_columns(HEADERS, rows, width, {"b", "c"}, every_row=True)
    # Only a column empty in every row gives way (for a link that would fold): none droppable.
    assert all(not any(row[i].strip() for row in rows) for i in range(3) if i not in keep)
    headers = [HEADERS[i] for i in keep]
    folded = [[fold(row[i], limits[i]) for i in keep] for row in rows]
    expected = tabulate(folded, headers=headers, tablefmt="simple", disable_numparse=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listings, "terminal_width", lambda: width)
        assert render(records, "table", HEADERS, ("b", "c")) == expected + "\n"


def test_columns_are_dropped_before_words_are_cut() -> None:
    headers = ["id", "kind", "title"]
    rows = [["1", "investigation", "Judicial investigation opened"]]
    keep, limits = fit_columns(headers, rows, 40, {"title"}, droppable=["kind"])
    assert keep == [0, 1, 2] and limits[2] == 40 - 4 - 13 - 4
    keep, limits = fit_columns(headers, rows, 28, {"title"}, droppable=["kind"])
    assert keep == [0, 2] and fold(rows[0][2], limits[2]).split() == rows[0][2].split()


def test_columns_are_dropped_before_a_wrapping_column_is_squeezed_below_comfort() -> None:
    headers = ["id", "kind", "title"]
    rows = [["1", "investigation", "Judicial investigation opened into the council's funding"]]
    keep, limits = fit_columns(headers, rows, 45, {"title"}, ["kind"], comfort=COMFORT)
    assert keep == [0, 2] and limits[2] == 45 - 4 - 2
    keep, limits = fit_columns(headers, rows, 60, {"title"}, ["kind"], comfort=COMFORT)
    assert keep == [0, 1, 2] and limits[2] == 60 - 4 - 13 - 4 >= COMFORT
    # Without asking for comfort (a timeline), the kind stays while the words fit.
    keep, _ = fit_columns(headers, rows, 45, {"title"}, droppable=["kind"])
    assert keep == [0, 1, 2]


def test_narrow_flexible_columns_keep_their_natural_width() -> None:
    headers = ["date", "title"]
    rows = [["17 Jun 2003", "Police raid the council's offices at dawn"]]
    _, limits = fit_columns(headers, rows, 40, {"date", "title"})
    assert limits == [11, 40 - 2 - 11]


@settings(max_examples=examples(30), deadline=None)
@given(
    cells=st.lists(
        st.lists(st.lists(PLAIN_WORDS, max_size=6).map(" ".join), min_size=3, max_size=3),
        min_size=1,
        max_size=30,
    ),
    width=st.sampled_from([None, 40, 80]),
)
def test_a_long_table_writes_plain_batches_as_each_row_alone(
    cells: list[list[str]], width: int | None
) -> None:
    """Past SAMPLE rows, a batch of plain cells that fit is written in one go: exactly as
    the same rows measured one cell at a time (here forced by a _plain that refuses a
    batch's text, its cells one a line; a cell it refuses is measured the long way)."""
    records = [dict(zip(HEADERS, cells[i % len(cells)], strict=True))
               for i in range(listings.SAMPLE + 700)]  # fmt: skip
    records[listings.SAMPLE + 300] = {"a": "row", "b": "with a tab\there", "c": "漢"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listings, "terminal_width", lambda: width)
        quick = render(records, "table", HEADERS, flexible=("b",))
        plain = listings._plain
        patch.setattr(listings, "_plain", lambda text: text.count("\n") < 2 and plain(text))
        assert render(records, "table", HEADERS, flexible=("b",)) == quick


@pytest.mark.parametrize(
    ("cell", "width", "folded"),
    [
        ("1 c. 1", 4, "1 c.\n1"),  # 'c.' before a number that begins no day is a word
        ("held c. 17 Jun 2003", 14, "held\nc. 17 Jun 2003"),
        ("held c. Jun 2003", 11, "held\nc. Jun 2003"),
    ],
)
def test_a_qualifier_stays_with_the_date_it_qualifies_only(
    cell: str, width: int, folded: str
) -> None:
    assert fold(cell, width) == folded


@st.composite
def said_dates(draw: st.DrawFn) -> str:
    """A date as listings say it: a day, some day between two (of a week, of years) or a
    range of days."""
    first = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    last = first + timedelta(days=draw(st.sampled_from([1, 6, 20, 45, 400, 4000])))
    shape = draw(st.sampled_from(["{a}", "[{a}..{b}]", "{a}/{b}"]))
    return display_text(shape.format(a=first.isoformat(), b=last.isoformat()))


@settings(max_examples=examples(200), deadline=None)
@given(
    dates=st.lists(said_dates(), min_size=1, max_size=6),
    title=st.lists(PLAIN_WORDS, min_size=1, max_size=25).map(" ".join),
    width=st.integers(40, 120),
)
def test_a_date_folds_only_between_its_ends_and_only_to_give_the_title_room(
    dates: list[str], title: str, width: int
) -> None:
    """Every day of a date stays on one line; a date folds only at its break ('between 10
    and' above '16 May 2021') while its column is as wide as its ends, and only when said
    whole it would leave the title (or what it says) less than COMFORT columns."""
    headers = ["id", "date", "kind", "title"]
    rows = [[str(n), said, "complaint", title] for n, said in enumerate(dates, 1)]
    keep, limits = fit_columns(headers, rows, width, {"date", "title"}, ["kind"],
                               unbroken={"date"})  # fmt: skip
    folded = [fold(said, limits[1]).split("\n") for said in dates]
    for said, lines in zip(dates, folded, strict=True):
        ends = re.split(r"(?<= and) |(?<= \u2013) ", said, maxsplit=1)
        if limits[1] is None or limits[1] >= max(map(len, ends)):
            assert lines in ([said], ends)
        for day in listings._glued(said.split(" "), 1000, len):  # each day whole on a line
            assert any(day in line for line in lines), lines
    widths = [
        max(
            len(headers[i]) + 2,
            *(len(line) for r in rows for line in fold(r[i], limits[i]).split("\n")),
        )
        for i in keep
    ]
    assert sum(widths) + 2 * (len(keep) - 1) <= width
    if any(len(lines) > 1 for lines in folded):  # folded: the title had too little room
        whole = max(map(len, dates))
        others = sum(w for i, w in zip(keep, widths, strict=True) if i not in (1, 3))
        assert others + 2 * (len(keep) - 1) + whole + min(COMFORT, max(7, len(title))) > width
