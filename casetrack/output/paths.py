"""File paths in tables: folded so the file name stays whole and visible.

A listing wraps its columns at spaces and cuts a longer word at its end with "…", which
for a path is the file name: the part a reader most needs. A path too wide for its column
is folded here first, after a "/" or at a space, so every line fits and nothing is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

# Where a path may go on to the next line: after a "/" or a space; in a name longer than a
# line, after a "-", "_" or ".".
_BREAKS = re.compile(r"(?<=[/ ])")
_NAME_BREAKS = re.compile(r"(?<=[-_.])")


def fold_path(path: str, width: int) -> str:
    """`path` on lines of at most `width` columns, broken after a "/" or at a space where it
    can, a name longer than a line after a "-", "_" or ".", else where it must."""
    if len(path) <= width:
        return path
    return "\n".join(_pack(_BREAKS.split(path), width))


def _pack(pieces: list[str], width: int, name: bool = False) -> list[str]:
    """Lines of at most `width` columns, each as many pieces as fit; a piece longer than a
    line is broken at its own name breaks (then every `width` columns)."""
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if len((line + piece).rstrip()) <= width:
            line += piece
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = piece
        if len(piece.rstrip()) > width:
            parts = (
                [piece[i : i + width] for i in range(0, len(piece), width)]
                if name
                else _pack(_NAME_BREAKS.split(piece), width, name=True)
            )
            lines += parts[:-1]
            line = parts[-1]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def fold_paths(
    records: Iterable[dict[str, Any]],
    columns: Sequence[str],
    flexible: Sequence[str],
    droppable: Sequence[str] = (),
    key: str = "path",
) -> Iterator[dict[str, Any]]:
    """The records with each `key` folded to the width its column gets in a table on this
    terminal, laid out as render lays it out (from the first SAMPLE records, as render
    does); unchanged for a pipe or a file, where rows stay whole."""
    from casetrack.output.listings import SAMPLE, fit_columns, shown, terminal_width

    records = iter(records)
    width = terminal_width()
    if width is None or key not in columns:
        yield from records
        return
    sample = list(islice(records, SAMPLE))
    column = list(columns).index(key)
    limit: int | None = None
    folded = sample
    # Folding can change the layout (a dropped column may come back, narrowing this one):
    # lay out again and fold the paths narrower until they fit.
    for _ in range(4):
        rows = [[shown("" if r.get(c) is None else str(r[c])) for c in columns] for r in folded]
        keep, limits = fit_columns(
            columns, rows, width, flexible, droppable, every_row=len(sample) < SAMPLE
        )
        room = limits[column] if column in keep else None
        if room is None or all(len(line) <= room for r in rows for line in r[column].split("\n")):
            break
        limit = room if limit is None else min(limit, room)
        folded = [_folded(r, key, limit) for r in sample]
    yield from folded
    if limit is None:
        yield from records
        return
    for record in records:
        yield _folded(record, key, limit)


def _folded(record: dict[str, Any], key: str, width: int) -> dict[str, Any]:
    value = record.get(key)
    return record | {key: fold_path(str(value), width)} if value else record
