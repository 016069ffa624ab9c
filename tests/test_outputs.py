"""Files written where the user says (export -o, backup) never replace a casetrack store."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli


def spellings(store: Path) -> list[str]:
    """The open store, named as a user might: as given, relative, through `..`, a symlink
    and a hard link."""
    link = store.with_name("link.db")
    link.symlink_to(store)
    hard = store.with_name("hard.db")
    os.link(store, hard)
    detour = store.parent / "sub"
    detour.mkdir()
    return [
        str(store),
        os.path.relpath(store),
        str(detour / ".." / store.name),
        str(link),
        str(hard),
    ]


def refused_once(result_stderr: str) -> None:
    assert result_stderr.startswith("casetrack: ")
    assert result_stderr.count("\n") == 1
    assert "choose another file name" in result_stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "svg", "html"])
def test_export_never_replaces_the_open_store(demo: Cli, fmt: str) -> None:
    before = demo.records()
    for target in spellings(demo.db_path):
        refused_once(demo("export", "-f", fmt, "-o", target, code=1).stderr)
    assert demo.records() == before
    assert demo.query("PRAGMA integrity_check") == [("ok",)]
    assert not [p for p in demo.db_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_export_never_replaces_the_files_sqlite_keeps_beside_the_store(demo: Cli) -> None:
    # An open reader keeps the -wal and -shm files in place while casetrack runs.
    reader = sqlite3.connect(demo.db_path)
    reader.execute("SELECT count(*) FROM cases").fetchone()
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            target = f"{demo.db_path}{suffix}"
            stderr = demo("export", "-o", target, code=1).stderr
            refused_once(stderr)
            assert f"{suffix[1:]} file of the store" in stderr
        assert not Path(f"{demo.db_path}-journal").exists()
    finally:
        reader.close()
    assert demo.query("PRAGMA integrity_check") == [("ok",)]


def test_export_and_backup_never_replace_another_casetrack_store(demo: Cli, tmp_path: Path) -> None:
    other = Cli(tmp_path / "other.db")
    other("case", "add", "mine", "--title", "My own case")
    before = other.records()
    refused_once(demo("export", "-o", str(other.db_path), code=1).stderr)
    refused_once(demo("backup", str(other.db_path), "--force", code=1).stderr)
    assert other.records() == before


def test_backup_never_replaces_the_store_it_copies(demo: Cli) -> None:
    before = demo.records()
    for target in spellings(demo.db_path):
        refused_once(demo("backup", target, "--force", code=1).stderr)
    assert demo.records() == before


def test_backup_force_replaces_an_older_backup(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    demo("backup", str(target))
    demo("add", "nec-2003", "2015", "Later milestone")
    demo("backup", str(target), "--force")
    assert Cli(target).query("SELECT count(*) FROM milestones WHERE title = 'Later milestone'") == [
        (1,)
    ]


def test_backup_and_export_never_replace_a_device_even_with_force(
    demo: Cli, tmp_path: Path
) -> None:
    """As root, `backup /dev/null --force` (the hint for an existing file) turned the device
    into a copy of the store. A stand-in device node shows it without touching /dev."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    for args in (["backup", str(device), "--force"], ["backup", str(device)],
                 ["export", "-o", str(device)]):  # fmt: skip
        refused = demo(*args, code=1).stderr
        assert "is not a regular file" in refused and refused.count("\n") == 1
        assert os.path.exists(device) and not device.is_file()


def test_export_to_dash_writes_to_stdout(demo: Cli, tmp_path: Path) -> None:
    result = demo("export", "nec-2003", "-o", "-", "-f", "csv")
    assert result.stdout.startswith("id,uid,case,")
    assert not (tmp_path / "-").exists()
