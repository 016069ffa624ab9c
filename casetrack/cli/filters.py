"""The filter options shared by timeline, search and export, declared once.

`FilterOptions` is the declaration: each field's annotation is the option Typer shows.
`with_filters` puts those fields into a command's signature where its `filters` parameter
stands, and hands the command the values as one FilterOptions, by name.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, get_type_hints

import typer

if TYPE_CHECKING:
    from casetrack.selection import Filters

Cases = Annotated[
    list[str] | None,
    typer.Argument(help="Case slugs (all cases when none).", show_default=False),
]
CaseOpts = Annotated[
    list[str] | None,
    typer.Option(
        "--case", "-c", metavar="SLUG", help="Case slug; repeat for any of them (all when none)."
    ),
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


@dataclass(frozen=True)
class FilterOptions:
    """The filter options as typed; `selected` checks the dates and makes them Filters."""

    cases: CaseOpts = None
    party: Parties = None
    role: Role = None
    kind: Kinds = None
    tag: Tags = None
    since: Since = None
    until: Until = None
    status: Status = None
    key: Key = False
    source: SourceRef = None

    def selected(self) -> Filters:
        """The options as the library's Filters, dates parsed: what every filtered command passes
        on."""
        from casetrack.dates import parse_date
        from casetrack.selection import Filters

        return Filters(
            cases=self.cases or [],
            parties=self.party or [],
            role=self.role,
            kinds=self.kind or [],
            tags=self.tag or [],
            since=parse_date(self.since) if self.since else None,
            until=parse_date(self.until) if self.until else None,
            status=self.status,
            key=self.key,
            source=self.source,
        )


ALL = FilterOptions()  # no filter: everything; the default a decorated command's signature names


def with_filters(
    cases: Any = CaseOpts,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A decorator: the command's `filters: FilterOptions` parameter becomes the filter
    options, in their order at its place; `cases` says how cases are given (the Cases
    argument or the --case option)."""
    return with_options(FilterOptions, "filters", {"cases": cases})


def with_options(
    declared: type[Any], name: str, overrides: dict[str, Any] | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A decorator: the command's parameter `name` becomes the options a dataclass declares
    (each field's annotation is its option), in their order at its place; the command gets
    them back as one instance of it. Options several commands share are declared once."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        hints = get_type_hints(declared, include_extras=True) | (overrides or {})
        options = [
            inspect.Parameter(
                field.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=field.default, annotation=hints[field.name],
            )
            for field in fields(declared)
        ]  # fmt: skip
        names = [option.name for option in options]
        signature = inspect.signature(command, eval_str=True)
        params = list(signature.parameters.values())
        at = list(signature.parameters).index(name)

        @functools.wraps(command)
        def run(**values: Any) -> None:
            chosen = declared(**{n: values.pop(n) for n in names})
            command(**{name: chosen}, **values)

        expanded = signature.replace(parameters=[*params[:at], *options, *params[at + 1 :]])
        run.__signature__ = expanded  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in expanded.parameters.values()}
        return run

    return decorate
