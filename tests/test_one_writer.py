"""`add` and `import` are two doors to one milestone writer: they accept and store the same.

For random values, a JSONL import of one milestone record is accepted exactly when
`casetrack add` accepts the same values, and both leave the same rows in the store. And
`edit`, `move`, `kind rename`, party and source merges and documents' quote checks write
milestones and their links through the writer too: no other module holds such SQL but for
the set-wise writes named here.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import casetrack
from casetrack.cli import app
from tests.budget import examples

PACKAGE = Path(casetrack.__file__).parent

# Text as people and other programs give it: plain words, accents in both Unicode forms,
# stray spaces and line breaks, and the control characters casetrack refuses.
_PIECES = st.sampled_from(
    ["Raid", "raid", " ", "  ", "\n", "\t", "é", "e\u0301", "\x01", "\x02", "\x1b[31m",
     "\u200b", "Ω", "x", ":", "-", "''", "bank", "BANK", ""]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=4).map("".join)
_DATES = st.sampled_from(["2003-06-17", "2003-06", "2003~", "[2003..2014]", "17/06/2003", "x", ""])
_KINDS = st.sampled_from(["raid", "Raid", " ruling ", "other", "no-such-kind", ""])
_STATUS = st.sampled_from(["undisputed", "disputed", "Disputed", "unsure", "maybe"])
_ROLES = st.sampled_from(["", "defendant", "Defendant", "raiding authority", "witnes", "x"])

_values = st.fixed_dictionaries(
    {
        "date": _DATES,
        "title": _TEXT,
        "kind": _KINDS,
        "location": st.none() | _TEXT,
        "note": st.none() | _TEXT,
        "status": _STATUS,
        "key": st.booleans(),
        "tags": st.lists(_TEXT, max_size=2),
        "party": st.none() | st.tuples(_TEXT, _ROLES),
        "source": st.none() | _TEXT.map(lambda t: "https://example.org/" + t),
        "quote": st.none() | _TEXT,
        "page": st.none() | _TEXT,
    }
)


_BASE: dict[str, object] = {
    "date": "2003-06-17",
    "title": "Raid",
    "kind": "raid",
    "location": None,
    "note": None,
    "status": "undisputed",
    "key": False,
    "tags": [],
    "party": None,
    "source": "https://example.org/a",
    "quote": None,
    "page": None,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding case c1 and nothing else, copied for each example."""
    path = tmp_path_factory.mktemp("writer") / "template.db"
    result = CliRunner().invoke(app, ["--db", str(path), "case", "add", "c1", "--title", "One"])
    assert result.exit_code == 0, result.stderr
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file to copy
    conn.close()
    return path


def _add_args(v: dict[str, object]) -> list[str]:
    args = ["add", "c1", str(v["date"]), str(v["title"]), "--kind", str(v["kind"])]
    args += ["--status", str(v["status"])] + (["--key"] if v["key"] else [])
    for name in ("location", "note", "quote", "page"):
        if v[name] is not None:
            args += [f"--{name}", str(v[name])]
    for tag in v["tags"]:  # type: ignore[attr-defined]
        args += ["--tag", tag]
    if v["party"] is not None:
        name, role = v["party"]  # type: ignore[misc]
        # The role is after the last colon: a name holding one ends with one (guide, commands).
        args += ["--party", f"{name}:{role}" if role else f"{name}:" if ":" in name else name]
    if v["source"] is not None:
        args += ["--source", str(v["source"])]
    return args


def _record(v: dict[str, object]) -> dict[str, object]:
    record: dict[str, object] = {
        "type": "milestone",
        "case": "c1",
        **{k: v[k] for k in ("date", "title", "kind", "location", "note", "status", "key")},
        "tags": v["tags"],
        "parties": [],
        "sources": [],
    }
    if v["party"] is not None:
        name, role = v["party"]  # type: ignore[misc]
        record["parties"] = [{"name": name, "role": role or None}]
    if v["source"] is not None:
        record["sources"] = [{"url": v["source"], "quote": v["quote"], "page": v["page"]}]
    return record


