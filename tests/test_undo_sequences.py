"""Any sequence of commands can be undone step by step, each undo restoring the store exactly.

Imports (new milestones, re-imports that change links, party records), edits, removals,
the trash, aliases, and corrections of parties, roles, sources, kinds and case slugs, in
random order, in the ordinary and the large-import modes; after each command the store
passes `casetrack check`, and after each undo it is row for row what it was before the
command; undoing the last undo puts the command's work back exactly, and undo takes it away
again. Emptying the trash erases for good: undo stops there, refusing.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casetrack import history
from casetrack.cli import app
from casetrack.exchange import importer
from casetrack.history_sql import TRACKED_TABLES
from tests.budget import examples

PARTIES = ("Anne Morel", "NEC", "Omar Haddad", "Court of Appeal")
URLS = ("https://e.org/1", "https://e.org/2", "Le Monde, 3 June 2003, p. 2")
TAGS = ("raid", "appeal", "press")
UIDS = tuple(f"00000000-0000-0000-0000-{n:012d}" for n in range(1, 9))

_milestone = st.fixed_dictionaries(
    {
        "uid": st.sampled_from(UIDS),
        "case": st.sampled_from(["c1", "c2"]),
        "date": st.sampled_from(["2003", "2003-06", "2003-06-17", "2004~"]),
        "title": st.sampled_from(["Raid", "Hearing", "Ruling"]),
        "kind": st.sampled_from(["other", "hearing", "audience"]),
        "tags": st.lists(st.sampled_from(TAGS), max_size=2),
        "parties": st.lists(
            st.fixed_dictionaries(
                {"name": st.sampled_from(PARTIES), "role": st.sampled_from([None, "witness"])}
            ),
            max_size=3,
        ),
        "sources": st.lists(
            st.fixed_dictionaries(
                {"url": st.sampled_from(URLS), "quote": st.sampled_from([None, "q1", "q2"])}
            ),
            max_size=3,
            unique_by=lambda link: link["url"],  # one pinpoint per source
        ),
    }
)
_party = st.fixed_dictionaries(
    {"name": st.sampled_from(PARTIES), "aliases": st.lists(st.sampled_from(["AM", "N.E.C."]))}
)


def _import(min_size: int) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.tuples(
        st.just("import"),
        st.lists(_milestone, min_size=min_size, max_size=5, unique_by=lambda m: m["uid"]),
        st.lists(_party, max_size=2),
    )


# Sequences begin with an import of two milestones or more: in large mode its second batch
# switches to large-import mode (an empty store held fewer milestones than it added).
_first = _import(2)
_command = st.one_of(
    _import(1),
    st.tuples(st.just("edit"), st.integers(1, 12), st.sampled_from(TAGS), st.sampled_from(URLS)),
    st.tuples(st.just("untag"), st.integers(1, 12), st.sampled_from(TAGS), st.sampled_from(URLS)),
    st.tuples(st.just("rm"), st.integers(1, 12)),
    st.tuples(st.just("restore"), st.integers(1, 12)),
    st.tuples(st.just("empty")),
    st.tuples(st.just("alias"), st.sampled_from(PARTIES), st.sampled_from(["Zed", "Why"])),
    st.tuples(st.just("unalias"), st.sampled_from(PARTIES), st.sampled_from(["Zed", "AM"])),
    st.tuples(
        st.just("rename"),
        st.sampled_from(PARTIES),
        st.sampled_from(["Zed", "Ann Morel"]),
        st.sampled_from([(), ("--drop-old",)]),
    ),
    st.tuples(st.just("party rm"), st.sampled_from(PARTIES)),
    st.tuples(
        st.just("role"),
        st.integers(1, 12),
        st.sampled_from(PARTIES),
        st.sampled_from(["witness", "subject"]),
    ),
    st.tuples(st.just("source edit"), st.sampled_from(URLS), st.sampled_from(["A title", ""])),
    st.tuples(st.just("source rm"), st.sampled_from(URLS)),
    # Kinds of the user's own (built-in ones are neither renamed nor removed).
    st.tuples(st.just("kind rename"), st.just("audience"), st.sampled_from(["trial", "dossier"])),
    st.tuples(st.just("kind rm"), st.sampled_from(["audience", "dossier"])),
    st.tuples(st.just("case rename"), st.sampled_from(["c1", "c2"]), st.sampled_from(["c1", "c3"])),
)


class _Session:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "s.db"
        self.runner = CliRunner()
        self.files = 0

    def __call__(self, *args: object) -> int:
        result = self.runner.invoke(app, ["--db", str(self.db), *map(str, args)])
        assert result.exit_code in (0, 1), (args, result.stdout, result.stderr)
        if result.exit_code == 1:  # a refusal: an error, never a traceback
            assert result.stderr.startswith("casetrack: "), result.stderr
            assert "Traceback" not in result.stderr, result.stderr
        return result.exit_code

    def run(self, command: tuple[Any, ...]) -> None:
        name, *args = command
        if name == "import":
            milestones, parties = args
            records = [{"type": "party", **p} for p in parties]
            records += [{"type": "milestone", **m} for m in milestones]
            self.files += 1
            path = self.folder / f"{self.files}.jsonl"
            lines = [json.dumps(r) for r in [{"format": "casetrack/1"}, *records]]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            self("import", path)
        elif name == "edit":
            self("edit", args[0], "--title", "Edited", "--tag", args[1], "--source", args[2])
        elif name == "untag":
            self("edit", args[0], "--remove-tag", args[1], "--remove-source", args[2])
        elif name == "rm":
            self("rm", args[0])
        elif name == "restore":
            self("restore", args[0])
        elif name == "empty":
            self("trash", "empty", "--yes")
        elif name == "alias":
            self("party", "alias", *args)
        elif name == "unalias":
            self("party", "alias", "rm", *args)
        elif name == "rename":
            self("party", "rename", args[0], args[1], *args[2])
        elif name == "role":
            self("edit", args[0], "--party", f"{args[1]}:{args[2]}")
        elif name == "source edit":
            self("source", "edit", args[0], "--title", args[1])
        else:  # party rm, source rm, kind rename, kind rm, case rename
            self(*name.split(), *args)

    def snapshot(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of the tracked tables and those derived from them (search rows, party
        names, case figures), and the schema (indexes and triggers a large import or undo
        sets aside must all be back)."""
        conn = sqlite3.connect(self.db)
        try:
            derived = ("milestone_search", "party_names_fts", "case_figures")
            tables = {t: conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall()
                      for t in (*TRACKED_TABLES, *derived)}  # fmt: skip
            schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            return {**tables, "sqlite_master": conn.execute(schema).fetchall()}
        finally:
            conn.close()

    def changes(
        self,
        sql: str = "SELECT count(*) FROM changes c"
        " WHERE EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)",
    ) -> int:
        """How many changes hold rows (a command that changed nothing is recorded without)."""
        conn = sqlite3.connect(self.db)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()


