"""Realistic milestone lists shared by the rendering tests (plain builders, fresh per call)."""

from __future__ import annotations

from datetime import date
from typing import Any

from casetrack.dates import DateValue, parse_date
from casetrack.models import Case, Milestone, PartyLink, SourceLink


def when(text: str, *, approximate: bool = False, uncertain: bool = False) -> DateValue:
    value = parse_date(text)
    return DateValue(value.text, value.start, value.end, value.precision, approximate, uncertain)


def milestone(
    id: int, case: str, date_value: DateValue, kind: str, title: str, **extra: Any
) -> Milestone:
    return Milestone(
        id=id, uid=f"m{id}", case=case, date=date_value, kind=kind, title=title, **extra
    )


def harbour_cases() -> list[Case]:
    return [
        Case(
            1,
            "c1",
            "harbour",
            "State v. Harbour Press",
            jurisdiction="Examplestan",
            court="District Court",
            docket="K 17/2003",
            status="closed",
            summary="Criminal proceedings against a newspaper and its editor.",
        ),
        Case(2, "c2", "appeal", "Appeal in State v. Harbour Press", court="Court of Appeal"),
    ]


def harbour_timeline() -> list[Milestone]:
    """A 2001 inquiry through a 2003 raid and detentions to a 2014 dismissal, plus an appeal."""
    editor = PartyLink("Ana Varga", "detainee")
    report = SourceLink(
        1,
        "https://news.example.com/2003/06/18/raid",
        "Police search offices",
        quote="Officers removed computers.",
        page="1",
    )
    ruling = SourceLink(
        2,
        "https://example.org/judgments/2014-03-11",
        "District Court judgment",
        quote="The charges are dismissed.",
        paragraph="42",
    )
    return [
        milestone(1, "harbour", when("2001"), "investigation", "Investigation opened"),
        milestone(
            2,
            "harbour",
            when("2003-06-17"),
            "raid",
            "Police raid the newspaper offices",
            parties=[PartyLink("Harbour Press Ltd", "subject")],
            sources=[report],
        ),
        milestone(
            3,
            "harbour",
            when("2003-06-17"),
            "detention",
            "Editor Ana Varga detained",
            parties=[editor, PartyLink("Office of the Prosecutor", "prosecutor")],
        ),
        milestone(4, "harbour", when("2003-06-18"), "detention", "Reporter detained"),
        milestone(5, "harbour", when("2003-09", approximate=True), "release", "Both released"),
        milestone(
            6,
            "harbour",
            DateValue("2004-02/..", date(2004, 2, 1), None, "after"),
            "detention",
            "Travel ban, still in force",
        ),
        milestone(
            7,
            "harbour",
            when("2014-03-11"),
            "dismissal",
            "Charges dismissed",
            parties=[editor],
            sources=[ruling],
        ),
        milestone(
            8,
            "harbour",
            DateValue("", None, None, "unknown"),
            "hearing",
            "Closed hearing on the seized archive",
        ),
        milestone(9, "appeal", when("2014-04", uncertain=True), "appeal", "Prosecutor appeals"),
        milestone(
            10,
            "appeal",
            when("2015-06-30"),
            "ruling",
            "Appeal court upholds dismissal",
            sources=[ruling],
        ),
    ]
