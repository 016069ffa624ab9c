"""Turning records into text: tables for people, CSV/JSON/JSONL for programs.

Every listing goes through `render`, so all commands share one set of formats.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Collection, Sequence
from itertools import chain, zip_longest
from typing import TYPE_CHECKING, Any

from casetrack.dates import display_date, elapsed
from casetrack.models import Milestone

if TYPE_CHECKING:
    from casetrack.search import Hit

FORMATS = ("table", "markdown", "csv", "json", "jsonl")
# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Colour codes take no room on screen: widths are measured without them.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def terminal_width() -> int | None:
    """Columns to fit tables to: $COLUMNS, else the terminal's. None when printing to a pipe
    or a file: rows then stay whole, one line each, for grep and sort (as ps does)."""
    return shutil.get_terminal_size((0, 0)).columns or None


def fit_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None, flexible: set[str]
) -> list[int | None]:
    """Column limits so the table fits `width`: fixed columns keep their size, and flexible
    ones share the rest, narrow ones keeping their natural width (water-filling)."""
    if width is None:
        return [None] * len(headers)
    # Like tabulate, every column is at least two wider than its header.
    natural = [
        max([len(h) + 2, *(_cell_width(row[i]) for row in rows)]) for i, h in enumerate(headers)
    ]
    padding = 2 * (len(headers) - 1)
    fixed = sum(n for h, n in zip(headers, natural, strict=True) if h not in flexible)
    room = max(width - padding - fixed, 12 * max(1, len(flexible)))
    limits: list[int | None] = [None] * len(headers)
    pending = sorted((n, i) for i, (h, n) in enumerate(zip(headers, natural, strict=True))
                     if h in flexible)  # fmt: skip
    while pending:
        share = room // len(pending)
        n, _ = pending[0]
        if n <= share:
            room -= n
            pending.pop(0)
            continue
        for _, j in pending:
            limits[j] = max(10, share)
        break
    return limits


def _cell_width(cell: str) -> int:
    """Columns the widest line of a cell takes, colour codes aside."""
    if "\x1b" in cell:
        cell = _ANSI.sub("", cell)
    return max(map(len, cell.split("\n"))) if "\n" in cell else len(cell)


def render(
    records: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    flexible: Sequence[str] = (),
) -> str:
    """Records as text in a given format; `columns` picks and orders table/CSV columns."""
    if fmt in ("json", "jsonl"):
        import json  # only here: tables, the common case, never need it

        if fmt == "json":
            return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    headers = list(columns or (records[0].keys() if records else []))
    rows = [[v if type(v := r.get(h)) is str else _cell(v) for h in headers] for r in records]
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([[safe_cell(c) for c in row] for row in rows])
        return buffer.getvalue()
    if fmt == "markdown":
        from tabulate import tabulate

        escaped = [[c.replace("|", "\\|").replace("\n", " ") for c in row] for row in rows]
        return (
            str(tabulate(escaped, headers=headers, tablefmt="pipe", disable_numparse=True)) + "\n"
        )
    if not rows:
        return ""
    widths = fit_widths(headers, rows, terminal_width(), set(flexible))
    folded = rows
    if any(widths):
        folded = [[fold(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    if _plain("\n".join(chain(headers, *folded))):
        return simple_table(headers, folded) + "\n"
    from tabulate import tabulate

    return str(tabulate(folded, headers=headers, tablefmt="simple", disable_numparse=True)) + "\n"


# Text as wide on screen as it is long: printable Latin letters, no colour codes.
_PLAIN = re.compile(r"[\n\x20-\x7e\xa0-\xac\xae-\u02ff]*")


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None


def simple_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """tabulate's "simple" table of left-aligned text, for plain text only (see _plain).

    Same output, without importing tabulate or measuring every piece for colour codes
    and wide characters: a 1,000-row timeline renders in milliseconds instead of a second.
    """
    # Like tabulate: in a table with multi-line cells, a row of empty cells takes no line.
    lines: Sequence[Sequence[str]] = rows
    if "\n" in "\t".join(chain.from_iterable(rows)):  # a line per line of the tallest cell
        lines = [
            texts
            for row in rows
            for texts in zip_longest(*(cell.splitlines() for cell in row), fillvalue="")
        ]
    widths = [len(h) + 2 for h in headers]
    for i, column in enumerate(zip(*lines, strict=True)):
        widths[i] = max(widths[i], *map(len, column))
    layout = "  ".join(f"{{:{w}}}" for w in widths)
    out = [layout.format(*headers).rstrip(), "  ".join("-" * w for w in widths)]
    out.extend(layout.format(*texts).rstrip() for texts in lines)
    return "\n".join(out)


class _TabulateLikeWrapper(textwrap.TextWrapper):
    """textwrap as tabulate's wrapper cuts a word longer than the line: at the width, where
    Python's own prefers to cut just after a hyphen."""

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words and space_left > 0:
            cur_line.append(reversed_chunks[-1][:space_left])
            reversed_chunks[-1] = reversed_chunks[-1][space_left:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())


def fold(cell: str, width: int | None) -> str:
    """The cell wrapped to `width` columns exactly as tabulate's maxcolwidths wraps it.

    tabulate wraps every cell of a limited column, with a wrapper that measures each piece
    for colour codes and wide characters: a 1,000-row timeline took seconds. Here cells that
    fit are left alone and plain text is wrapped by textwrap, which measures it the same.
    """
    if width is None or (len(cell) <= width and "\n" not in cell and "\x1b" not in cell):
        return cell
    if _SPACED_WORDS.fullmatch(cell) and (packed := _pack(cell, width)) is not None:
        return packed
    if _plain(cell):
        wrap = _TabulateLikeWrapper(width=width).wrap
    else:
        from tabulate import _CustomTextWrap  # type: ignore[attr-defined]

        wrap = _CustomTextWrap(width=width).wrap
    return "\n".join("\n".join(wrap(line)) for line in cell.splitlines() if line.strip())