def _stored(path: Path) -> list[object]:
    """What a milestone write leaves, without ids, uids and clocks."""
    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute(
                "SELECT date, date_start, date_end, precision, approximate, uncertain,"
                " sort_start, sort_end, kind, title, location, note, status, key"
                " FROM milestones"
            ).fetchall(),
            conn.execute(
                "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p"
                " ON p.id = mp.party_id"
            ).fetchall(),
            conn.execute(
                "SELECT s.url, ms.quote, ms.page, ms.paragraph FROM milestone_sources ms"
                " JOIN sources s ON s.id = ms.source_id"
            ).fetchall(),
            conn.execute("SELECT tag FROM milestone_tags ORDER BY tag").fetchall(),
        ]
    finally:
        conn.close()


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_values)
# Each of these was accepted by one door and refused, or stored otherwise, by the other.
@example(_BASE | {"tags": ["bad\x01tag"]})
@example(_BASE | {"quote": "bad\x02quote"})
@example(_BASE | {"quote": "  padded quote  "})
@example(_BASE | {"tags": ["e\u0301"]})
@example(_BASE | {"kind": ""})
@example(_BASE | {"party": (":", "")})
@example(_BASE | {"party": ("bank:RaidΩ", "")})
@example(_BASE | {"party": ("bank:", "witnes")})
def test_import_accepts_and_stores_exactly_what_add_does(
    template: Path, tmp_path: Path, values: dict[str, object]
) -> None:
    # Without a source, add has nothing to attach a quote or page to, and refuses them.
    assume(values["source"] is not None or (values["quote"] is None and values["page"] is None))
    # A title starting with "-" is an option to the command line, not a value.
    assume(not str(values["title"]).startswith("-"))
    by_add, by_import = tmp_path / "add.db", tmp_path / "import.db"
    shutil.copy(template, by_add)
    shutil.copy(template, by_import)
    runner = CliRunner()
    added = runner.invoke(app, ["--db", str(by_add), *_add_args(values)])
    sheet = tmp_path / "one.jsonl"
    lines = [{"format": "casetrack/1"}, _record(values)]
    sheet.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    imported = runner.invoke(app, ["--db", str(by_import), "import", str(sheet)])
    for result in (added, imported):
        assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert (added.exit_code == 0) == (imported.exit_code == 0), (
        f"add exited {added.exit_code} ({added.stderr.strip()!r}), "
        f"import exited {imported.exit_code} ({imported.stderr.strip()!r})"
    )
    assert _stored(by_add) == _stored(by_import)


# SQL that writes a milestone or its links.
_WRITES = re.compile(
    r"\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
    r"(?:milestones|milestone_parties|milestone_sources|milestone_tags)\b",
    re.IGNORECASE,
)


def sql_writes(source: str) -> list[str]:
    """The SQL strings in this Python source that write milestones or their links (an
    f-string's literal parts read as one)."""
    tree = ast.parse(source)
    parts = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            texts.append("".join(str(v.value) for v in node.values if isinstance(v, ast.Constant)))
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in parts
        ):
            texts.append(node.value)
    return [text for text in texts if _WRITES.search(text)]


def test_sql_writes_finds_writes_of_milestones_and_links() -> None:
    source = (
        'a = "UPDATE milestones SET title = ? WHERE id = ?"\n'
        'b = f"DELETE FROM milestone_parties WHERE {x}"\n'
        'c = ("INSERT OR IGNORE INTO milestone_tags (milestone_id, tag)" " VALUES (?, ?)")\n'
        'd = "SELECT title FROM milestones"\n'
        'e = "DELETE FROM milestones_fts WHERE rowid = ?"\n'
    )
    assert len(sql_writes(source)) == 3


# The set-wise writes that stay with their operations (docs/development.md, writer.py): the
# trash's stamp, restore and emptying, erasing for good, and migrations.
SET_WISE = {
    "cases.py": ("UPDATE milestones SET deleted_at",),
    "milestones.py": ("UPDATE milestones SET deleted_at",),
    "trash.py": ("UPDATE milestones SET deleted_at", "DELETE FROM milestones WHERE deleted_at"),
    "erase.py": ("DELETE FROM milestones WHERE ", "DELETE FROM milestone_parties WHERE ",
                 "DELETE FROM milestone_sources WHERE "),
    "schema.py": ("UPDATE milestones SET sort_key = casetrack_sort_key(",
                  "UPDATE OR IGNORE milestone_parties SET role = 'intervener'",
                  "DELETE FROM milestone_parties WHERE role = 'intervenor'"),
}  # fmt: skip


@pytest.mark.parametrize(
    "module",
    sorted(
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.name != "writer.py" or p.parent != PACKAGE
    ),
)
def test_only_the_writer_writes_milestones_and_their_links(module: str) -> None:
    """edit, move, kind rename, party and source merges and documents' quote checks write
    through casetrack.writer: no other module holds SQL that writes milestones or their
    links, but for the set-wise writes SET_WISE names."""
    source = (PACKAGE / module).read_text(encoding="utf-8")
    allowed = SET_WISE.get(module, ())
    assert [s for s in sql_writes(source) if not s.startswith(allowed)] == []
