"""Milestones as a spreadsheet: one row per milestone, links joined in documented columns.

Columns (header names, any case; only date and title are required, and case unless
`import --case` gives it; other columns are ignored with a warning): id, uid, case,
case_title, date, display_date, start, end, precision, kind, title, parties, sources,
source_quotes, source_pages, source_paragraphs, location, note, tags, status, key, sort_key,
done. id (this store's number, for `casetrack edit ID`), display_date, start and end (the earliest
and latest possible day, ISO, for sorting and filtering in a spreadsheet) and precision are
for people and ignored on import; sort_key is filled only for a milestone `move` put
elsewhere than its date's place; done is when a deadline was marked met (as `show` says it),
which import keeps (`yes` in a sheet made by hand marks it met at the import). `export -f
csv` and `timeline -f csv` write this one shape.

Every row is one line, so `grep` and `head` see whole milestones. List cells (parties as
NAME or NAME:ROLE, sources as URL or citation, a registered document as its title then its
sha256: source, the part import reads; tags) join their items with "; ", as the Markdown
export does. Inside an item '\\' is written '\\\\', ';' as '\\;' and a line break as '\\n',
so a name holding ';' stays one name ('Smith\\; Jones LLP'). The source_quotes, source_pages
and source_paragraphs cells have one item per source, in the same order and escaped the same
way, empty for a source without one. Title, note, location and case_title are free text: a
line break typed in one stays a line break inside its quoted cell, as CSV allows.

Import also reads the earlier shape, one item per line: a list cell holding a line break is
split at line breaks and its items taken as written (the source_* cells unescaped as before).
A sheet made by hand may write either; "Jane Doe:defendant; ACME" is two parties. Sources
and the source_* cells are split only at a ';' followed by a space, as export writes it, so
a URL's ';' (?a=1;b=2) needs no escape; and a source_* cell of a milestone with one source
is that source's whole, so a quote holding ';' that an earlier export wrote unescaped reads
back the same. A lone citation holding '; ' in a sheet of an earlier version reads as two
sources: write its ';' as '\\;'.

A cell starting with =, +, -, @, tab or carriage return gets a leading ' so spreadsheets
show it as text instead of running it as a formula (OWASP "CSV injection"); import takes the
' off again, so the round trip is exact.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from casetrack.dates import display_date
from casetrack.drafts import moved_key, party_spec_text
from casetrack.errors import CasetrackError
from casetrack.exchange.selection import Selection
from casetrack.limits import MAX_RECORD, Lines
from casetrack.models import Milestone, cited_source
from casetrack.output.listings import safe_cell
from casetrack.sql import placeholders
from casetrack.text import noun

if TYPE_CHECKING:
    from casetrack.exchange.jsonfmt import Record

COLUMNS = (
    "id", "uid", "case", "case_title", "date", "display_date", "start", "end", "precision",
    "kind", "title", "parties", "sources", "source_quotes", "source_pages",
    "source_paragraphs", "location", "note", "tags", "status", "key", "sort_key", "done",
)  # fmt: skip
REQUIRED = ("date", "title")
_CITATION_PARTS = ("quote", "page", "paragraph")
# First characters that make a cell need protect's look: a formula's, or protect's own '.
_RISKY = frozenset("'=+-@\t\r")
# Rows of a streamed sheet written at a time.
_BATCH = 500


def protect(text: str) -> str:
    """safe_cell, made reversible: a value that already starts with ' and a formula
    character gets one more ', so `unprotect` can always remove exactly one."""
    if not text or text[0] not in _RISKY:  # most cells: nothing to protect
        return text
    if text.startswith("''") or (text.startswith("'") and safe_cell(text[1:]) != text[1:]):
        return "'" + text
    return safe_cell(text)


def unprotect(text: str) -> str:
    """Undo `protect` on a cell read back, so an export imports unchanged."""
    if text.startswith("'") and (text[1:2] == "'" or safe_cell(text[1:]) != text[1:]):
        return text[1:]
    return text


# What an item of a list cell escapes: the escape itself, the separator and a line break.
_ESCAPES = {"\\": "\\\\", ";": "\\;", "\n": "\\n"}
_UNESCAPES = {"\\": "\\", ";": ";", "n": "\n"}
_SEPARATOR = "; "


def _escape(text: str | None) -> str:
    if not text or not any(c in text for c in _ESCAPES):
        return text or ""
    return "".join(_ESCAPES.get(c, c) for c in text)


