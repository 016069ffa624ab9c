"""Tables look exactly as tabulate's "simple" format with maxcolwidths made them, only faster."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from casetrack import formats
from casetrack.formats import fold, render
from tests.budget import examples

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghij-ABC.,'éïØ漢\xa0\x1b[1;33m"), min_size=1, max_size=30
)
# Surrounding whitespace stripped, as casetrack stores text (tabulate would strip it too).
CELLS = st.lists(WORDS, max_size=8).map(" ".join).map(str.strip)
ROWS = st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=4)
WIDTHS = st.lists(st.one_of(st.none(), st.integers(10, 40)), min_size=3, max_size=3)
HEADERS = ["a", "b", "c"]


@settings(max_examples=examples(300), deadline=None)
@given(rows=ROWS, widths=WIDTHS)
def test_fold_matches_tabulate_maxcolwidths(
    rows: list[list[str]], widths: list[int | None]
) -> None:
    expected = tabulate(
        rows, headers=HEADERS, tablefmt="simple", maxcolwidths=widths, disable_numparse=True
    )
    folded = [[fold(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    assert tabulate(folded, headers=HEADERS, tablefmt="simple", disable_numparse=True) == expected


@settings(max_examples=examples(300), deadline=None)
@given(rows=ROWS, width=st.integers(20, 120))
def test_tables_match_tabulate(rows: list[list[str]], width: int) -> None:
    records = [dict(zip(HEADERS, row, strict=True)) for row in rows]
    limits = formats.fit_widths(HEADERS, rows, width, {"b", "c"})
    expected = tabulate(
        rows, headers=HEADERS, tablefmt="simple", maxcolwidths=limits, disable_numparse=True
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(formats, "terminal_width", lambda: width)
        assert render(records, "table", HEADERS, ("b", "c")) == expected + "\n"


PIECES = st.text(alphabet=st.sampled_from("abcXé1-.,'([)"), min_size=1, max_size=12)


@settings(max_examples=examples(500), deadline=None)
@given(words=st.lists(PIECES, min_size=1, max_size=12), width=st.integers(1, 30))
def test_packing_words_matches_textwrap(words: list[str], width: int) -> None:
    text = " ".join(words)
    packed = formats._pack(text, width)
    if packed is None:  # only a word longer than the line is left to textwrap, which cuts it
        assert max(map(len, words)) > width
    else:
        assert packed == "\n".join(formats._TabulateLikeWrapper(width=width).wrap(text))
