"""The casetrack exchange format ("casetrack/1") as one JSON document or as JSON Lines.

JSON: {"format": "casetrack/1", "kinds": [...], "rules": [...], "closures": [...],
"cases": [...], "parties": [...], "documents": [...], "sources": [...], "milestones": [...]},
one record per array item and per line. JSONL: a first line {"format": "casetrack/1"}, then
one record a line with a "type" of kind, rule, closure, case, party, document, source or
milestone. A deadline milestone carries its link ("deadline": trigger uid, rule id, service,
working, done_at); one `move` put elsewhere than its date's place carries that place
("sort_key", as the store keeps it). A document record holds a registered file's hash, size,
page labels and where it was (not its bytes, nor its text); a citation of it names the page
by label and by position (page_index). Records carry uids (not store ids), so an import
matches what it knows. Both are written and read a record at a time, so size does not matter.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from casetrack.drafts import moved_key
from casetrack.errors import CasetrackError
from casetrack.exchange import FORMAT
from casetrack.exchange.selection import Chunk, Selection
from casetrack.limits import MAX_RECORD, Lines, too_long
from casetrack.models import Case, Milestone, Party, Source
from casetrack.text import did_you_mean, plural

# (line number, or where in a docket, record type, record): what readers yield the importer.
Record = tuple[int | str, str, Any]

_CHUNK = 1 << 16
_LINES = 256  # JSON Lines written at a time
# A value whose decoding fails (or ends) this close to the end of the text read so far may
# go on past it: a number, a literal or a \uXXXX escape cut in two.
_NEAR_END = 10

SECTIONS = {
    "kinds": "kind",
    "rules": "rule",
    "closures": "closure",
    "cases": "case",
    "parties": "party",
    "documents": "document",
    "sources": "source",
    "milestones": "milestone",
}


def _without_id(record: Case | Party | Source) -> dict[str, Any]:
    """A case, party or source as exported: store ids mean nothing in another store (uids do)."""
    exported = record.to_dict()
    del exported["id"]
    return exported


def milestone_record(milestone: Milestone, chunk: Chunk) -> dict[str, Any]:
    """A milestone with links by uid; start, end and precision are derived, import ignores them."""
    record = milestone.to_dict(links=False)
    del record["id"]
    record["parties"] = [
        {"party": p.uid, "name": p.name, "role": p.role} for p in milestone.parties
    ]
    record["sources"] = [
        {"source": s.uid, "url": s.url, "quote": s.quote, "page": s.page,
         "paragraph": s.paragraph, "sha256": s.sha256, "page_index": s.page_index}
        for s in milestone.sources
    ]  # fmt: skip
    deadline = chunk.deadlines.get(milestone.id)
    if deadline is not None:
        record["deadline"] = {k: v for k, v in deadline.items() if v is not None}
    if moved := moved_key(milestone):
        record["sort_key"] = moved
    return record


def records(selection: Selection) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every record of the export in the order an import needs them: kinds first."""
    for kind in selection.custom_kinds():
        yield "kind", {"name": kind}
    for rule in selection.rules():
        del rule["builtin"]
        yield "rule", rule
    for closure in selection.closures():
        yield "closure", closure
    for case in selection.cases():
        yield "case", _without_id(case)
    for party in selection.parties():
        yield "party", _without_id(party)
    for document in selection.documents():
        yield "document", document
    for source in selection.sources():
        yield "source", _without_id(source)
    for chunk in selection.chunks():
        for milestone in chunk.milestones:
            yield "milestone", milestone_record(milestone, chunk)
    if n := selection.unlinked_deadlines:
        selection.warn(
            f"{plural(n, 'deadline')} counted from a milestone this export leaves"
            " out (filtered out, in the trash or in another case): written with rule and"
            " working but no trigger, as an import into another store keeps them"
        )


def _dumps(record: Any) -> str:
    """JSON with a space after commas and colons, for the document a person reads (without
    an indent, so the C encoder does the work: an indent makes json 5x slower)."""
    return json.dumps(record, ensure_ascii=False)


def _encoder() -> Callable[[Any], str]:
    """A record in one line for JSON Lines, which programs read: compact, by orjson, eight
    times faster than json (json took most of an export's time per milestone). A store's
    text is always valid UTF-8 (import and add refuse lone surrogates), which orjson needs."""
    try:
        from orjson import OPT_APPEND_NEWLINE, dumps
    except ImportError:  # a virtualenv made before orjson was a dependency
        return lambda record: _dumps(record) + "\n"
    return lambda record: dumps(record, option=OPT_APPEND_NEWLINE).decode()


def write_jsonl(selection: Selection, out: TextIO) -> None:
    """A first line naming the format, then a record a line: a large export is read back a
    line at a time. Lines are written _LINES at a time, not one write each."""
    line = _encoder()
    out.write(line({"format": FORMAT}))
    lines: list[str] = []
    for kind, record in records(selection):
        lines.append(line({"type": kind, **record}))
        if len(lines) == _LINES:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))


