"""Rows of the store as the people who use casetrack know them: every message that names a
row by the table it is in (undo, history, check) says it with these words, never the table's
own name ('milestone_parties rows 2-3' is 'links of parties to milestones (rows 2-3)')."""

from __future__ import annotations

# Each table's row, one and many. A row whose number commands show and take (milestone 3,
# party 5) is named by it; a link, an alias, a rule (known by its id) or a closure (by its
# court and day), which no command numbers, says its number is the store's row: history
# names a rule by its id where it can (history.Names.known).
_WORDS = {
    "cases": ("case", "cases"),
    "kinds": ("kind", "kinds"),
    "parties": ("party", "parties"),
    "party_aliases": ("alias of a party", "aliases of parties"),
    "sources": ("source", "sources"),
    "milestones": ("milestone", "milestones"),
    "milestone_parties": ("link of a party to a milestone", "links of parties to milestones"),
    "milestone_sources": ("citation of a source in a milestone", "citations of sources"),
    "milestone_tags": ("tag of a milestone", "tags of milestones"),
    "documents": ("document", "documents"),
    "document_pages": ("page of a document", "pages of documents"),
    "deadlines": ("deadline", "deadlines"),
    "rules": ("court rule", "court rules"),
    "closures": ("court closure", "court closures"),
}
_NUMBERED = frozenset(
    {"cases", "kinds", "parties", "sources", "milestones", "documents", "deadlines"}
)


def row_noun(table: str, many: bool = False) -> str:
    """What one row of `table` is (a link of a party to a milestone), or several are; a table
    casetrack keeps for itself (an index) by its own name, there being no other."""
    one, several = _WORDS.get(table, (f"{table} row", f"{table} rows"))
    return several if many else one


def rows_said(table: str, first: int, last: int | None = None) -> str:
    """Rows first to last of `table` as a message names them: 'milestone 3', 'milestones
    1-30', 'alias of a party (row 4)', 'links of parties to milestones (rows 2-3)'."""
    many = last is not None and last != first
    numbers = f"{first}-{last}" if many else f"{first}"
    if table in _NUMBERED:
        return f"{row_noun(table, many)} {numbers}"
    return f"{row_noun(table, many)} ({'rows' if many else 'row'} {numbers})"
