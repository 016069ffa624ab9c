"""An import's shortcuts change nothing: each is a proof that the general path would give the
same, tested as such against it on arbitrary input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.drafts import PartySpec, check_party
from casetrack.errors import CasetrackError
from casetrack.exchange.importer import _any_citation, _any_party_spec, _citation, _party_spec
from tests.budget import examples
from tests.conftest import Cli

# What a file may hold where a text is expected: text (odd spaces, controls, accents in both
# Unicode forms, bidi marks), nothing, or a value of another type.
_TEXT = st.lists(
    st.sampled_from(["Jane", " ", "\t", "\n", "é", "e\u0301", "\x01", "\u202e", ":", "judge",
                     "witness", "Witness", "defendent", "ab", ""]),
    max_size=4,
).map("".join)  # fmt: skip
_VALUE = st.one_of(_TEXT, st.none(), st.integers(), st.booleans(), st.lists(st.integers()))
_UID = st.sampled_from(["5f0e8f9e-3c1a-4c4e-9d4e-2b1a6f3e8c7d", "5F0E8F9E3C1A4C4E9D4E2B1A6F3E8C7D"])


def _outcome(read: Any, item: object) -> object:
    try:
        return read(item)
    except CasetrackError as err:
        return f"refused: {err}"


_PARTY_LINK = st.dictionaries(
    st.sampled_from(["party", "name", "role", "spec", "other"]), _VALUE | _UID, max_size=5
)
_SOURCE_LINK = st.dictionaries(
    st.sampled_from(["source", "url", "quote", "page", "paragraph", "page_index", "sha256"]),
    _VALUE | _UID,
    max_size=7,
)


@settings(max_examples=examples(300))
@given(st.one_of(_PARTY_LINK, _VALUE))
def test_an_exports_party_link_reads_as_any_party_link_does(item: object) -> None:
    assert _outcome(_party_spec, item) == _outcome(_any_party_spec, item)


@settings(max_examples=examples(300))
@given(st.one_of(_SOURCE_LINK, _VALUE))
def test_an_exports_source_link_reads_as_any_source_link_does(item: object) -> None:
    assert _outcome(_citation, item) == _outcome(_any_citation, item)


@settings(max_examples=examples(300))
@given(_TEXT, st.one_of(st.none(), _TEXT), st.one_of(st.none(), _UID), st.booleans())
def test_a_known_role_is_taken_as_the_role_check_would_leave_it(
    name: str, role: str | None, uid: str | None, new: bool
) -> None:
    """check_party takes a known role (or none) as stored without check_role: the same link
    as checking it would give, and the same refusals."""
    from casetrack.drafts import check_role

    spec = PartySpec(name, role, uid, new)
    try:
        checked = check_party(spec)
    except CasetrackError as err:
        checked_role: object = f"refused: {err}"
    else:
        checked_role = checked.role
    try:
        expected: object = check_role(role, f"party {name.strip()!r}", as_typed=new or bool(uid))
    except CasetrackError as err:
        expected = f"refused: {err}"
    if isinstance(checked_role, str) and checked_role.startswith("refused: "):
        return  # a bad name or uid is refused before the role is read
    assert checked_role == expected


def _names(cli: Cli) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The party name index as stored, and as the triggers of m009 would write it now."""
    stored = cli.query("SELECT rowid, names FROM party_names_fts ORDER BY rowid")
    expected = cli.query(
        "SELECT id, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM party_aliases"
        " WHERE party_id = parties.id), '') FROM parties ORDER BY id"
    )
    return stored, expected


def test_parties_imported_in_a_run_are_indexed_by_name_as_one_at_a_time(
    cli: Cli, tmp_path: Path
) -> None:
    """An import's party records skip the name index's triggers and index their names at the
    end of their run: the index is the triggers' own, new parties and new aliases of parties
    the store had alike, and a close name typed afterwards is found through it."""
    cli("case", "add", "c1", "--title", "Case")
    cli("party", "add", "Élodie Lefèvre", "--kind", "person")
    cli("party", "add", "Kept Apart")
    export = tmp_path / "in.jsonl"
    lines = [
        {"format": "casetrack/1"},
        {"type": "party", "name": "Élodie Lefèvre", "kind": "person", "aliases": ["E. Lefevre"]},
        {"type": "party", "name": "Mohammad Rezaei", "kind": "person",
         "aliases": ["M. Rezaei", "محمد رضایی"]},
        {"type": "party", "name": "Acme Holdings", "kind": "organization"},
        {"type": "milestone", "case": "c1", "date": "2003", "title": "Raid",
         "parties": [{"name": "Acme Holdings", "role": "defendant"}]},
        {"type": "party", "name": "Late Party", "aliases": ["L. Party"]},
    ]  # fmt: skip
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    cli("import", str(export))
    stored, expected = _names(cli)
    assert stored == expected
    assert len(stored) == 5
    cli.query("INSERT INTO party_names_fts (party_names_fts) VALUES ('integrity-check')")
    refused = cli("add", "c1", "2004", "Hearing", "--party", "Mohammad Rezaie", code=1)
    assert "'Mohammad Rezaei'" in refused.stderr
    # The triggers are back: a party added by hand is indexed at once.
    cli("party", "add", "New One", "--alias", "N. One")
    assert _names(cli)[0] == _names(cli)[1]