def _unescape(text: str) -> str:
    """An item as written; a backslash before anything but \\, ; or n is kept as typed."""
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and text[i + 1 : i + 2] in _UNESCAPES:
            out.append(_UNESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _joined(items: Iterable[str | None]) -> str:
    """A list cell: items escaped, joined with '; ' (one line, whatever they hold)."""
    return _SEPARATOR.join(_escape(item) for item in items)


def _pieces(cell: str, spaced: bool = False) -> list[str]:
    """A one-line list cell's items, split at each ';' not escaped (with `spaced`, only at
    one a space follows, as export writes it), still escaped."""
    if ";" not in cell:
        return [cell]
    pieces, start, i = [], 0, 0
    while i < len(cell):
        if cell[i] == "\\":
            i += 2
            continue
        if cell[i] == ";" and (not spaced or cell[i + 1 : i + 2] in (" ", "")):
            pieces.append(cell[start:i])
            start = i + 1
        i += 1
    pieces.append(cell[start:])
    return pieces


def _row(m: Milestone, case_titles: dict[str, str], done: dict[int, str]) -> list[str]:
    citations = [(s.quote, s.page, s.paragraph) for s in m.sources]
    has = [any(c[i] for c in citations) for i in range(3)]
    values: dict[str, str] = {
        "id": str(m.id),
        "uid": m.uid,
        "case": m.case,
        "case_title": case_titles.get(m.case, ""),
        "date": m.date.text,
        "display_date": display_date(m.date),
        "start": m.date.start.isoformat() if m.date.start else "",
        "end": m.date.end.isoformat() if m.date.end else "",
        "precision": m.date.precision,
        "kind": m.kind,
        "title": m.title,
        "parties": _joined(party_spec_text(p.name, p.role) for p in m.parties),
        "sources": _joined(s.named for s in m.sources),
        **{
            f"source_{part}s": _joined(c[i] for c in citations) if has[i] else ""
            for i, part in enumerate(_CITATION_PARTS)
        },
        "location": m.location or "",
        "note": m.note or "",
        "tags": _joined(m.tags),
        "status": m.status,
        "key": "yes" if m.key else "",
        "sort_key": moved_key(m) or "",
        "done": done.get(m.id, ""),
    }
    return [protect(values[c]) for c in COLUMNS]


def write_csv(selection: Selection, out: TextIO) -> None:
    """The sheet; with selection.excel it starts with a UTF-8 byte order mark, without which
    Excel reads the file in the computer's legacy code page and garbles é, ä, ش, 中."""
    if selection.excel:
        out.write("\ufeff")
    write_timeline_csv(out.write, selection.conn, selection.milestones())


def write_timeline_csv(
    write: Callable[[str], object], conn: sqlite3.Connection, milestones: Iterable[Milestone]
) -> None:
    """Milestones already selected (an export's, a timeline's) as the sheet, written a batch
    at a time as they come."""
    titles: dict[str, str] = {}
    buffer = io.StringIO()
    batch: list[Milestone] = []

    def flush() -> None:
        slugs = sorted({m.case for m in batch} - titles.keys())
        if slugs:
            sql = f"SELECT slug, title FROM cases WHERE slug IN ({placeholders(slugs)})"
            titles.update(conn.execute(sql, slugs).fetchall())
        ids = [m.id for m in batch]
        done = dict(
            conn.execute(
                "SELECT milestone_id, done_at FROM deadlines WHERE done_at IS NOT NULL"
                f" AND milestone_id IN ({placeholders(ids)})",
                ids,
            ).fetchall()
        )
        writer.writerows(_row(m, titles, done) for m in batch)
        batch.clear()
        write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()

    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for m in milestones:
        batch.append(m)
        if len(batch) == _BATCH:
            flush()
    flush()


def _split(cell: str, spaced: bool = False) -> list[str]:
    """A list cell's items: one a line as written (the earlier shape, or a sheet typed with a
    line break in the cell), else separated by ';' (by '; ' with `spaced`) and escaped; blank
    items dropped."""
    lines = "\n" in cell
    items = cell.split("\n") if lines else [_unescape(p.strip()) for p in _pieces(cell, spaced)]
    return [p.strip() for p in items if p.strip()]


def _per_source(cell: str, count: int) -> list[str | None]:
    """A source_* cell's item for each of `count` sources (None where there is none): one
    escaped item a line (the earlier shape), else separated by ';'; the whole cell when
    there is one source, since an earlier export left a lone item's ';' unescaped."""
    if "\n" in cell:
        items = cell.split("\n")
    elif count == 1:
        items = [cell]
    else:
        items = [p.strip() for p in _pieces(cell, spaced=True)]
    return [(_unescape(items[i]) or None) if i < len(items) else None for i in range(count)]


def _milestone(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as the importer's milestone record (the JSON shape)."""
    record: dict[str, Any] = {
        name: row.get(name, "").strip() or None
        for name in ("uid", "case", "case_title", "date", "kind", "title", "location", "note",
                     "status", "key", "sort_key", "done")
    }  # fmt: skip
    # A row with a uid is an export's: its roles are the store's (one kept with --new-party
    # too), taken as written; a row typed without one has its roles checked.
    kept = bool(record["uid"])
    record["parties"] = [{"spec": p, "kept": kept} for p in _split(row.get("parties", ""))]
    record["tags"] = _split(row.get("tags", ""))
    cited = [cited_source(line) for line in _split(row.get("sources", ""), spaced=True)]
    columns = [_per_source(row.get(f"source_{part}s", ""), len(cited)) for part in _CITATION_PARTS]
    record["sources"] = [
        {"url": url, "title": title,
         **{part: col[i] for part, col in zip(_CITATION_PARTS, columns, strict=True)}}
        for i, (url, title) in enumerate(cited)
    ]  # fmt: skip
    return record


def read_csv(stream: TextIO, name: str) -> Iterator[Record]:
    """Milestone records from a sheet; the header row names the columns.

    Rows are read through `Lines`, which bounds each row to MAX_RECORD characters; csv's own
    limit on a cell (a process-wide setting) is raised to match, so a long note is refused
    by the same rule in a sheet as in JSON.
    """
    lines = Lines(stream, name)
    reader = csv.reader(lines)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD))
    try:
        yield from _read_rows(reader, lines, name)
    except csv.Error as err:
        raise CasetrackError(
            f"{name}:{reader.line_num}: not readable as CSV ({err}): save the sheet as CSV (UTF-8)"
        ) from None


