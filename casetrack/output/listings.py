"""Turning records into text: tables for people, CSV/JSON/JSONL for programs.

Every listing goes through `render`, so all commands share one set of formats.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice, pairwise, zip_longest
from typing import TYPE_CHECKING, Any, Protocol

from casetrack.dates import (
    ABOUT_SAID,
    MONTHS,
    PARTS_SAID,
    THIRDS_SAID,
    WEEKDAYS,
    DateValue,
    display_date,
    elapsed,
)

if TYPE_CHECKING:
    from casetrack.models import Milestone, SourceLink
    from casetrack.search import Hit, PageHit

FORMATS = ("table", "markdown", "csv", "json", "jsonl")
# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A negative number (days left: -12) starts with '-' but is no formula: a spreadsheet reads it
# as the number it is, where a leading ' would make it text that sorts and sums as none.
_NEGATIVE_NUMBER = re.compile(r"-[0-9]+(?:\.[0-9]+)?")
# Colour codes take no room on screen: widths are measured without them.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# What a terminal would act on rather than show: C0 controls but newline (tab too, which
# breaks the columns), DEL and C1 controls. Escape sequences stored by another program
# (an OSC title, an OSC 8 link) would otherwise retitle the window or hide a link.
_UNSHOWABLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _picture(control: re.Match[str]) -> str:
    """A visible stand-in: tab a space, C0 controls their Unicode control pictures (␛ for
    ESC), DEL ␡, C1 controls �."""
    code = ord(control.group())
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def shown(text: str) -> str:
    """Text made safe to print on a terminal: every control character but newline
    replaced by something visible."""
    return _UNSHOWABLE.sub(_picture, text) if _UNSHOWABLE.search(text) else text


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _listing_cell(text: str) -> str:
    """safe_cell for a listing's CSV, which keeps a negative number a number."""
    return text if _NEGATIVE_NUMBER.fullmatch(text) else safe_cell(text)


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


# A word is never broken over lines; one longer than this may be cut with "…" to let its
# column narrow. A URL is never cut: one longer than its column is folded over lines.
WORD_CUT = 20
# A listing whose wrapping column says a whole sentence (history's summary) may ask for
# this much room, droppable columns giving way first: squeezed to a word a line, it is harder
# to read than without the row number. One case's timeline asks for none: elapsed stays.
COMFORT = 30
# A timeline's title this wide (or its whole) reads in a few lines: across cases or in a
# party's view, elapsed and kind go before it gets narrower.
TITLE_COMFORT = 20
ELLIPSIS = "\u2026"


def fit_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    flexible: Collection[str],
    droppable: Sequence[str] = (),
    comfort: int = 0,
    every_row: bool = False,
    unbroken: Collection[str] = (),
) -> tuple[list[int], list[int | None]]:
    """Which columns to show, and the width each flexible one wraps to, so the table fits.

    Words stay whole: a flexible column is never narrower than its longest word (up to
    WORD_CUT, URLs too). When the flexible columns would be narrower than that, or than
    `comfort` (or their natural width), `droppable` columns are left out, in that order,
    before any word is cut. A link folded over lines no longer copies whole: before one is,
    the columns empty in every row give way (when `rows` are `every_row` of the table, not
    a sample of it), then `droppable` ones if that lets every link stand on one line, as
    few as it takes. Fixed columns keep their natural width; flexible
    ones share the rest, narrow ones keeping their natural width (water-filling). Only when
    the words cannot fit even then do flexible columns narrow to their headers, cutting
    words: the table never gets wider than `width`.

    A date is never split over lines ('31 Dec' above '2026' reads badly): the columns of
    `unbroken` (the dates and times of every listing) keep their natural width while the
    other flexible columns keep COMFORT; short of that, they fold only at their break (see
    _DATE_BREAK) while anything else can give way. The other flexible columns narrow
    first, to their headers if need be; then every `droppable` column goes, and a fixed
    column with a word longer than WORD_CUT (a long case slug) narrows as a flexible one
    does, its word cut with "…". Only a table too narrow for the dates even so wraps them.
    """
    keep, limits = _fitted(headers, rows, width, flexible, droppable, comfort, every_row, unbroken)
    if width is None or not unbroken or _dates_whole(headers, rows, keep, limits, unbroken, width):
        return keep, limits
    yielding = {h for i, h in enumerate(headers) if h not in flexible and h not in unbroken
                and _longest_word(rows, i) < _cell_width_of(rows, i)}  # fmt: skip
    flexible = {*flexible, *yielding}
    again = _fitted(headers, rows, width, flexible, droppable, width, every_row, unbroken, True)
    return (
        again
        if _date_room(headers, *again, unbroken) >= _date_room(headers, keep, limits, unbroken)
        else (keep, limits)
    )


def _cell_width_of(rows: Sequence[Sequence[str]], column: int) -> int:
    """The widest cell of a column."""
    return max((_cell_width(row[column]) for row in rows), default=0)


def _date_room(
    headers: Sequence[str],
    keep: Sequence[int],
    limits: Sequence[int | None],
    unbroken: Collection[str],
) -> int:
    """How wide the date columns shown wrap (a fixed one, never wrapped, counts as wide)."""
    return sum(limits[i] or 1000 for i in keep if headers[i] in unbroken)


def _longest_phrase(rows: Sequence[Sequence[str]], column: int) -> int:
    """The widest day, month or year a date column says ('16 Sep 2014' of 'between 3 Jul
    2003 and 16 Sep 2014'): narrower, the column would split one."""
    return max(
        (_cell_width(phrase) for row in rows
         for phrase in _glued(row[column].split(" "), 1000, _cell_width)),
        default=0,
    )  # fmt: skip


