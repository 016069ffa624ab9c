"""SQL text the library's queries share, so each idiom is spelled in one place."""

from __future__ import annotations

from collections.abc import Sized


def placeholders(values: Sized) -> str:
    """One `?` a value, for `IN (...)` or `VALUES (...)`: values are bound, never spliced
    into the SQL, so a name with a quote in it cannot change the query."""
    return ", ".join("?" * len(values))
