"""The filter options shared by timeline, search and export, declared once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from casetrack.timeline import Filters

Cases = Annotated[
    list[str] | None,
    typer.Argument(help="Case slugs (all cases when none).", show_default=False),
]
CaseOpts = Annotated[
    list[str] | None,
    typer.Option("--case", "-c", help="Case slug; repeat for any of them (all when none)."),
]
Parties = Annotated[
    list[str] | None,
    typer.Option(
        "--party", "-p", metavar="NAME", help="Party name or alias; repeat to require all of them."
    ),
]
Role = Annotated[str | None, typer.Option(help="Only where the party has this role.")]
Kinds = Annotated[
    list[str] | None,
    typer.Option("--kind", "-k", metavar="KIND", help="Milestone kind; repeat for any of them."),
]
Tags = Annotated[
    list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="Tag; repeat to require all.")
]
Since = Annotated[
    str | None, typer.Option(help="Only milestones that may fall on or after this date.")
]
Until = Annotated[
    str | None, typer.Option(help="Only milestones that may fall on or before this date.")
]
Status = Annotated[str | None, typer.Option(help="undisputed, disputed or unsure.")]
Key = Annotated[bool, typer.Option("--key", help="Only key facts.")]
SourceRef = Annotated[
    str | None, typer.Option("--source", help="Only milestones citing this source id or URL.")
]


def build_filters(
    cases: list[str] | None = None,
    parties: list[str] | None = None,
    role: str | None = None,
    kinds: list[str] | None = None,
    tags: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    key: bool = False,
    source: str | None = None,
) -> Filters:
    from casetrack.dates import parse_date
    from casetrack.timeline import Filters

    return Filters(
        cases=cases or [],
        parties=parties or [],
        role=role,
        kinds=kinds or [],
        tags=tags or [],
        since=parse_date(since) if since else None,
        until=parse_date(until) if until else None,
        status=status,
        key=key,
        source=source,
    )
