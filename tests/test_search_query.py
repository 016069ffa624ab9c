"""The query translator: what people type becomes a valid FTS5 query, or nothing."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from casetrack.search import translate


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("raid", '"raid"'),
        ("Police raid", '"Police" "raid"'),
        ("raid*", '"raid"*'),
        ('"money laundering"', '"money laundering"'),
        ('"money laund"*', '"money laund"*'),
        ("raid AND dawn", '"raid" AND "dawn"'),
        ("raid OR arrest NOT appeal", '"raid" OR "arrest" NOT "appeal"'),
        ("raid and dawn", '"raid" "and" "dawn"'),
        ("NOT raid", '"NOT" "raid"'),
        ("raid OR", '"raid" "OR"'),
        ("raid AND OR dawn", '"raid" "AND" OR "dawn"'),
        ('"raid', '"raid"'),
        ("NEAR(raid dawn)", '"NEAR(raid" "dawn)"'),
        ("title:raid", '"title:raid"'),
        ("*", ""),
        ("( ) : \" ' -", ""),
        ("", ""),
        ("ra\x00id", '"ra" "id"'),
        ("n° 18-84.123", '"18-84.123"'),
        ("No. 21-1234 appeal", '"21-1234" "appeal"'),
        ("Nº 5", '"5"'),
        ("n° appeal", '"n°" "appeal"'),  # no number after it: a word as typed
        ("no 5", '"no" "5"'),
    ],
)
def test_translation(typed: str, match: str) -> None:
    assert translate(typed).match == match


def test_plain_words_also_give_the_phrase_that_ranks_first() -> None:
    assert translate("money laundering").phrase == '"money laundering"'
    assert translate("money").phrase is None
    assert translate("money OR laundering").phrase is None
    assert translate("money laund*").phrase is None


_FTS = sqlite3.connect(":memory:")
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='unicode61 remove_diacritics 2')")
_FTS.execute("INSERT INTO t VALUES ('Police raid at dawn', 'Mojāhedin (PMOI) offices: raided')")
# Outside "strings", a translated query holds only operators, spaces and prefix stars.
_SHAPE = re.compile(r'^(?:"[^"]*"\*?|AND|OR|NOT| )*$')


@given(st.text())
@example('NEAR("a" "b", 2)')
@example('"a" NOT NOT b')
@example("AND OR NOT")
@example("'); DROP TABLE t; --")
@example("raid^ -dawn +x {a b}:c")
def test_any_text_gives_a_query_fts5_accepts(text: str) -> None:
    query = translate(text)
    assert _SHAPE.match(query.match)
    for fts in filter(None, (query.match, query.phrase)):
        _FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts,)).fetchall()
