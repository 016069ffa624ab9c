"""Export writers for pictures: the SVG timeline and the self-contained HTML report."""

from __future__ import annotations

from typing import TextIO, cast

from casetrack.exchange.selection import Selection
from casetrack.models import Case, Milestone


def _gather(selection: Selection) -> tuple[list[Milestone], list[Case], str]:
    """Pictures need every milestone at once to lay out a time scale."""
    milestones = list(selection.milestones())
    cases = [c for c in selection.cases() if any(m.case == c.slug for m in milestones)]
    title = cases[0].title if len(cases) == 1 else "casetrack timeline"
    return milestones, cases, title


def write_svg(selection: Selection, out: TextIO) -> None:
    from casetrack.output.pictures.svg import Layout, render_svg

    milestones, cases, title = _gather(selection)
    layout = cast(Layout, selection.layout)  # checked against LAYOUTS by the CLI
    out.write(
        render_svg(
            milestones, title=title, layout=layout,
            case_titles={c.slug: c.title for c in cases},
        )
    )  # fmt: skip


def write_html(selection: Selection, out: TextIO) -> None:
    from casetrack.output.pictures.html import render_html

    milestones, cases, title = _gather(selection)
    out.write(render_html(milestones, title=title, cases=cases))