# Plain text, words one space apart: textwrap breaks it only at those spaces and hyphens.
# (No-break spaces are left to textwrap, which drops a word made only of them.)
_SPACED_WORDS = re.compile(r"[!-~\xa1-\xac\xae-\u02ff]+(?: [!-~\xa1-\xac\xae-\u02ff]+)*")


def _pack(text: str, width: int) -> str | None:
    """`text` filled to `width` exactly as textwrap fills it, in a fraction of the time;
    None when a piece is longer than the width (textwrap then cuts it)."""
    lines = []
    line = ""
    for word in text.split(" "):
        pieces = (
            [p for p in textwrap.TextWrapper.wordsep_re.split(word) if p] if "-" in word else [word]
        )
        for k, piece in enumerate(pieces):
            if len(piece) > width:
                return None
            joined = (line + " " + piece) if line and not k else line + piece
            if len(joined) <= width:
                line = joined
            else:
                lines.append(line)
                line = piece
    lines.append(line)
    return "\n".join(lines)


def focus_roles(milestone: Milestone, focus: Collection[int]) -> str:
    """The roles the queried parties play in a milestone."""
    return "; ".join(sorted({p.role or "-" for p in milestone.parties if p.party_id in focus}))


def timeline_records(
    milestones: Sequence[Milestone], focus: Collection[int] = ()
) -> list[dict[str, Any]]:
    """Milestones as table rows: the date as said, time since the previous one, who, sources."""
    rows = []
    previous = None
    for m in milestones:
        rows.append(
            {
                "id": m.id,
                "role": focus_roles(m, focus),
                "case": m.case,
                "date": display_date(m.date),
                "elapsed": elapsed(previous, m.date),
                "kind": m.kind,
                "title": title_label(m),
                "parties": "; ".join(
                    p.name + (f" ({p.role})" if p.role else "") for p in m.parties
                ),
                "sources": "; ".join(
                    _source_label(s.id, s.title, s.url, s.page) for s in m.sources
                ),
            }
        )
        if m.date.start is not None:
            previous = m.date
    return rows


def title_label(m: Milestone, title: str | None = None) -> str:
    """A title for tables, flagged when the milestone is a key fact or not undisputed."""
    return (
        (m.title if title is None else title)
        + (" [key]" if m.key else "")
        + ("" if m.status == "undisputed" else f" [{m.status}]")
    )


def _source_label(source_id: int, title: str | None, url: str, page: str | None) -> str:
    label = f"[{source_id}] {title or url}"
    return label + (f", p. {page}" if page else "")


def render_timeline(milestones: Sequence[Milestone], fmt: str, focus: Collection[int] = ()) -> str:
    """A timeline in any format; JSON keeps the full documented record.

    `focus` holds the ids of parties the user asked about: their roles get a column.
    """
    if fmt in ("json", "jsonl"):
        records = [m.to_dict() for m in milestones]
        if focus:
            for record, m in zip(records, milestones, strict=True):
                record["role"] = focus_roles(m, focus)
        return render(records, fmt)
    if fmt == "csv":
        records = [
            {**m.to_dict(), "display": display_date(m.date),
             "parties": "; ".join(p.name + (f":{p.role}" if p.role else "") for p in m.parties),
             "sources": "; ".join(s.url for s in m.sources),
             "tags": "; ".join(m.tags)}
            for m in milestones
        ]  # fmt: skip
        columns = ["id", "case", "date", "display", "start", "end", "precision", "kind", "title",
                   "parties", "sources", "location", "note", "tags", "status", "key"]  # fmt: skip
        return render(records, "csv", columns)
    cases = {m.case for m in milestones}
    columns = ["id", "date", "elapsed", "kind", "title", "parties", "sources"]
    if len(cases) > 1:
        columns.insert(1, "case")
    if focus:
        columns.insert(columns.index("kind") + 1, "role")
    return render(
        timeline_records(milestones, focus),
        fmt,
        columns,
        flexible=("date", "title", "parties", "sources"),
    )


def render_search(hits: Sequence[Hit], fmt: str, marks: tuple[str, str] = ("[", "]")) -> str:
    """Search hits, best first. People get the title with matches marked by `marks` and where
    else it matched; programs get the full milestone record plus its rank and snippet."""
    from casetrack.search import mark

    if fmt in ("json", "jsonl", "csv"):
        records = [
            {**h.milestone.to_dict(), "rank": h.rank, "snippet": mark(h.snippet),
             "snippet_field": h.snippet_field}
            for h in hits
        ]  # fmt: skip
        if fmt == "csv":
            columns = ["rank", "id", "case", "date", "kind", "title", "snippet_field", "snippet"]
            return render(records, fmt, columns)
        return render(records, fmt)
    rows = [
        {"id": h.milestone.id, "case": h.milestone.case, "date": display_date(h.milestone.date),
         "kind": h.milestone.kind, "title": title_label(h.milestone, mark(h.title, marks)),
         "match": "" if h.snippet_field == "title"
         else f"{h.snippet_field}: {mark(h.snippet, marks)}"}
        for h in hits
    ]  # fmt: skip
    columns = ["id", "date", "kind", "title", "match"]
    if len({h.milestone.case for h in hits}) > 1:
        columns.insert(1, "case")
    return render(rows, fmt, columns, flexible=("title", "match"))
