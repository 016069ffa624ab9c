"""Regenerate docs/timeline-example.{svg,png} from a realistic two-case example.

Run from the repository root: `python docs/make_example.py`. Needs `chromium` on PATH for
the PNG (Debian: `apt-get install -y chromium`); the SVG is written either way.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from casetrack.dates import DateValue, parse_date
from casetrack.models import Case, Milestone, PartyLink, SourceLink
from casetrack.output.pictures.html import render_html
from casetrack.output.pictures.screenshot import find_chromium, screenshot
from casetrack.output.pictures.svg import render_svg

DOCS = Path(__file__).resolve().parent


def example() -> tuple[list[Milestone], list[Case]]:
    """The Harbour Press case from a 2001 inquiry to its 2014 dismissal, plus an appeal case."""
    press = PartyLink("Harbour Press Ltd", "subject")
    editor = PartyLink("Ana Varga", "detainee")
    reporter = PartyLink("Luis Ortega", "detainee")
    prosecutor = PartyLink("Office of the Prosecutor", "prosecutor")
    raid = SourceLink(
        1,
        "https://news.example.com/2003/06/18/raid",
        "Police search newspaper offices",
        quote="Officers removed computers and the archive.",
        page="1",
    )
    ruling = SourceLink(
        2,
        "https://example.org/judgments/2014-03-11",
        "Judgment of the District Court",
        quote="The charges are dismissed for want of evidence.",
        paragraph="42",
    )
    approximate_sep = DateValue("2003-09~", date(2003, 9, 1), date(2003, 9, 30), "month", True)
    rows = [
        ("harbour", parse_date("2001"), "investigation", "Investigation opened into Harbour Press",
         [press], []),
        ("harbour", parse_date("2003-06-17"), "raid", "Police raid the newspaper offices",
         [press], [raid]),
        ("harbour", parse_date("2003-06-17"), "detention", "Editor Ana Varga detained",
         [editor, prosecutor], [raid]),
        ("harbour", parse_date("2003-06-18"), "detention", "Reporter Luis Ortega detained",
         [reporter], []),
        ("harbour", DateValue("2003-07/..", date(2003, 7, 1), None, "after"), "detention",
         "Travel ban on the editor", [editor], []),
        ("harbour", approximate_sep, "release", "Both journalists released on bail",
         [editor, reporter], []),
        ("harbour", parse_date("2004-02-10"), "indictment", "Indictment for 'insulting the state'",
         [prosecutor, editor], []),
        ("harbour", parse_date("2005"), "hearing", "First hearing postponed", [], []),
        ("harbour", parse_date("2014-03-11"), "dismissal", "Charges dismissed",
         [editor, reporter], [ruling]),
        ("harbour", DateValue("", None, None, "unknown"), "hearing",
         "Closed hearing on the seized archive", [], []),
        ("appeal", parse_date("2014-04"), "appeal", "Prosecutor appeals the dismissal",
         [prosecutor], []),
        ("appeal", parse_date("2015-06-30"), "ruling", "Appeal court upholds the dismissal", [],
         [ruling]),
    ]  # fmt: skip
    milestones = [
        Milestone(i, f"m{i}", case, when, kind, title, parties=parties, sources=sources)
        for i, (case, when, kind, title, parties, sources) in enumerate(rows, start=1)
    ]
    cases = [
        Case(1, "c1", "harbour", "State v. Harbour Press", jurisdiction="Examplestan",
             court="District Court", docket="K 17/2003", status="closed",
             summary="Criminal proceedings against a newspaper and two journalists."),
        Case(2, "c2", "appeal", "Appeal in State v. Harbour Press", court="Court of Appeal"),
    ]  # fmt: skip
    return milestones, cases


def main() -> None:
    milestones, cases = example()
    title = "State v. Harbour Press"
    (DOCS / "timeline-example.svg").write_text(
        render_svg(milestones, title=title, case_titles={c.slug: c.title for c in cases}),
        encoding="utf-8",
    )
    if find_chromium() is None:
        print("chromium not found: wrote the SVG only")
        return
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "example.html"
        page.write_text(render_html(milestones, title=title, cases=cases), encoding="utf-8")
        screenshot(page, DOCS / "timeline-example.png", width=1240, height=1000)
    print(f"wrote {DOCS / 'timeline-example.svg'} and {DOCS / 'timeline-example.png'}")


if __name__ == "__main__":
    main()
