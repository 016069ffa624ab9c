"""The chronology report a lawyer files: what it says, cell by cell, for every renderer.

The Word (`docxfmt`) and PDF (`pdffmt`) exports lay out the same `Report`: a title, the
filters in words, then per case a header (court, docket number, jurisdiction) and a table
Date | Fact | Parties | Source and pinpoint | Status. Everything a reader sees is decided
here (wording, order, which line is bold, the column widths), so the two files cannot drift
apart; a renderer only maps a `Line`'s style to its library's fonts. Rows are made a chunk
of milestones at a time, as the renderer asks for them.

User text reaches the renderers as plain text without control characters: neither Word nor
PDF runs anything in it, so a title starting with "=" is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Case, Milestone, SourceLink
from casetrack.output.pictures.common import clean
from casetrack.selection import described
from casetrack.text import blank_controls

# How a line is shown: strong (the fact's title), label (a marker such as "Key fact"),
# quote (quoted source text), muted (details: kind, place, a URL, a date's qualifier).
Style = Literal["plain", "strong", "label", "quote", "muted"]

COLUMNS = ("Date", "Fact", "Parties", "Source and pinpoint", "Status")
# Share of the table's width per column, in percent: facts and citations need the room.
WIDTHS = (12, 31, 18, 29, 10)

# A4 landscape in millimetres, with its margins: five columns of text need the width.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 297.0, 210.0, 15.0

TITLE = "Chronology"
NO_ROWS = "No milestones selected."


@dataclass(frozen=True)
class Line:
    """One paragraph of a cell or a header, in one style."""

    text: str
    style: Style = "plain"


Cell = tuple[Line, ...]
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Section:
    """One case: its header, then its rows in timeline order (made as they are read)."""

    heading: str
    facts: tuple[tuple[str, str], ...]
    summary: str | None
    rows: Iterator[Row]


@dataclass(frozen=True)
class Report:
    title: str
    scope: str | None
    sections: Iterator[Section]


def text(value: str) -> str:
    """User text as both formats can hold it: control characters made spaces (a Word
    file cannot hold them at all), line ends as newlines."""
    return clean(blank_controls(value.replace("\r\n", "\n").replace("\r", "\n")))


def report(selection: Selection) -> Report:
    """The report of an export's selection: a section per case, in slug order."""
    said = described(selection.filters)
    return Report(TITLE, text(said) if said else None, _sections(selection))


def _sections(selection: Selection) -> Iterator[Section]:
    for case in selection.cases():
        yield _section(case, selection)


def _section(case: Case, selection: Selection) -> Section:
    facts = tuple(
        (label, text(value))
        for label, value in (
            ("Court", case.court),
            ("Docket number", case.docket),
            ("Jurisdiction", case.jurisdiction),
        )
        if value
    )
    summary = text(case.summary) if case.summary else None
    rows = (row(m) for m in selection.milestones(case.id))
    return Section(text(case.title), facts, summary, rows)


def row(m: Milestone) -> Row:
    """The five cells of one milestone."""
    qualifiers = [
        Line(word, "muted")
        for word, on in (("approximate", m.date.approximate), ("uncertain", m.date.uncertain))
        if on
    ]
    fact = [Line("Key fact", "label")] if m.key else []
    fact.append(Line(text(m.title), "strong"))
    if m.met is not None:
        fact.append(Line(m.met, "label"))
    if m.note:
        fact.append(Line(text(m.note)))
    details = " · ".join(text(part) for part in (m.kind, m.location) if part)
    fact.append(Line(details, "muted"))
    parties = tuple(
        Line(text(p.name) + (f" ({text(p.role)})" if p.role else "")) for p in m.parties
    )
    sources = tuple(line for link in m.sources for line in citation(link))
    status = (Line(m.status, "plain" if m.status == "undisputed" else "strong"),)
    date = (Line(display_date(m.date)), *qualifiers)
    return (date, tuple(fact), parties, sources, status)


def citation(link: SourceLink) -> Cell:
    """A source as a lawyer cites it: "Title at p. 31, ¶ 4" (a document's page by its printed
    label, "Exhibit 5 at p. iv"), its web address when it has a title as well, a document's
    hash, and the quote that supports the fact."""
    name = text(link.title or link.url)
    pinpoint = text(link.pinpoint)
    lines = [Line(f"{name} at {pinpoint}" if pinpoint else name)]
    if link.title and link.url != link.title and link.url.startswith(("http://", "https://")):
        lines.append(Line(text(link.url), "muted"))
    if link.sha256:  # a registered document: the start of the hash its file is checked by
        lines.append(Line(f"SHA-256 {link.sha256[:16]}…", "muted"))
    if link.quote:
        lines.append(Line("“" + " ".join(text(link.quote).split()) + "”", "quote"))
        if link.quote_warning:  # the hash above does not vouch for it
            lines.append(Line(link.quote_warning, "strong"))
    return tuple(lines)
