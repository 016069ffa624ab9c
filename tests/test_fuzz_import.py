"""Fuzzing the import readers: any file either imports whole or is refused whole, cleanly."""

from __future__ import annotations

import csv
import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.cases import add_case
from casetrack.errors import CasetrackError
from casetrack.exchange.csvfmt import read_csv
from casetrack.exchange.importer import import_records
from casetrack.exchange.jsonfmt import read_json, read_jsonl
from casetrack.store import Store
from tests.budget import examples

_cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2003", "2003-06-17", "circa 2001", "2003-02-30", "", "raid", "=1+1"]),
)
_row = st.fixed_dictionaries(
    {"case": st.sampled_from(["c", "", "other"]), "date": _cell, "title": _cell, "kind": _cell},
    optional={"parties": _cell, "tags": _cell, "status": _cell, "key": _cell, "uid": _cell},
)


def _counts(store: Store) -> tuple[int, ...]:
    tables = ("milestones", "parties", "sources", "cases", "milestone_parties", "milestone_tags")
    return tuple(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def _import_text(text: str, reader: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "f.db", create=True)
        try:
            add_case(store, "c", "C")
            before = _counts(store)
            try:
                report = import_records(store, reader(io.StringIO(text), "f"), "f")  # type: ignore[operator]
            except CasetrackError as err:
                assert str(err) and "\n" not in str(err)
                assert all(line.startswith("f") for line in err.details)
                assert _counts(store) == before  # refused whole: nothing written
            else:
                added = _counts(store)[0] - before[0]
                assert added == report.added["milestone"]  # the summary says what was written
                assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            store.close()


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_row, max_size=8))
def test_any_csv_sheet_imports_whole_or_not_at_all(rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    columns = sorted({k for r in rows for k in r} | {"case", "date", "title", "kind"})
    writer = csv.DictWriter(buffer, columns)
    writer.writeheader()
    writer.writerows(rows)
    _import_text(buffer.getvalue(), read_csv)


@settings(max_examples=examples(150), deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_as_csv_or_json_never_escapes_as_an_exception(text: str) -> None:
    for reader in (read_csv, read_json, read_jsonl):
        _import_text(text, reader)


_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.dictionaries(
    st.sampled_from(["type", "uid", "case", "date", "title", "kind", "name", "parties", "slug",
                     "url", "aliases", "sources", "tags"]),
    _json_value, max_size=6), max_size=5))  # fmt: skip
def test_malformed_jsonl_records_are_refused_cleanly(records: list[dict[str, object]]) -> None:
    lines = [json.dumps({"format": "casetrack/1"}), *(json.dumps(r) for r in records)]
    _import_text("\n".join(lines) + "\n", read_jsonl)


# JSON values that Python's json decodes to something unusual, or refuses with an error that
# is not a JSONDecodeError: nesting past the recursion limit, integers past 4,300 digits.
_HOSTILE_JSON = [
    "9" * 5000, "-" + "9" * 4301, "1e999", "NaN", "-Infinity", '"\\ud800"', '"a\\udcffb"',
    '"\\u0000"', "[" * 200_000 + "]" * 200_000, "[" * 990 + "]" * 990,
    '{"a":' * 900 + "1" + "}" * 900, '[{"name": ' + "[" * 950 + "]" * 950 + "}]",
]  # fmt: skip
_FIELDS = ["uid", "case", "date", "title", "kind", "name", "slug", "url", "key", "note",
           "status", "parties", "sources", "tags", "aliases", "published", "quote", "page",
           "role"]  # fmt: skip


@settings(max_examples=examples(60), deadline=None)
@given(
    st.sampled_from(["milestone", "party", "source", "case", "kind"]),
    st.dictionaries(st.sampled_from(_FIELDS), st.sampled_from(_HOSTILE_JSON), max_size=3),
)
def test_hostile_json_values_are_refused_cleanly(kind: str, fields: dict[str, str]) -> None:
    """Deep nesting, huge numbers and lone surrogates were exit 70 (internal error)."""
    base = {"case": '"c"', "date": '"2020"', "title": '"t"', "name": '"n"', "url": '"u"',
            "slug": '"c"'}  # fmt: skip
    body = ", ".join(f'"{k}": {v}' for k, v in (base | fields).items())
    line = f'{{"type": "{kind}", {body}}}'
    _import_text('{"format": "casetrack/1"}\n' + line + "\n", read_jsonl)
    section = {"kind": "kinds", "party": "parties", "case": "cases"}.get(kind, kind + "s")
    _import_text(f'{{"format": "casetrack/1", "{section}": [{{{body}}}]}}', read_json)


def test_jsonl_reads_the_same_with_orjson_as_with_json_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """orjson decodes the lines json decoded; what it refuses json still reads, or refuses
    with its own message; a virtualenv without orjson reads with json alone."""
    lines = ['{"type": "kind", "name": "x"}', '{"type": "milestone", "title": NaN}', "{bad",
             '{"type": "milestone", "title": "\\ud800"}', "[1]", '{"type": "case", "n": 1e999}',
             '{"type": "source", "url": "u", "title": "Caf\\u00e9"}']  # fmt: skip
    text = '{"format": "casetrack/1"}\n' + "\n".join(lines) + "\n"
    with_orjson = repr(list(read_jsonl(io.StringIO(text), "f")))
    monkeypatch.setitem(sys.modules, "orjson", None)
    assert repr(list(read_jsonl(io.StringIO(text), "f"))) == with_orjson
    assert "not valid JSON: Expecting property name" in with_orjson