def write_json(selection: Selection, out: TextIO) -> None:
    """One document with a record a line (readable, and diffs well), written as it goes."""
    out.write('{\n  "format": ' + _dumps(FORMAT))
    current = None
    for kind, record in records(selection):
        if kind != current:
            if current is not None:
                out.write("\n  ]")
            out.write(f',\n  "{_section(kind)}": [\n    ')
            current = kind
        else:
            out.write(",\n    ")
        out.write(_dumps(record["name"] if kind == "kind" else record))
    if current is not None:
        out.write("\n  ]")
    out.write("\n}\n")


def _section(kind: str) -> str:
    return next(name for name, k in SECTIONS.items() if k == kind)


def headless_export(text: str, data: Any, name: str) -> None:
    """Refuse, as not read as a casetrack export, a JSON document (`data`, read from `text`)
    that looks like one but does not begin with its "format" field: it has an export's
    sections, or a "format" further on (as a tool sorting keys, such as jq -S, puts it),
    which a reader of one record at a time cannot wait for. Anything else is left for the
    caller to say it reads neither it nor a docket."""
    if not isinstance(data, dict) or not data.keys() & {"format", *SECTIONS}:
        return
    first = re.search(r'"', text)  # the first key's opening quote
    where = f"{name}:{text.count(chr(10), 0, first.start()) + 1 if first else 1}"
    _check_format(data.get("format"), where)
    raise CasetrackError(
        f"{where}: not read as a casetrack export: it starts with the key {next(iter(data))!r},"
        f' and "format" must come first (a tool sorting keys, as jq -S does, moves it: put it'
        " back first, or leave out -S)"
    )


def _check_format(value: Any, where: str) -> None:
    if value == FORMAT:
        return
    if value is None:
        raise CasetrackError(
            f'{where}: not a casetrack export: it has no "format" field, which an export begins'
            f' with ({{"format": "{FORMAT}", ...}}: add it first if this is one)'
        )
    version = re.fullmatch(r"casetrack/(\d{1,9})", value) if isinstance(value, str) else None
    if version and int(version[1]) > int(FORMAT.rpartition("/")[2]):
        raise CasetrackError(
            f"{where}: made by a newer casetrack (format {value!r}; this one reads {FORMAT!r}):"
            " upgrade casetrack to import it"
        )
    raise CasetrackError(f"{where}: not a casetrack export (format {value!r}, expected {FORMAT!r})")


def read_jsonl(stream: TextIO, name: str) -> Iterator[Record]:
    """Records from JSON Lines, a line at a time; blank lines are skipped.

    A line is decoded by orjson, in half the time of json, or by json when orjson refuses
    it: json's own message for bad syntax, and what json reads beyond RFC 8259 (NaN, 1e999,
    an escaped lone surrogate) read as before. (orjson reads a whole number past 64 bits as
    a float, json as an int: SQLite can store neither as an integer.)
    """
    loads: Callable[[str], Any]
    refused: type[ValueError]
    try:
        from orjson import JSONDecodeError as refused
        from orjson import loads
    except ImportError:  # a virtualenv made before orjson was a dependency: json alone
        loads, refused = json.loads, json.JSONDecodeError
    seen_header = read = False
    skipped: list[object] = []
    lines = Lines(stream, name)
    for line in lines:
        number = lines.first
        lines.record_done()
        if not line.strip():
            continue
        try:
            try:
                record = loads(line)
            except refused:
                record = json.loads(line)
        except (ValueError, RecursionError) as err:
            read = True  # its error is said, not that nothing was read
            yield number, "error", f"not valid JSON: {decode_problem(err)}"
            continue
        if not isinstance(record, dict):
            read = True
            yield number, "error", "each line must be a JSON object"
            continue
        if not seen_header:
            _check_format(record.get("format"), f"{name}:{number}")
            seen_header = True
            continue
        kind = record.pop("type", None)
        if kind not in SECTIONS.values():
            # A later casetrack/1 may add record types: skipped, but said, as a typo may be.
            skipped.append(kind)
            yield (
                number,
                "warning",
                f"skipped a record of unknown type {kind!r}" + _reads(str(kind), SECTIONS.values()),
            )
            continue
        read = True
        yield number, kind, record
    if not seen_header:
        raise CasetrackError(f"{name}: empty file, expected a casetrack JSONL export")
    if skipped and not read:
        what = f"records of the unknown type {skipped[0]!r}"
        raise _nothing_read(name, what, str(skipped[0]), SECTIONS.values())


def decode_problem(err: ValueError | RecursionError) -> str:
    """What json could not decode, in words: its own message for bad syntax; a value nested
    past Python's recursion limit, or a number past its digit limit, raises other errors."""
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} (column {err.colno})"
    if isinstance(err, RecursionError):
        return "nested too deeply (a casetrack record nests a few levels)"
    return f"a number has more than {sys.get_int_max_str_digits():,} digits"


