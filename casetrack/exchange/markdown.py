"""A chronology report per case in Markdown: heading, summary, table, footnoted sources.

Pastes into a brief, a wiki or a GitHub issue; footnote labels are numbered across the
whole report so several cases can share one page.
"""

from __future__ import annotations

from typing import TextIO

from casetrack.dates import display_date
from casetrack.exchange.selection import Selection
from casetrack.models import Case, SourceLink


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split("\n")).strip()


def _footnote(s: SourceLink) -> str:
    if not s.url.startswith(("http://", "https://")):
        cite = s.title or s.url
    else:
        cite = f"[{s.title}](<{s.url}>)" if s.title else f"<{s.url}>"
    if s.page:
        cite += f", p. {s.page}"
    if s.paragraph:
        cite += f", para. {s.paragraph}"
    if s.quote:
        cite += ": “" + " ".join(s.quote.split()) + "”"
    return cite


def _heading(case: Case) -> list[str]:
    facts = [f"`{case.slug}`"]
    facts += [f"{name}: {value}" for name, value in
              (("Jurisdiction", case.jurisdiction), ("Court", case.court),
               ("Docket", case.docket), ("Status", case.status)) if value]  # fmt: skip
    lines = [f"# {case.title}", "", " · ".join(facts), ""]
    if case.summary:
        lines += [case.summary, ""]
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
            cells = [date, m.kind, title, who, " ".join(refs)]
            out.write("| " + " | ".join(_cell(c) for c in cells) + " |\n")
        if not rows:
            out.write("*No milestones selected.*\n")
        if notes:
            out.write("\n")
            for text, n in notes.items():
                out.write(f"[^{n}]: {text}\n")
