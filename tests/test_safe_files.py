"""Safe files: what casetrack writes is private and whole, what it reads is checked, and
what another program stored cannot act on the terminal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import Cli

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\Court ruling\x1b]8;;\x1b\\"


def _store_raw(db: Path, sql: str, params: tuple[object, ...]) -> None:
    """Write as another program would, past casetrack's input checks."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_listings_show_stored_escape_sequences_as_symbols(demo: Cli) -> None:
    _store_raw(demo.db_path, "UPDATE milestones SET title = ?, note = ? WHERE id = 1",
               (f"Raid{OSC_TITLE}", OSC_LINK))  # fmt: skip
    _store_raw(demo.db_path, "UPDATE parties SET name = ? WHERE id = 1", ("Jane\rX\x9b2J",))
    outputs = {
        args: demo(*args).stdout
        for args in (
            ("timeline",),
            ("timeline", "--wide"),
            ("timeline", "--format", "markdown"),
            ("show", "1"),
            ("party", "list"),
            ("history",),
            ("search", "Raid"),
        )
    }
    for args, text in outputs.items():
        assert not any(c in text for c in "\x1b\x07\r\x9b"), args
    assert "Raid␛]0;pwned␇" in outputs[("show", "1")]
    assert "␛]8;;https://evil.example/␛\\Court ruling" in outputs[("show", "1")]
    # Programs still get the text as stored.
    assert OSC_TITLE in demo("show", "1", "--format", "json").stdout.encode().decode(
        "unicode_escape"
    )


def test_check_reports_control_characters_in_stored_text(demo: Cli) -> None:
    assert demo("check").exit_code == 0
    _store_raw(demo.db_path, "UPDATE milestones SET note = ? WHERE id = 2", (OSC_LINK,))
    _store_raw(demo.db_path, "UPDATE cases SET title = ?", ("Case\x00",))
    lines = demo("check", code=1).stdout.splitlines()
    assert lines == [
        f"text: milestone 2 has a note that casetrack would refuse or store cleaned: {OSC_LINK!r}",
        "text: case 1 has a title that casetrack would refuse or store cleaned: 'Case\\x00'",
    ]