# Where a date of two ends folds when it must: after the 'and' of 'between 10 and 16 May
# 2021', after the dash of a range of days ('17 Jun' and its dash above '3 Jul 2003'); and a
# moment between its day and its time of day ('2026-12-06' above '02:03:41 UTC').
_DATE_BREAK = re.compile(r"(?<= and) (?=\S)|(?<= \u2013) |(?<=\d{4}-\d{2}-\d{2}) (?=\d{2}:)")


def _broken_width(rows: Sequence[Sequence[str]], column: int) -> int:
    """How wide a date column is with each date folded at its break (see _DATE_BREAK)."""
    return max(
        (_cell_width(end) for row in rows for end in _DATE_BREAK.split(row[column], 1)),
        default=0,
    )


def _dates_whole(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    keep: Sequence[int],
    limits: Sequence[int | None],
    unbroken: Collection[str],
    width: int,
) -> bool:
    """Whether every date column shown is wide enough for its widest day, month or year
    (a range may fold between its ends), in a table no wider than `width`."""
    widths = [max(len(headers[i]) + 2, _cell_width_of(rows, i)) for i in keep]
    for n, i in enumerate(keep):
        limit = limits[i]
        if headers[i] in unbroken and limit is not None and limit < _longest_phrase(rows, i):
            return False
        widths[n] = min(widths[n], limit or widths[n])
    return sum(widths) + 2 * (len(keep) - 1) <= width


def _fitted(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    flexible: Collection[str],
    droppable: Sequence[str],
    comfort: int,
    every_row: bool,
    unbroken: Collection[str],
    cut_for_dates: bool = False,
) -> tuple[list[int], list[int | None]]:
    """fit_columns' layout for one set of flexible columns; `cut_for_dates`: the others
    narrow to their headers, cutting words, if that keeps the dates whole."""
    keep = list(range(len(headers)))
    if width is None:
        return keep, [None] * len(headers)
    # Like tabulate, every column is at least two wider than its header.
    natural = [
        max([len(h) + 2, *(_cell_width(row[i]) for row in rows)]) for i, h in enumerate(headers)
    ]
    least = [
        max(len(h) + 2, _longest_word(rows, i)) if h in flexible else natural[i]
        for i, h in enumerate(headers)
    ]
    for i, h in enumerate(headers):
        if h in flexible and h in unbroken:
            least[i] = max(least[i], _longest_phrase(rows, i))
    comfortable = [
        max(least[i], min(comfort, natural[i])) if h in flexible else natural[i]
        for i, h in enumerate(headers)
    ]
    for i, h in enumerate(headers):  # less needed columns go before a date folds past its ends
        if h in flexible and h in unbroken:
            comfortable[i] = max(comfortable[i], _broken_width(rows, i))
    for name in droppable:
        if sum(comfortable[i] for i in keep) + 2 * (len(keep) - 1) <= width:
            break
        keep = [i for i in keep if headers[i] != name]
    whole_at = [
        max(least[i], _longest_word(rows, i, whole_urls=True)) if h in flexible else natural[i]
        for i, h in enumerate(headers)
    ]

    def links_whole(kept: list[int]) -> bool:
        return sum(whole_at[i] for i in kept) + 2 * (len(kept) - 1) <= width

    if every_row and rows and not links_whole(keep):  # columns saying nothing go first
        keep = [i for i in keep if any(row[i].strip() for row in rows)]
    less_needed = [i for name in droppable for i in keep if headers[i] == name]
    for count in range(1, len(less_needed) + 1) if not links_whole(keep) else ():
        kept = [i for i in keep if i not in less_needed[:count]]
        if links_whole(kept):
            keep = kept
            break
    room = width - 2 * (len(keep) - 1) - sum(natural[i] for i in keep if headers[i] not in flexible)
    wrapping = [i for i in keep if headers[i] in flexible]
    floors = [least[i] for i in wrapping]
    whole = [whole_at[i] for i in wrapping]
    if sum(whole) <= room:  # room for every URL on one line: a link copies whole
        floors = whole
    elif sum(floors) > room:  # no room for the words: columns narrow to their headers
        floors = [f if headers[i] in unbroken else min(f, len(headers[i]) + 2)
                  for f, i in zip(floors, wrapping, strict=True)]  # fmt: skip
        if sum(floors) > room:  # too narrow for the dates even so: they wrap too
            floors = [min(f, len(headers[i]) + 2) for f, i in zip(floors, wrapping, strict=True)]
    dated = [n for n, i in enumerate(wrapping) if headers[i] in unbroken]
    others = [n for n in range(len(wrapping)) if n not in dated]
    tops = [natural[i] for i in wrapping]
    # Dates are said whole on a line while the other columns keep COMFORT (or all they say);
    # short of that, a date of two ends folds at its break, each end whole on a line: the
    # column that gives most first, each as far as the others need the room.
    readable = sum(max(floors[n], min(COMFORT, tops[n])) for n in others)
    short = readable + sum(tops[n] for n in dated) - room
    over = sum(tops) - room
    gains = {n: tops[n] - _broken_width(rows, wrapping[n]) for n in dated}
    for n in sorted(dated, key=gains.__getitem__, reverse=True):
        if short <= 0:
            break
        given = min(gains[n], over)
        tops[n], short, over = tops[n] - given, short - given, over - given
    dates = sum(tops[n] for n in dated)
    if cut_for_dates and sum(floors[n] for n in others) + dates > room:
        for n in others:
            floors[n] = min(floors[n], len(headers[wrapping[n]]) + 2)
    if sum(floors[n] for n in others) + dates <= room:
        for n in dated:
            floors[n] = tops[n]
    # A link too long for one line gets the room before other text grows past TITLE_COMFORT
    # (or its words, in a column empty in most rows: a few titles among many bare URLs).
    kept = [
        max(floors[n], min(TITLE_COMFORT, tops[n]))
        if whole[n] == floors[n] and 2 * sum(bool(row[i].strip()) for row in rows) > len(rows)
        else floors[n]
        for n, i in enumerate(wrapping)
    ]
    spare = room - sum(kept)
    for n, link in enumerate(whole):
        given = max(0, min(spare, link - floors[n]))
        floors[n], spare = floors[n] + given, spare - given
    bounds = list(zip(floors, tops, strict=True))
    shares = _water_fill(bounds, room)
    limits: list[int | None] = [None] * len(headers)
    for i, share in zip(wrapping, shares, strict=True):
        limits[i] = share
    return keep, limits