# Separators a spreadsheet may save "CSV" with instead of commas (Excel does with semicolons
# where the comma is the decimal mark), as the refusal names them.
_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _not_a_sheet(name: str, header: list[str]) -> str | None:
    """Why a file read as CSV whose header lacks the needed columns is no casetrack sheet, when
    that can be told: another format, or cells separated by something else than commas."""
    first = ",".join(header).strip().lstrip("\ufeff")
    if first.upper().startswith("BEGIN:VCALENDAR"):
        return (
            f"{name} looks like an iCalendar file: casetrack imports its own CSV, JSON and JSONL"
            " exports (export --format json keeps everything), not .ics"
        )
    for separator, said in _SEPARATORS.items():
        cells = ["_".join(c.strip().lower().split()) for c in first.split(separator)]
        if len(cells) > 1 and all(c in cells for c in REQUIRED):
            return (
                f"{name}:1: the columns are separated by {said}, not commas: save the sheet as"
                " CSV with commas (e.g. 'CSV UTF-8 (Comma delimited)')"
            )
    return None


def _read_rows(reader: Any, lines: Lines, name: str) -> Iterator[Record]:
    header = next(reader, None)
    lines.record_done()
    if header is None:
        return
    names = ["_".join(h.strip().lower().split()) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise CasetrackError(_not_a_sheet(name, header) or (
            f"{name}:1: the header lacks the {noun(len(missing), 'column')} {', '.join(missing)}:"
            f" a sheet needs at "
            f"least {', '.join(REQUIRED)} (and case, unless you pass --case)"
        ))  # fmt: skip
    unknown = [h for h in names if h and h not in COLUMNS]
    if unknown:
        yield (
            1,
            "warning",
            (
                f"ignored unknown {noun(len(unknown), 'column')}"
                f" {', '.join(repr(h) for h in unknown)} "
                f"(known columns: {', '.join(COLUMNS)})"
            ),
        )
    read = False
    for cells in reader:
        line = lines.first
        lines.record_done()
        if any(c.strip() for c in cells):
            read = True
            if len(cells) > len(names):
                yield line, "error", f"{len(cells)} cells but the header names {len(names)}"
            else:
                row = {n: unprotect(c) for n, c in zip(names, cells, strict=False)}
                yield line, "milestone", _milestone(row)
    if not read and names != list(COLUMNS):
        # A sheet is milestones only: one with none is a template or a slip, as an empty file
        # is. One with the whole header export writes is an export of an empty store or of a
        # selection of none: the nothing it holds is imported, as from the JSON export.
        raise CasetrackError(f"{name} has a header row and no milestone under it: nothing to"
                             " import")  # fmt: skip
