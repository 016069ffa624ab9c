"""A chronology report per case in Markdown: heading, summary, table, footnoted sources.

Pastes into a brief, a wiki or a GitHub issue; footnote labels are numbered across the
whole report so several cases can share one page. User text has its HTML escaped (&, <, >
as entities, which CommonMark reads back as text everywhere, link destinations included),
so a title like "<script>" is shown, never run, by whatever renders the report.
"""

from __future__ import annotations

import html
import re
from typing import TextIO

from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Case, SourceLink


def _text(text: str) -> str:
    """User text with its HTML shown, not run."""
    return html.escape(text, quote=False)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split("\n")).strip()


def _footnote(s: SourceLink) -> str:
    url = _text(s.url)
    if not s.url.startswith(("http://", "https://")):
        cite = _text(s.title or s.url)
    elif s.title:
        label = re.sub(r"([][])", r"\\\1", _text(s.title))  # a ] would end the link text
        cite = f"[{label}](<{url}>)"
    else:
        # An autolink cannot hold spaces or entities: such a URL is written as a link.
        cite = f"<{s.url}>" if url == s.url and " " not in url else f"[{url}](<{url}>)"
    if s.page:
        cite += f", p. {_text(s.page)}"
    if s.paragraph:
        cite += f", para. {_text(s.paragraph)}"
    if s.quote:
        cite += ": “" + _text(" ".join(s.quote.split())) + "”"
    return cite


def _heading(case: Case) -> list[str]:
    facts = [f"`{case.slug}`"]
    facts += [f"{name}: {_text(value)}" for name, value in
              (("Jurisdiction", case.jurisdiction), ("Court", case.court),
               ("Docket", case.docket), ("Status", case.status)) if value]  # fmt: skip
    lines = [f"# {_text(case.title)}", "", " · ".join(facts), ""]
    if case.summary:
        lines += [_text(case.summary), ""]
    return lines


def write_markdown(selection: Selection, out: TextIO) -> None:
    number = 0
    for index, case in enumerate(selection.cases()):
        if index:
            out.write("\n")
        out.write("\n".join(_heading(case)) + "\n")
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
            title = m.title + (" **(key fact)**" if m.key else "")
            if m.status != "undisputed":
                title += f" *({m.status})*"
            if m.note:
                title += f" — {m.note}"
            who = "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in m.parties)
            date = display_date(m.date)
            cells = [_text(date), _text(m.kind), _text(title), _text(who), " ".join(refs)]
            out.write("| " + " | ".join(_cell(c) for c in cells) + " |\n")
        if not rows:
            out.write("*No milestones selected.*\n")
        if notes:
            out.write("\n")
            for text, n in notes.items():
                out.write(f"[^{n}]: {text}\n")