def _longest_word(rows: Sequence[Sequence[str]], column: int, whole_urls: bool = False) -> int:
    """The widest word of a column that may not be cut, up to WORD_CUT; URLs in full if
    `whole_urls` (else a longer URL is folded over lines, any other longer word cut)."""
    longest = 0
    for row in rows:
        cell = row[column]
        if len(cell) <= longest or not cell.strip():
            continue
        if (whole_urls and ("://" in cell or "www." in cell)) or not _plain(cell):
            size = max(
                _cell_width(w) if whole_urls and is_link(w) else min(_cell_width(w), WORD_CUT)
                for w in cell.split()
            )
        elif longest < WORD_CUT:
            size = min(max(map(len, cell.split())), WORD_CUT)
        else:
            continue
        longest = max(longest, size)
    return longest


def _water_fill(bounds: Sequence[tuple[int, int]], room: int) -> list[int]:
    """Widths between each (least, natural) pair adding up to at most `room`, as water fills
    vessels: one level for all, each column held between its least and natural width."""

    def at(level: int) -> list[int]:
        return [min(max(level, least), natural) for least, natural in bounds]

    low, high = 0, max((natural for _, natural in bounds), default=0)
    while low < high:  # the highest level that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(at(middle)) <= room else (low, middle - 1)
    widths = at(low)
    spare = room - sum(widths)
    for i, (_, natural) in enumerate(bounds):  # what the level leaves, to the first that grow
        if spare > 0 and widths[i] < natural:
            widths[i] += 1
            spare -= 1
    return widths


def _cell_width(cell: str) -> int:
    """Columns the widest line of a cell takes, colour codes aside."""
    if _plain(cell):
        return max(map(len, cell.split("\n"))) if "\n" in cell else len(cell)
    import unicodedata

    cell = _ANSI.sub("", cell)
    return max(
        sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        for line in cell.split("\n")
    )


# A table longer than this many rows is sized from its first SAMPLE rows and written as it
# goes, so a long listing is never held whole; a shorter one is laid out from all its rows.
SAMPLE = 1000
# Rows of CSV or JSON written at a time.
_BATCH = 500