@contextmanager
def _large_mode(on: bool) -> Iterator[None]:
    """With on, imports write a milestone per batch and switch to large-import mode from the
    second batch on (the switch counts milestones written before), and undos recompute search
    once."""
    saved = importer.BATCH, importer.REINDEX_AFTER, history.UNDO_SET_WISE_SEARCH
    if on:
        importer.BATCH, importer.REINDEX_AFTER, history.UNDO_SET_WISE_SEARCH = 1, 1, 1
    try:
        yield
    finally:
        importer.BATCH, importer.REINDEX_AFTER, history.UNDO_SET_WISE_SEARCH = saved


@settings(max_examples=examples(30), deadline=None)
@given(_first, st.lists(_command, max_size=7), st.booleans())
def test_every_command_undoes_back_to_the_store_before_it(
    first: tuple[Any, ...], rest: list[tuple[Any, ...]], large: bool
) -> None:
    commands = [first, *rest]
    with tempfile.TemporaryDirectory() as folder, _large_mode(large):
        cli = _Session(Path(folder))
        cli("init")
        for slug in ("c1", "c2"):
            cli("case", "add", slug, "--title", f"Case {slug}")
        cli("kind", "add", "audience")
        done: list[tuple[tuple[Any, ...], dict[str, list[tuple[object, ...]]]]] = []
        erased = False
        for command in commands:
            before, count = cli.snapshot(), cli.changes()
            cli.run(command)
            if cli.changes() != count and command[0] == "empty":
                done, erased = [], True  # erased for good: undo stops there
            elif cli.changes() != count:
                done.append((command, before))
            assert cli("check") == 0, f"check after {command}"
            assert cli("history", "--case", "c1", "--format", "json") == 0
        # The newest change holds no rows: the last command that ran changed nothing.
        last_changed_nothing = cli.changes(
            "SELECT NOT EXISTS (SELECT 1 FROM history WHERE change_id ="
            " (SELECT max(id) FROM changes))"
        )
        if done and last_changed_nothing:
            # Plain undo never reaches past a last command that changed nothing: name the change.
            after = cli.snapshot()
            assert cli("undo") == 1, "plain undo went past a command that changed nothing"
            assert cli.snapshot() == after
        for newest, (command, before) in enumerate(reversed(done)):
            after = cli.snapshot()
            if newest == 0 and last_changed_nothing:
                latest = cli.changes(
                    "SELECT max(c.id) FROM changes c"
                    " WHERE EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
                )
                assert cli("undo", str(latest)) == 0, f"undo of {command} by its id"
            else:
                assert cli("undo") == 0, f"undo of {command}"
            assert cli.snapshot() == before, f"undo of {command} did not restore the store"
            assert cli("check") == 0, f"check after undoing {command}"
            if newest == 0:  # undoing that undo puts the command's work back; then again
                newest_change = cli.changes("SELECT max(id) FROM changes")
                assert cli("undo", str(newest_change)) == 0, f"redo of {command}"
                assert cli.snapshot() == after, f"redo of {command} did not put it back"
                assert cli("undo") == 0, f"undo of {command} after its redo"
                assert cli.snapshot() == before
        if erased:
            before = cli.snapshot()
            assert cli("undo") == 1, "undo went past an erasure"
            assert cli.snapshot() == before