def read_json(stream: TextIO, name: str) -> Iterator[Record]:
    """Records from a casetrack JSON document, one array item at a time."""
    reader = _JsonReader(stream, name)
    reader.expect("{")
    seen_format = False
    read = False
    skipped: list[str] = []
    while True:
        if reader.peek() == "}":
            break
        key_line, key = reader.value()
        if not isinstance(key, str):
            raise reader.error("expected a quoted key")
        reader.expect(":")
        if key == "format":
            _check_format(reader.value()[1], f"{name}:{key_line}")
            seen_format = True
        elif key in SECTIONS:
            if not seen_format:
                _check_format(None, f"{name}:{key_line}")
            reader.expect("[")
            while reader.peek() != "]":
                line, item = reader.value()
                read = True
                yield line, SECTIONS[key], item
                if reader.peek() == ",":
                    reader.expect(",")
            reader.expect("]")
        else:
            # A key this version does not know: skipped for later versions, but said, as a
            # typo ("case" for "cases") may be.
            reader.value()
            skipped.append(key)
            yield key_line, "warning", f"skipped the key {key!r}{_reads(key, SECTIONS)}"
        if reader.peek() == ",":
            reader.expect(",")
    reader.expect("}")
    if not seen_format:
        _check_format(None, name)
    if skipped and not read:
        raise _nothing_read(name, f"the unknown key {skipped[0]!r}", skipped[0], SECTIONS)


def _reads(word: str, known: Iterable[str]) -> str:
    """' (did you mean X?): this casetrack reads A, B, ...': what a skipped name could be."""
    return f"{did_you_mean(word, known)}: this casetrack reads {', '.join(known)}"


def _nothing_read(name: str, what: str, word: str, known: Iterable[str]) -> CasetrackError:
    """The refusal of an export holding records of none of the kinds casetrack reads: like
    an empty file, it has nothing to import. (An export of an empty store, its header and
    no record at all, is imported as the nothing it holds.)"""
    said = f"it has only {what}{_reads(word, known)}"
    return CasetrackError(f"{name} holds nothing to import: {said}")


class _JsonReader:
    """Just enough of a streaming JSON reader for {"key": [item, ...], ...}: each item is
    decoded whole, the document never is, and no item may pass MAX_RECORD characters."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream = stream
        self.name = name
        self.buffer = ""
        self.pos = 0
        self.line = 1
        self.content_line = 1  # the line of the last character taken that is not white space
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self, size: int = _CHUNK) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(size)
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return True

    def _more(self) -> bool:
        """Read on for a value that is not complete yet, doubling the text it has: a value
        of n characters is then decoded over 2n characters in all (reading on by a fixed
        chunk decoded it again and again, n²/64K characters)."""
        pending = len(self.buffer) - self.pos
        if pending > MAX_RECORD:
            raise too_long(f"{self.name}:{self.line}", "a record", MAX_RECORD)
        return self._fill(max(_CHUNK, min(pending, MAX_RECORD + 1 - pending)))

    def error(self, what: str, pos: int | None = None) -> CasetrackError:
        """The problem at `pos` (default: where reading is), on its line; one found at the end
        of the text is on the line of its last character, not past the newline that ends it."""
        at = self.pos if pos is None else pos
        if self.buffer[at:].strip():
            line = self.line + self.buffer.count("\n", self.pos, at)
        else:
            text = self.buffer[self.pos : at].rstrip()
            line = self.line + text.count("\n") if text else self.content_line
        return CasetrackError(f"{self.name}:{line}: not valid JSON: {what}")

    def peek(self) -> str:
        """The next character that is not white space ('' at the end), without taking it."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                if self.buffer[self.pos] == "\n":
                    self.line += 1
                self.pos += 1
            if self.pos < len(self.buffer) or not self._fill():
                return self.buffer[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise self.error(f"expected {char!r}, found {found or 'the end'!r}")
        self.pos += 1
        self.content_line = self.line

    def _cut(self, err: json.JSONDecodeError) -> bool:
        """Whether the error may only mean that the value goes on past the buffer."""
        return err.msg.startswith("Unterminated string") or err.pos >= len(self.buffer) - _NEAR_END

    def value(self) -> tuple[int, Any]:
        """The next whole JSON value and the line it starts on."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as err:
                if self._cut(err) and self._more():
                    continue
                raise self.error(err.msg, err.pos) from None
            except (ValueError, RecursionError) as err:
                raise self.error(decode_problem(err)) from None
            if end >= len(self.buffer) - _NEAR_END and self._more():
                continue  # a number may go on in the next chunk
            line = self.line
            self.line += self.buffer.count("\n", self.pos, end)
            self.content_line = self.line
            self.pos = end
            return line, value