def render(
    records: Iterable[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    flexible: Sequence[str] = (),
    droppable: Sequence[str] = (),
    marks: tuple[str, str] | None = None,
    comfort: int = 0,
) -> str:
    """Records as text in a given format; `columns` picks and orders table/CSV columns.

    Tables fit the terminal: `flexible` columns wrap at spaces, and `droppable` ones are
    left out (in that order) when the words would not fit otherwise. Tables and Markdown
    show control characters as visible symbols (see `shown`); only then do `marks` replace
    the search's match markers, so a highlight's own colour codes reach the terminal.
    """
    parts: list[str] = []
    write_listing(parts.append, records, fmt, columns, flexible, droppable, marks, comfort)
    return "".join(parts)


def write_listing(
    write: Callable[[str], object],
    records: Iterable[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    flexible: Sequence[str] = (),
    droppable: Sequence[str] = (),
    marks: tuple[str, str] | None = None,
    comfort: int = 0,
    widest: Callable[[], Mapping[str, int]] | None = None,
    unbroken: Sequence[str] = (),
) -> None:
    """`render`, written piece by piece as the records come (see render and SAMPLE).

    `widest`, asked only of a table longer than SAMPLE rows, says how wide some columns'
    cells get over the whole listing: those columns are at least that wide (or as wide as
    they wrap), so rows past the sample stay in line."""
    if fmt in ("json", "jsonl"):
        _write_json(write, records, fmt == "json")
        return
    records = iter(records)
    first = next(records, None)
    if columns is None:
        columns = list(first.keys()) if first is not None else []
    if first is not None:
        records = chain([first], records)
    headers = list(columns)
    rows = ([v if type(v := r.get(h)) is str else _cell(v) for h in headers] for r in records)
    write_rows(write, rows, fmt, headers, flexible, droppable, marks, comfort, widest, unbroken)


def write_rows(
    write: Callable[[str], object],
    rows: Iterable[Sequence[str]],
    fmt: str,
    headers: Sequence[str],
    flexible: Sequence[str] = (),
    droppable: Sequence[str] = (),
    marks: tuple[str, str] | None = None,
    comfort: int = 0,
    widest: Callable[[], Mapping[str, int]] | None = None,
    unbroken: Sequence[str] = (),
) -> None:
    """`write_listing` of rows already made text, their cells in the order of `headers`
    (a table, Markdown or CSV): what every listing comes down to, and the quicker way in
    for one that can read its cells as text (case list builds no record per case)."""
    headers = list(headers)
    if fmt == "csv":
        _write_csv(write, headers, rows)
        return
    rows = iter(rows)
    sample = [_shown_row(row, marks) for row in islice(rows, SAMPLE + 1)]
    if len(sample) <= SAMPLE:
        write(_table(headers, sample, fmt, flexible, droppable, comfort, unbroken))
        return
    floors = widest() if widest is not None else {}
    _write_long_table(
        write, headers, rows, sample, fmt, flexible, droppable, comfort, floors, marks, unbroken
    )


def _write_json(
    write: Callable[[str], object], records: Iterable[dict[str, Any]], array: bool
) -> None:
    """JSON Lines, or one JSON array laid out as json.dumps(indent=2) lays it out."""
    import json  # only here: tables, the common case, never need it

    if not array:
        for batch in _batches(records):
            write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch))
        return
    opening = "[\n  "
    for batch in _batches(records):
        # JSON text holds no raw line break inside a value: each line gets the array's indent.
        items = (json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ") for r in batch)
        write(opening + ",\n  ".join(items))
        opening = ",\n  "
    write("[]\n" if opening == "[\n  " else "\n]\n")


def _write_csv(
    write: Callable[[str], object], headers: list[str], rows: Iterable[Sequence[str]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for batch in _batches(rows):
        writer.writerows([[_listing_cell(c) for c in row] for row in batch])
        write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    write(buffer.getvalue())


def write_record(write: Callable[[str], object], record: Mapping[str, Any], fmt: str) -> None:
    """One record as JSON, as json.dumps lays it out (indented for "json", one line for
    "jsonl"). A value that is an iterator (the rows a record lists: a source's citing
    milestones) is written as an array element by element, never held."""
    import json

    indent = 2 if fmt == "json" else None
    if not any(isinstance(v, Iterator) for v in record.values()):
        write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
        return

    def dumped(value: Any, depth: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return text.replace("\n", "\n" + "  " * depth) if indent else text

    # The separators json.dumps puts between members and elements, one or two levels in.
    member, element = (",\n  ", ",\n    ") if indent else (", ", ", ")
    opening = "{\n  " if indent else "{"
    for key, value in record.items():
        write(opening + json.dumps(key, ensure_ascii=False) + ": ")
        opening = member
        if not isinstance(value, Iterator):
            write(dumped(value, 1))
            continue
        started = False
        for batch in _batches(value):
            lead = element if started else ("[\n    " if indent else "[")
            write(lead + element.join(dumped(v, 2) for v in batch))
            started = True
        write(("\n  ]" if indent else "]") if started else "[]")
    write("\n}\n" if indent else "}\n")


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    items = iter(items)
    while batch := list(islice(items, _BATCH)):
        yield batch


def _table(
    headers: list[str],
    rows: Sequence[Sequence[str]],
    fmt: str,
    flexible: Sequence[str],
    droppable: Sequence[str],
    comfort: int,
    unbroken: Sequence[str] = (),
) -> str:
    """A table or Markdown table laid out from all its rows (already shown and marked)."""
    if fmt == "markdown":
        from tabulate import tabulate

        escaped = [[_md_cell(c) for c in row] for row in rows]
        text = str(tabulate(escaped, headers=headers, tablefmt="pipe", disable_numparse=True))
        return text + "\n"
    if not rows:
        return ""
    keep, widths = fit_columns(
        headers, rows, terminal_width(), flexible, droppable, comfort, True, unbroken
    )
    if len(keep) < len(headers):
        headers = [headers[i] for i in keep]
        widths = [widths[i] for i in keep]
        rows = [[row[i] for i in keep] for row in rows]
    folded = rows
    if any(widths):
        folded = [[fold(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    if _plain("\n".join(chain(headers, *folded))):
        return simple_table(headers, folded) + "\n"
    from tabulate import tabulate

    text = str(tabulate(folded, headers=headers, tablefmt="simple", disable_numparse=True))
    return text + "\n"


def _md_cell(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _write_long_table(
    write: Callable[[str], object],
    headers: list[str],
    rows: Iterable[Sequence[str]],
    sample: list[Sequence[str]],
    fmt: str,
    flexible: Sequence[str],
    droppable: Sequence[str],
    comfort: int,
    floors: Mapping[str, int],
    marks: tuple[str, str] | None,
    unbroken: Sequence[str] = (),
) -> None:
    """A table too long to hold, laid out as `_table` would lay out its `sample` rows: which
    columns, their wrapping widths and their widths come from the sample. A later cell wider
    than its column wraps into the room the sample left, else is written whole, pushing the
    rest of its line right; a later word is cut only where a sampled one would be (longer
    than WORD_CUT and its column). The later `rows` are shown and marked here (see
    `_shown_row`), a batch at a time."""
    if fmt == "markdown":
        markdown = [[_md_cell(c) for c in row] for row in sample]
        sizes = [max([len(h) + 2, floors.get(h, 0), *(len(row[i]) for row in markdown)])
                 for i, h in enumerate(headers)]  # fmt: skip
        write(_pipe_line(headers, sizes) + "\n")
        write("|" + "|".join(":" + "-" * (w + 1) for w in sizes) + "|\n")
        later = (_shown_row(row, marks) for row in rows)
        for batch in _batches(chain(sample, later)):
            write("".join(_pipe_line([_md_cell(c) for c in row], sizes) + "\n" for row in batch))
        return
    width = terminal_width()
    keep, limits = fit_columns(
        headers, sample, width, flexible, droppable, comfort, unbroken=unbroken
    )
    headers = [headers[i] for i in keep]
    limits = [limits[i] for i in keep]
    if width is not None:
        # Room the sample leaves is left for later rows: their flexible cells wrap wider.
        # (With room to spare, every sampled flexible cell fitted whole, so its look holds.)
        taken = [w if w is not None else max(len(h) + 2, *(_cell_width(r[i]) for r in sample))
                 for h, i, w in zip(headers, keep, limits, strict=True)]  # fmt: skip
        spare = width - sum(taken) - 2 * (len(keep) - 1)
        limits = [w + spare if w is not None and spare > 0 else w for w in limits]

    def laid_out(row: Sequence[str]) -> list[str]:
        return [fold(row[i], w, WORD_CUT) for i, w in zip(keep, limits, strict=True)]

    # A column is as wide as its widest cell over the listing, unless that cell wraps: then
    # as wide as the sample's wrapped lines.
    floor = [floors.get(h, 0) for h in headers]
    widths = [
        max(len(h) + 2, f if w is None or f <= w else 0)
        for h, f, w in zip(headers, floor, limits, strict=True)
    ]
    whole = len(keep) == len(headers) and keep == list(range(len(keep)))
    laid = sample if whole and not any(limits) else [laid_out(row) for row in sample]
    for i, column in enumerate(zip(*laid, strict=True)):
        text = "\n".join(column)  # plain one-line cells are as wide as they are long
        one_line = _plain(text) and text.count("\n") == len(column) - 1
        widths[i] = max(widths[i], *map(len if one_line else _cell_width, column))
    write(_padded(headers, widths) + "\n" + "  ".join("-" * w for w in widths) + "\n")
    # A batch of plain one-line cells that fit their columns is written as _padded would
    # write it, with one format per line instead of a measure per cell; plain, its cells
    # have nothing to show differently either (unless marked).
    layout = _line_layout(widths)
    fits = [(i, w) for i, w in zip(keep, limits, strict=True) if w is not None]

    def write_batch(batch: list[Sequence[str]], shown: bool) -> None:
        if (
            whole
            and (shown or marks is None)
            and (not fits or all(len(row[i]) <= w for row in batch for i, w in fits))
            and _plain(text := "\n".join(chain.from_iterable(batch)))
            and text.count("\n") == len(batch) * len(headers) - 1  # no cell holds one
        ):
            write("\n".join([(layout % tuple(row)).rstrip() for row in batch]) + "\n")
            return
        if not shown:
            batch = [_shown_row(row, marks) for row in batch]
        lines: list[str] = []
        for row in batch:
            cells = laid_out(row)
            if any("\n" in c for c in cells):
                split = (cell.splitlines() for cell in cells)
                lines.extend(_padded(t, widths) for t in zip_longest(*split, fillvalue=""))
            else:
                lines.append(_padded(cells, widths))
        write("".join(line + "\n" for line in lines))

    for batch in _batches(sample):
        write_batch(batch, shown=True)
    for batch in _batches(rows):
        write_batch(batch, shown=False)


def _shown_row(row: Sequence[str], marks: tuple[str, str] | None) -> Sequence[str]:
    """The row's cells shown and marked (see render); most rows have nothing to show
    differently, which one search over the whole row tells (a newline is kept as it is)."""
    if marks is None and not _UNSHOWABLE.search("\n".join(row)):
        return row
    return [_marked(shown(c), marks) for c in row]


def _padded(texts: Sequence[str], widths: Sequence[int]) -> str:
    """One line of a simple table: each text left-aligned in its column (colour codes and
    wide characters measured as on screen)."""
    return "  ".join(
        t + " " * (w - (len(t) if _plain(t) else _cell_width(t)))
        for t, w in zip(texts, widths, strict=True)
    ).rstrip()


def _pipe_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"


def _marked(text: str, marks: tuple[str, str] | None) -> str:
    if marks is None:
        return text
    from casetrack.search import mark

    return mark(text, marks)


# Text as wide on screen as it is long: printable Latin letters, dashes, quotes and "…",
# no colour codes.
_PLAIN = re.compile(r"[\n\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027]*")


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
    layout = _line_layout(widths)
    out = [(layout % tuple(headers)).rstrip(), "  ".join("-" * w for w in widths)]
    out.extend((layout % tuple(texts)).rstrip() for texts in lines)
    return "\n".join(out)


def _line_layout(widths: Sequence[int]) -> str:
    """A line of a simple table as a printf-style format: each text left-aligned in its
    column, two spaces apart (for plain text only: see _plain). Faster than str.format."""
    return "  ".join(f"%-{w}s" for w in widths)


def fold(cell: str, width: int | None, keep: int = 0) -> str:
    """The cell wrapped to `width` columns at spaces only (textwrap with break_long_words
    and break_on_hyphens off). A longer word is cut with "…", unless it is a URL, which is
    never cut but folded over lines of its own (joined back, they give the link whole); nor
    is a word of at most `keep` columns (it overflows its column instead)."""
    if width is None or (len(cell) <= width and "\n" not in cell and "\x1b" not in cell):
        return cell
    measure = len if _plain(cell) else _cell_width
    return "\n".join(
        _wrap(line, width, measure, keep) for line in cell.splitlines() if line.strip()
    )


# A pinpoint's word, kept on the line of the number after it when a cell folds ('p. 1', not
# 'p.' at a line's end and '1' below it), as the pair fits a line.
_PINPOINT_WORDS = frozenset(("p.", "pp.", "¶", "¶¶", "§", "§§"))


def _wrap(text: str, width: int, measure: Callable[[str], int], keep: int = 0) -> str:
    lines = []
    line, size = "", 0
    words = text.split(" ")
    if (
        "p. " in text or "¶" in text or "§" in text or " day" in text
        or _DAY_SAID.search(text) or _TIME_SAID.search(text)
    ):  # fmt: skip
        words = _glued(words, width, measure)
    for word in words:
        if not word:
            continue
        span = measure(word)
        if span > max(width, keep) and "\x1b" not in word:
            if not is_link(word):
                word = _head(word, max(width - 1, 1), measure) + ELLIPSIS
            else:
                if line:
                    lines.append(line)
                line = ""
                while measure(word) > width:
                    head = _link_head(word, width, measure)
                    lines.append(head)
                    word = word[len(head) :]
            span = measure(word)
        if line and size + 1 + span <= width:
            line, size = f"{line} {word}", size + 1 + span
        else:
            if line:
                lines.append(line)
            line, size = word, span
    lines.append(line)
    return "\n".join(lines)


def _glued(words: list[str], width: int, measure: Callable[[str], int]) -> list[str]:
    """The words, each pinpoint word joined to the word after it, a count of days to its
    unit ('OVERDUE 2030 days' folds to 'OVERDUE' and '2030 days', never '2030' and 'days'),
    and the words of a day as dates are said ('17 Jun 2003', 'c. Jun 2003', 'early 2021')
    or of a moment as times are ('2026-12-06 02:03:41 UTC'), when they fit `width`."""
    glued: list[str] = []
    after = False  # the word before is a pinpoint word, last in `glued`
    for word, next_word in zip(words, [*words[1:], ""], strict=True):
        days = word in _UNITS and bool(glued) and _COUNT.fullmatch(glued[-1]) is not None
        days = days or (bool(glued) and _one_day(glued[-1].rsplit(" ", 1)[-1], word, next_word))
        if (after or days) and word and measure(glued[-1]) + 1 + measure(word) <= width:
            glued[-1] += f" {word}"
            after = False
        else:
            glued.append(word)
            after = word in _PINPOINT_WORDS
    return glued


_UNITS = frozenset(("day", "days"))
# The words of one day, month or year as dates are said (display_date): a day's number and
# its month, a month, season, quarter or half and its year, a qualifier and what it
# qualifies. A cell holding one is folded keeping them together.
_MONTH_SAID = rf"(?:{'|'.join(MONTHS)})"
_DAY_SAID = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTH_SAID}|{_MONTH_SAID} \d{{4}}|{re.escape(ABOUT_SAID)} )"
)
# A moment as display_time says it: its day, its time of day and its zone hold together.
_TIME_SAID = re.compile(r"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
_TIME_WORDS = (re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{2}:\d{2}(?::\d{2})?"),
               re.compile(r"UTC|[+-]\d{2}:?\d{2}"))  # fmt: skip
_BEFORE_YEAR = re.compile(rf"{_MONTH_SAID}\??|{'|'.join((*PARTS_SAID, *THIRDS_SAID))}")
_QUALIFIERS = frozenset((ABOUT_SAID, *THIRDS_SAID))


def _one_day(before: str, word: str, after: str = "") -> bool:
    """Whether `word` belongs with the word `before` it to say one day, month or year, or
    one moment (a day and its time, a time and its zone); `after` is the word after, which
    tells a qualified day ('c. 17 Jun 2003') from a qualifier before any number ('c. 1')."""
    for first, then in pairwise(_TIME_WORDS):
        if first.fullmatch(before) and then.fullmatch(word.rstrip(",;:)")):
            return True
    if before in WEEKDAYS:  # a day as a deadline's working says it ('Mon 15 Jul 2024')
        return re.fullmatch(r"\d{1,2}", word) is not None
    if before in _QUALIFIERS:
        if re.fullmatch(r"\d{1,2}", word):
            return re.fullmatch(rf"{_MONTH_SAID}\??", after) is not None
        return (
            re.fullmatch(r"\d{4}\??", word) is not None or _BEFORE_YEAR.fullmatch(word) is not None
        )
    if re.fullmatch(r"\d{1,2}", before):
        return re.fullmatch(rf"{_MONTH_SAID}\??", word) is not None
    return _BEFORE_YEAR.fullmatch(before) is not None and re.match(r"\d{4}", word) is not None


_COUNT = re.compile(r"\d[\d,]*(?:[\u2013-]\d[\d,]*)?")


def _head(word: str, width: int, measure: Callable[[str], int]) -> str:
    """The longest start of a word at most `width` columns wide (one character at least)."""
    if measure is len:
        return word[: max(width, 1)]
    end = 1
    while end < len(word) and measure(word[: end + 1]) <= width:
        end += 1
    return word[:end]


# Where a link folds when it must: after a '/', '?' or '&' past its scheme ('https://'); in
# a part too long for a line, after a '-' or '.' (a slug's words, a host's names), else
# anywhere.
_LINK_BREAKS = (re.compile(r"[/?&]"), re.compile(r"[-.]"))


def _link_head(link: str, width: int, measure: Callable[[str], int]) -> str:
    """The start of a link for one line at most `width` columns wide: up to its last '/',
    '?' or '&' that fits (a path's part, a query's field stays whole), else its last '-' or
    '.', else cut at `width`. Joined back, the lines give the link whole."""
    head = _head(link, width, measure)
    if len(head) == len(link):
        return head
    scheme = link.find("://")
    after = scheme + 3 if 0 <= scheme < len(head) else 1
    for breaks in _LINK_BREAKS:
        ends = [m.end() for m in breaks.finditer(head, after)]
        if ends:
            return head[: ends[-1]]
    return head


def is_link(word: str) -> bool:
    """A link to keep whole: a URL, a registered document's sha256: source or a file path."""
    return (
        "://" in word
        or word.startswith(("www.", "sha256:", "file:", "/", "~/", "./", "../"))
        or word[1:3] == ":\\"  # C:\
    )


def focus_roles(milestone: Milestone, focus: Collection[int]) -> str:
    """The roles the queried parties play in a milestone; each after its party's name when
    several are queried, so the column says whose role is whose."""
    linked = [p for p in milestone.parties if p.party_id in focus]
    if len(focus) > 1:
        return "; ".join(sorted({f"{p.name}: {p.role or '-'}" for p in linked}))
    return "; ".join(sorted({p.role or "-" for p in linked}))


def timeline_records(
    milestones: Iterable[Milestone],
    focus: Collection[int] = (),
    newest_first: bool = False,
    earlier: Callable[[Milestone], DateValue | None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Milestones as table rows: the date as said, time since the previous one, who, sources.

    Latest first (`newest_first`), a row's previous milestone comes after it: it is looked
    for in the next SAMPLE rows, then asked of `earlier` (None: there is none).
    """
    previous: dict[str, DateValue] = {}  # per case: gaps are never measured across cases
    if newest_first:
        pairs = _with_earlier(iter(milestones), earlier)
    else:
        pairs = ((m, previous.get(m.case)) for m in milestones)
    for m, before in pairs:
        yield {
            "id": m.id,
            "role": focus_roles(m, focus),
            "case": m.case,
            "date": display_date(m.date),
            "elapsed": elapsed(before, m.date),
            "kind": m.kind,
            "title": title_label(m),
            "parties": "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in m.parties),
            "sources": "; ".join(_source_label(s) for s in m.sources),
        }
        if not newest_first:
            previous[m.case] = m.date


def _with_earlier(
    milestones: Iterator[Milestone], earlier: Callable[[Milestone], DateValue | None] | None
) -> Iterator[tuple[Milestone, DateValue | None]]:
    """Each milestone of a latest-first listing with the date of the one before it in its
    case (the next one of its case in the listing), read ahead at most SAMPLE rows when
    `earlier` can tell the rest."""
    from collections import deque

    ahead: deque[Milestone] = deque()
    measured: dict[str, deque[int]] = {}  # case -> positions of its milestones ahead
    read = done = 0  # positions read into `ahead`, and yielded
    exhausted = False
    while True:
        while not exhausted and (earlier is None or len(ahead) <= SAMPLE):
            nxt = next(milestones, None)
            if nxt is None:
                exhausted = True
                break
            ahead.append(nxt)
            measured.setdefault(nxt.case, deque()).append(read)
            read += 1
        if not ahead:
            return
        m = ahead.popleft()
        later = measured.get(m.case)
        while later and later[0] <= done:
            later.popleft()
        done += 1
        if later:
            yield m, ahead[later[0] - done].date
        elif exhausted or earlier is None:  # without `earlier`, all was read ahead
            yield m, None
        else:
            yield m, earlier(m)


def title_label(m: Milestone, title: str | None = None) -> str:
    """A title for tables, flagged when the milestone is a key fact, not undisputed, or a
    deadline met."""
    return (
        (m.title if title is None else title)
        + (" [key]" if m.key else "")
        + ("" if m.status == "undisputed" else f" [{m.status}]")
        + ("" if m.met is None else f" [{m.met}]")
    )


def cited_line(link: SourceLink) -> str:
    """A citation in full for `show`: the source and its pinpoint as the timeline says them,
    which document page it is and the quote."""
    line = _source_label(link)
    if link.document is not None:
        line += f" (document {link.document}" + (
            f", page {link.page_index} of the file)" if link.page_index else ")"
        )
    line += f": “{link.quote}”" if link.quote else ""
    return line + (f" ({link.quote_warning})" if link.quote_warning else "")


def _source_label(link: SourceLink) -> str:
    """A source as a timeline cites it: '[3] Compl., ECF No. 1, ¶¶ 22-24'."""
    label = f"[{link.id}] {link.title or link.url}"
    return label + (f", {link.pinpoint}" if link.pinpoint else "")


class TimelineQuery(Protocol):
    """What a timeline too long to hold asks of the query it streams from."""

    def several_cases(self) -> bool:
        """Whether the listing holds milestones of more than one case."""
        ...

    def earlier(self, milestone: Milestone) -> DateValue | None:
        """The date of the milestone before this one in its case, in the listing."""
        ...

    def widest(self) -> dict[str, int]:
        """How wide the id, case, date, kind and title cells of the listing get."""
        ...


def render_timeline(
    milestones: Iterable[Milestone],
    fmt: str,
    focus: Collection[int] = (),
    wide: bool = False,
    newest_first: bool = False,
) -> str:
    """A timeline as a table, Markdown, JSON or JSONL (CSV is the export's sheet, csvfmt)."""
    parts: list[str] = []
    write_timeline(parts.append, list(milestones), fmt, focus, wide, newest_first)
    return "".join(parts)


def write_timeline(
    write: Callable[[str], object],
    milestones: Iterable[Milestone],
    fmt: str,
    focus: Collection[int] = (),
    wide: bool = False,
    newest_first: bool = False,
    query: TimelineQuery | None = None,
) -> None:
    """A timeline written as its milestones come (see render_timeline).

    `focus` holds the ids of parties the user asked about: their roles get a column. A table
    shows parties and sources only when `wide`: without them it fits an 80-column terminal.
    `newest_first` says the milestones come latest first; elapsed is still counted forwards.
    A listing longer than SAMPLE milestones asks `query` what its first SAMPLE cannot say;
    without one, the milestones are all read first.
    """
    if fmt in ("json", "jsonl"):
        write_listing(write, (_timeline_record(m, focus) for m in milestones), fmt)
        return
    if query is None:
        milestones = list(milestones)
    stream = iter(milestones)
    sample = list(islice(stream, SAMPLE + 1))
    cases = {m.case for m in sample}
    several = len(cases) > 1 or (
        len(sample) > SAMPLE and query is not None and query.several_cases()
    )
    columns = ["id", "date", "elapsed", "kind", "title"]
    if wide or fmt == "markdown":
        columns += ["parties", "sources"]
    if several:
        columns.insert(1, "case")
    if focus:
        columns.insert(columns.index("kind") + 1, "role")
    earlier = query.earlier if query is not None else None
    records = timeline_records(chain(sample, stream), focus, newest_first, earlier)
    write_listing(
        write,
        records,
        fmt,
        columns,
        flexible=("date", "role", "title", "parties", "sources"),
        droppable=("elapsed", "kind"),  # in a party's view, its role matters most: it stays
        # Across cases or in a party's view (the case and role columns), the title keeps room
        # to be read before elapsed and kind are kept; one case's timeline keeps them all.
        comfort=TITLE_COMFORT if several or focus else 0,
        widest=query.widest if query is not None else None,
        unbroken=("date",),
    )


def _timeline_record(m: Milestone, focus: Collection[int]) -> dict[str, Any]:
    record = m.to_dict()
    if focus:
        record["role"] = focus_roles(m, focus)
    return record


def write_search(
    write: Callable[[str], object],
    hits: Iterable[Hit],
    fmt: str,
    marks: tuple[str, str] = ("[", "]"),
    pages: Iterable[PageHit] = (),
    several_cases: Callable[[], bool] | None = None,
    widths: Callable[[], Mapping[str, int]] | None = None,
) -> None:
    """Search hits, best first, written as they come. People get the title with matches
    marked by `marks` and where else it matched; programs get the full milestone record plus
    its rank and snippet, typed "milestone". Matching pages of documents follow: a second
    table for people, and for programs records typed "page" whose "document" is the
    document's id, ranked among themselves. A table longer than SAMPLE hits asks
    `several_cases` whether it needs a case column (without it, the hits are all read first)
    and `widths` how wide its cells get (see write_listing's `widest`)."""
    from casetrack.search import mark

    if fmt in ("json", "jsonl", "csv"):
        records = (
            {"type": "milestone", **h.milestone.to_dict(), "rank": h.rank,
             "snippet": mark(h.snippet), "snippet_field": h.snippet_field}
            for h in hits
        )  # fmt: skip
        found = ({"type": "page", **p.to_dict(), "rank": rank} for rank, p in enumerate(pages, 1))
        if fmt != "csv":
            write_listing(write, chain(records, found), fmt)
            return
        columns = ["type", "rank", "id", "case", "date", "kind", "title", "snippet_field",
                   "snippet"]  # fmt: skip
        found = ({"type": "page", "rank": f["rank"], "title": f["title"],
                  "snippet_field": f"document {f['document']}, page {f['page']}",
                  "snippet": f["snippet"]} for f in found)  # fmt: skip
        write_listing(write, chain(records, found), fmt, columns)
        return
    stream = iter(hits) if several_cases is not None else iter(list(hits))
    sample = list(islice(stream, SAMPLE + 1))
    pages = iter(pages)
    if sample:
        cases = {h.milestone.case for h in sample}
        several = len(cases) > 1 or (
            len(sample) > SAMPLE and several_cases is not None and several_cases()
        )
        _write_hits(write, chain(sample, stream), fmt, marks, several, widths)
        first = next(pages, None)
        if first is None:
            return
        write("\n")
        pages = chain([first], pages)
    # The matches keep their markers through write_listing, which shows stored control
    # characters as symbols and only then puts in the marks (colour codes on a terminal).
    rows = ({"document": p.document_id, "title": p.title, "page": p.label, "match": p.snippet}
            for p in pages)  # fmt: skip
    write_listing(write, rows, fmt, ["document", "title", "page", "match"],
                  flexible=("title", "match"), marks=marks)  # fmt: skip


def _write_hits(
    write: Callable[[str], object],
    hits: Iterable[Hit],
    fmt: str,
    marks: tuple[str, str],
    several: bool,
    widths: Callable[[], Mapping[str, int]] | None,
) -> None:
    """Milestones that matched, for people: where each is, its marked title, what else
    matched."""
    rows = (
        {"id": h.milestone.id, "case": h.milestone.case, "date": display_date(h.milestone.date),
         "kind": h.milestone.kind, "title": title_label(h.milestone, h.title),
         "match": "" if h.snippet_field == "title" else f"{h.snippet_field}: {h.snippet}"}
        for h in hits
    )  # fmt: skip
    columns = ["id", "date", "kind", "title", "match"]
    if several:
        columns.insert(1, "case")
    write_listing(write, rows, fmt, columns, flexible=("date", "title", "match"),
                  droppable=("kind",), marks=marks, widest=widths, unbroken=("date",))  # fmt: skip
