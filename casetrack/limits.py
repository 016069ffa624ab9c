"""How much of an input casetrack holds at once, so that no file fills the memory.

`import` reads a record at a time (a JSON array item, a JSON Lines line, a CSV row, which
may span lines) and refuses one longer than MAX_RECORD characters; `extract` reads at most
MAX_FILE bytes and looks for dates in at most MAX_TEXT characters of text. /dev/zero, a
line without an end or one enormous record is refused after reading that much, and every
command stays under 200 MB (tests/test_bounded.py measures it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, TextIO

from casetrack.errors import CasetrackError

# Characters in one import record: a note as long as a 400-page book still imports, and a
# record of that size at its worst (50,000 links, or emoji at 4 bytes each) peaks at 75 MB.
MAX_RECORD = 1_000_000
# Bytes of one file given to `extract` (an HTML page's markup included) ...
MAX_FILE = 8_000_000
# ... and characters of text it reads dates from: a text dense with dates needs some
# 150 MB per million characters.
MAX_TEXT = 1_000_000


def too_long(
    where: str, what: str, limit: int, unit: str = "characters",
    hint: str = "split it, or check that it is the file you meant",
) -> CasetrackError:  # fmt: skip
    """The one refusal of an input over a limit, naming where, the limit and what to do."""
    return CasetrackError(
        f"{where}: {what} is longer than {limit:,} {unit}, the most casetrack reads at once: {hint}"
    )


def read_at_most(stream: BinaryIO, limit: int, name: str) -> bytes:
    """The whole stream, refused once it passes `limit` bytes (only limit + 1 are read)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_long(name, "the file", limit, "bytes")
    return data


class Lines:
    """The lines of a text stream, each read with a bounded buffer, for readers whose
    records are lines (JSON Lines) or groups of lines (a CSV row with line breaks in a cell).

    A record passing MAX_RECORD characters is refused as it is read: call `record_done`
    once each record is complete. `first` is the line the current record starts on.
    """

    def __init__(self, stream: TextIO, name: str, limit: int = MAX_RECORD) -> None:
        self.stream = stream
        self.name = name
        self.limit = limit
        self.first = 1
        self.count = 0
        self.size = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.stream.readline(self.limit + 1 - self.size)
            if not line:
                return
            self.count += 1
            self.size += len(line)
            if self.size > self.limit:
                raise too_long(f"{self.name}:{self.first}", "a record", self.limit)
            yield line

    def record_done(self) -> None:
        """Start counting the next record's size from its first line."""
        self.first = self.count + 1
        self.size = 0
