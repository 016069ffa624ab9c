"""A chronology report per case in Markdown: heading, summary, table, footnoted sources.

Pastes into a brief, a wiki or a GitHub issue; footnote labels are numbered across the
whole report so several cases can share one page. User text is shown as typed, never read as
Markdown or HTML, by whatever renders the report (CommonMark, GitHub, Python-Markdown as in
MkDocs): its HTML is escaped (&, <, > as entities, which CommonMark reads back as text
everywhere, link destinations included) and so is its Markdown (see `_md`), so a title like
"<script>" or "[link](javascript:...)" is shown, never run or followed.
"""

from __future__ import annotations

import html
import re
from typing import TextIO

from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Case, SourceLink
from casetrack.selection import described

# Characters that start Markdown anywhere in a line: escapes, code, emphasis, links and
# images, table cells, attribute lists, headings, strikethrough (GitHub's), and the caret
# that makes a link's text "[^...]" a footnote reference to Python-Markdown.
_INLINE = re.compile(r"[\\`*_\[\]{}|#~^]")
# What starts a block at the beginning of a line: a list item, a setext underline, a
# definition, an admonition ("1." and "1)" lists are stopped by escaping their "." or ")").
_LINE_START = re.compile(r"^(?:[-+=:!]|\d+[.)])")
# Escaped with a backslash, which CommonMark reads back as the character for any ASCII
# punctuation and Python-Markdown only for these; the others as numeric entities.
_BACKSLASHED = frozenset("\\`*_{}[]()>#+-.!|")


def _escape(c: str) -> str:
    return "\\" + c if c in _BACKSLASHED else f"&#{ord(c)};"


def _md(text: str, *, lines: bool = False) -> str:
    """User text shown as typed: its HTML and Markdown escaped. Text whose lines begin lines
    of the report (`lines`) has its lines' starts escaped too, and their indentation dropped
    (it would make a code block)."""
    if not lines:
        return _INLINE.sub(lambda m: _escape(m.group()), html.escape(text, quote=False))
    shown = []
    for line in text.split("\n"):
        line = _md(line.strip())
        start = _LINE_START.match(line)
        if start:
            end = start.end() - 1
            line = line[:end] + _escape(line[end]) + line[end + 1 :]
        shown.append(line)
    return "\n".join(shown)


def _cell(text: str) -> str:
    """A table cell: one line."""
    return " ".join(text.split("\n")).strip()


def _footnote(s: SourceLink) -> str:
    url = html.escape(s.url, quote=False)
    if not s.url.startswith(("http://", "https://")):
        cite = _cell(_md(s.title or s.url, lines=True))  # it begins the footnote
    elif s.title:
        cite = f"[{_cell(_md(s.title))}](<{url}>)"
    else:
        # An autolink cannot hold spaces or entities: such a URL is written as a link.
        cite = f"<{s.url}>" if url == s.url and " " not in url else f"[{url}](<{url}>)"
    if s.pinpoint:
        cite += f", {_cell(_md(s.pinpoint))}"
    if s.quote:
        cite += ": “" + _md(" ".join(s.quote.split())) + "”"
        if s.quote_warning:  # casetrack looked, and it is not on the page cited
            cite += f" (**{s.quote_warning}**)"
    return cite


def _heading(case: Case) -> list[str]:
    facts = [f"`{case.slug}`"]
    facts += [f"{name}: {_cell(_md(value))}" for name, value in
              (("Jurisdiction", case.jurisdiction), ("Court", case.court),
               ("Docket", case.docket), ("Status", case.status)) if value]  # fmt: skip
    lines = [f"# {_cell(_md(case.title))}", "", " · ".join(facts), ""]
    if case.summary:
        lines += [_md(case.summary, lines=True), ""]
    return lines


def write_markdown(selection: Selection, out: TextIO) -> None:
    """Each case as a heading and a table of its milestones, its sources as footnotes below it
    (one per citation, numbered through the whole file)."""
    number = 0
    said = described(selection.filters)
    for index, case in enumerate(selection.cases()):
        if index:
            out.write("\n")
        out.write("\n".join(_heading(case)) + "\n")
        if said:  # under each case: a reader of one case's part knows it leaves facts out
            out.write(f"*{_md(said)}*\n\n")
        notes: dict[str, int] = {}
        rows = 0
        for m in selection.milestones(case.id):
            if not rows:
                out.write("| Date | Kind | What happened | Parties | Sources |\n")
                out.write("|---|---|---|---|---|\n")
            rows += 1
            refs = []
            for s in m.sources:
                text = _footnote(s)
                if text not in notes:
                    number += 1
                    notes[text] = number
                refs.append(f"[^{notes[text]}]")
            title = _md(m.title) + (" **(key fact)**" if m.key else "")
            if m.status != "undisputed":
                title += f" *({m.status})*"
            if m.met is not None:
                title += f" *({m.met})*"
            if m.note:
                title += f" — {_md(m.note)}"
            who = "; ".join(_md(p.name + (f" ({p.role})" if p.role else "")) for p in m.parties)
            date = display_date(m.date)
            cells = [_md(date), _md(m.kind), title, who, " ".join(refs)]
            out.write("| " + " | ".join(_cell(c) for c in cells) + " |\n")
        if not rows:
            out.write("*No milestones selected.*\n")
        if notes:
            out.write("\n")
            for text, n in notes.items():
                out.write(f"[^{n}]: {text}\n")
