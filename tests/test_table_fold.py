"""Tables wrap cells exactly as tabulate's maxcolwidths did, only faster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from casetrack.formats import fold

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghij-ABC.,'éïØ漢\x1b[1;33m"), min_size=1, max_size=30
)
CELLS = st.lists(WORDS, max_size=8).map(" ".join)


ROWS = st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=4)
WIDTHS = st.lists(st.one_of(st.none(), st.integers(10, 40)), min_size=3, max_size=3)


@settings(max_examples=300, deadline=None)
@given(rows=ROWS, widths=WIDTHS)
def test_fold_matches_tabulate_maxcolwidths(
    rows: list[list[str]], widths: list[int | None]
) -> None:
    headers = ["a", "b", "c"]
    expected = tabulate(
        rows, headers=headers, tablefmt="simple", maxcolwidths=widths, disable_numparse=True
    )
    folded = [[fold(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    assert tabulate(folded, headers=headers, tablefmt="simple", disable_numparse=True) == expected
